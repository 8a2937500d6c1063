import { benchSeed } from './seed';
import { benchStall } from './stall';
import { benchFiles } from './files';
const { largeDir } = benchSeed();
await benchStall(largeDir);
await benchFiles(largeDir);
