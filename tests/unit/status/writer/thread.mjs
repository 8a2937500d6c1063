// Worker entry: worker threads start without the test runner's TypeScript loader, so the
// writer is loaded through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./writer.ts', import.meta.url);
