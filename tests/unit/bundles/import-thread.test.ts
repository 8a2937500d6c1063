import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, previewBundle, type ImportResult } from '../../../db/bundles/exchange';
import type { ImportJobInput } from '../../../db/bundles/jobs';
import { runInThread } from '../../../db/jobs/thread';
import { JobCancelled } from '../../../db/jobs/types';
import { ServiceError } from '../../../db/errors';
import { people } from '../../../db/schema';
import { insertRow } from '../../../db/sync/write';
import { person } from '../sync/fixture';
import { testWorker } from '../helpers/worker-bundle';
import { dump, openOffice, partnerId, trustEachOther, type TestOffice } from './offices';

const offices: TestOffice[] = [];
afterAll(() => offices.forEach((o) => o.close()));

/** The import as the app runs it: in a job thread, on its own connection to the recipient's database. */
function importInThread(to: TestOffice, path: string, allowReplay = false): Promise<ImportResult> {
  const input: ImportJobInput = { path, fileName: 'b.gdbundle', allowReplay, signing: to.identity.signing };
  const control = { progress: () => {}, signal: new AbortController().signal };
  return runInThread(testWorker, { kind: 'bundles.import', input, dataDir: to.dir, key: null, actor: to.actor, nodeId: to.nodeId }, control, () => {}).then(
    (outcome) => outcome.result as ImportResult,
  );
}

describe('the import in a job thread', () => {
  it('applies what the dry run said, in one go, and hands back the newest stamp for the service clock', async () => {
    const a = openOffice('320102101', '中山路街道');
    const b = openOffice('320102102', '玄武门街道');
    offices.push(a, b);
    trustEachOther([a, b]);
    for (const n of ['甲', '乙', '丙']) insertRow(a, people, person(n));
    const built = await exportBundle(a, { partnerIds: [partnerId(a, b)], scope: 'all' });
    const file = join(b.dir, 'in.gdbundle');
    writeFileSync(file, built.bytes);

    const preview = await previewBundle(b, built.bytes);
    const done = await importInThread(b, file);
    expect(done.totals).toEqual(preview.totals);
    expect(done.byTable).toEqual(preview.byTable);
    expect(done.totals.create + done.totals.unchanged).toBe(built.rows);
    expect(done.totals.create).toBeGreaterThanOrEqual(4);
    const newest = a.sqlite.prepare<[], { hlc: string }>('SELECT max(hlc) AS hlc FROM people').get()!.hlc;
    expect(done.newest).toBe(newest);
    expect(b.sqlite.prepare('SELECT name FROM people ORDER BY name').all()).toEqual([{ name: '丙' }, { name: '乙' }, { name: '甲' }]);
    expect(b.sqlite.prepare(`SELECT direction, sequence FROM bundle_log`).all()).toEqual([{ direction: 'received', sequence: built.manifest.sequence }]);

    // The same bundle again is a replay: refused in Chinese, nothing written.
    const before = dump(b);
    const refused = await importInThread(b, file).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).not.toBeInstanceOf(JobCancelled);
    expect((refused as ServiceError).key).toBe('bundle.replay');
    expect(dump(b)).toBe(before);
  }, 60_000);
});
