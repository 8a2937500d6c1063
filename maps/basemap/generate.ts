/**
 * Writes the offline basemap layers to `data/`. Run once, commit the output:
 *   npx tsx maps/basemap/generate.ts
 * `node:fs` is loaded dynamically so this file typechecks with the renderer's (browser)
 * settings too; nothing in the app imports it.
 */
import { buildBasemap } from './build';

const FS_MODULE = 'node:fs';
const fs = (await import(/* @vite-ignore */ FS_MODULE)) as { writeFileSync(file: URL, data: string): void };
const basemap = buildBasemap();
for (const [name, collection] of Object.entries(basemap)) {
  const json = JSON.stringify(collection);
  fs.writeFileSync(new URL(`./data/${name}.json`, import.meta.url), `${json}\n`);
  console.log(`data/${name}.json: ${collection.features.length} features, ${(json.length / 1024).toFixed(1)} KiB`);
}
