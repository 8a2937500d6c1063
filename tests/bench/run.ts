import { benchBriefingLive } from './briefing-live';
import { benchSeed } from './seed';
import { benchMapData } from './map-data';
import { benchStartup } from './startup';
import { benchAuth } from './auth';
import { benchSignInTiming } from './sign-in-timing';
import { benchStatus } from './status';
import { benchBuildings } from './buildings';
import { benchScreening } from './screening';
import { benchMapLive } from './map-live';
import { benchImports } from './imports';
import { benchStall } from './stall';
import { benchFiles } from './files';
import { benchIntegrity } from './integrity';
import { benchSearch } from './search';
import { benchReport } from './report';
import { benchRequests } from './requests';
import { benchBriefing } from './briefing';
import { benchBundles } from './bundles';
import { benchStaffing } from './staffing';
import { benchStaffingDrop } from './staffing-drop';
import { benchServiceHours } from './service-hours';
import { benchVolunteers } from './volunteers';
import { benchTerritory } from './territory';
import { benchTerritoryResidents } from './territory-residents';
import { benchMapDistrict } from './map-district';

/** `npm run bench`: prints one JSON object per line, each with name, value and unit. */
async function main(): Promise<void> {
  const { largeDir } = benchSeed();
  const buildings = await benchMapData(largeDir);
  await benchAuth(largeDir);
  await benchSignInTiming();
  await benchStartup(largeDir, buildings);
  await benchStatus(largeDir);
  await benchBuildings(largeDir);
  await benchSearch(largeDir);
  await benchReport(largeDir);
  await benchBriefing(largeDir);
  await benchBriefingLive(largeDir);
  await benchStaffing(largeDir);
  await benchStaffingDrop(largeDir);
  await benchServiceHours(largeDir);
  await benchVolunteers(largeDir);
  await benchScreening(largeDir);
  await benchMapLive(largeDir);
  await benchImports();
  await benchTerritory();
  await benchTerritoryResidents();
  await benchMapDistrict();
  await benchStall(largeDir);
  await benchFiles(largeDir);
  await benchIntegrity(largeDir);
  await benchBundles(largeDir);
  // Last: it fills the queue of the large preset to 50,000 requests.
  await benchRequests(largeDir);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
