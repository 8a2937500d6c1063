import { benchSeed } from './seed';
import { benchMapData } from './map-data';
import { benchStartup } from './startup';
import { ServiceHost } from '../../db/host';

/** `npm run bench`: prints one JSON object per line, each with name, value and unit. */
async function main(): Promise<void> {
  const { largeDir } = benchSeed();
  const host = ServiceHost.open(largeDir);
  const buildings = (host.opened.sqlite.prepare('SELECT count(*) AS n FROM buildings').get() as { n: number }).n;
  host.close();
  await benchMapData(largeDir);
  await benchStartup(largeDir, buildings);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
