import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse, CallOptions, GridDeskApi } from '../../../electron/api';
import { ApiCallError, call } from '../../../renderer/api/client';

// The page's `window.api` (renderer/types.d.ts, which pulls in the whole renderer): what the client calls.
declare global {
  interface Window {
    api?: GridDeskApi;
  }
}

const LOST: ApiResponse<never> = { ok: false, error: { code: 'INTERNAL', message: '与服务的连接中断', key: 'transport.lost', params: {} } };

/** A `window.api` that answers from a script, recording what each call carried. */
function fakeApi(answers: ApiResponse<unknown>[]) {
  const sent: { method: string; options: CallOptions | undefined }[] = [];
  const api = {
    invoke: (method: string, _input: unknown, options?: CallOptions) => {
      sent.push({ method, options });
      return Promise.resolve(answers.shift() ?? LOST);
    },
  } as unknown as GridDeskApi;
  (globalThis as { window?: unknown }).window = { api };
  return sent;
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('the client sending calls', () => {
  it('retries a change whose answer was lost with the same request id, and takes "already done" as done', async () => {
    const result = { batchId: 'b1', changed: 3, unchanged: 0, at: 1 };
    const sent = fakeApi([LOST, { ok: true, result, alreadyDone: true }]);
    const input = { selection: { kind: 'grid' as const, id: '01900000-0000-7000-8000-0000000000a1' }, status: 'sealed', reason: '出现确诊病例' };
    expect(await call('buildings.bulkSetStatus', input)).toEqual(result);
    expect(sent).toHaveLength(2);
    const [first, second] = sent.map((s) => s.options?.requestId);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toBe(first);
  });

  it('gives each change its own id, sends a query without one, and stops retrying after the last delay', async () => {
    const sent = fakeApi([{ ok: true, result: { changed: true } }, { ok: true, result: { changed: true } }]);
    await call('auth.changePassword', { oldPassword: 'a-1', newPassword: 'b-2' });
    await call('auth.changePassword', { oldPassword: 'a-1', newPassword: 'b-2' });
    expect(sent[0]!.options!.requestId).not.toBe(sent[1]!.options!.requestId);
    const queried = fakeApi([{ ok: true, result: [] }]);
    await call('statuses.list', {});
    expect(queried[0]!.options).toBeUndefined();
    const lost = fakeApi([]);
    await expect(call('statuses.list', {})).rejects.toBeInstanceOf(ApiCallError);
    expect(lost).toHaveLength(4);
  }, 15_000);
});
