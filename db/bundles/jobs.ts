/**
 * The bundle import as a job-thread body: the signature check, decryption, plan and the one
 * merge transaction run on the job thread's own connection, so the service thread goes on
 * answering. The thread holds no office key: the handler passes the one it holds in the input.
 */
import type { ServiceContext } from '../context';
import type { JobOutcome } from '../jobs/manager';
import type { JobControl } from '../jobs/types';
import type { OfficeKey } from '../office-key/key';
import { readBundleFile } from './container';
import { importBundle } from './exchange';
import { officeIdentity } from './identity';

export interface ImportJobInput {
  /** The uploaded bundle in the file store, already checked to belong to the caller. */
  path: string;
  fileName: string;
  allowReplay: boolean;
  /** The office key held by the service thread (a Buffer arrives as a Uint8Array). */
  signing: { keyId: Uint8Array; secret: Uint8Array; publicKey: Uint8Array };
}

export const BUNDLE_JOB_LABELS = { 'bundles.import': '导入数据包' } as const;

export const bundleThreadJobs = {
  'bundles.import': async (ctx: ServiceContext, input: ImportJobInput, job: JobControl): Promise<JobOutcome> => {
    const signing: OfficeKey = { keyId: Buffer.from(input.signing.keyId), secret: input.signing.secret, publicKey: input.signing.publicKey };
    job.progress('核对签名并解密', 0, 1);
    const bytes = await readBundleFile(input.path);
    job.throwIfCancelled();
    job.progress('合并记录', 0, 1);
    const party = { sqlite: ctx.sqlite, identity: officeIdentity(signing), nodeId: ctx.nodeId, actor: ctx.actor, clock: ctx.clock, dataDir: ctx.dataDir };
    const result = await importBundle(party, bytes, { allowReplay: input.allowReplay, fileName: input.fileName });
    ctx.emit('data.changed', { domains: ['*'] });
    const t = result.totals;
    if (result.report) return { summary: `已收下汇总报表：${result.report.length} 项数字`, result };
    return { summary: `已导入：新增 ${t.create}，更新 ${t.update}，无变化 ${t.unchanged}，冲突 ${t.conflict}`, result };
  },
};
