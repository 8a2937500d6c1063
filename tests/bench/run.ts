import { benchSeed } from './seed';
import { benchMapData } from './map-data';
import { benchStartup } from './startup';
import { benchAuth } from './auth';

/** `npm run bench`: prints one JSON object per line, each with name, value and unit. */
async function main(): Promise<void> {
  const { largeDir } = benchSeed();
  const buildings = await benchMapData(largeDir);
  await benchAuth(largeDir);
  await benchStartup(largeDir, buildings);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
