import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../db/auth/roles';
import { contract, WALL_METHODS, type MethodName } from '../../../electron/api';
import { wallRequest } from '../../../electron/rpc/wall-dispatch';
import { signIn, ROLE_USERS } from '../helpers/runtime';
import { SAMPLES, type Sample } from '../auth/matrix-samples';
import { openMatrixStreet, type MatrixStreet } from '../auth/matrix-street';

const METHODS = Object.keys(contract) as MethodName[];
const ALLOWED = new Set<string>(WALL_METHODS);

let f: MatrixStreet;
let token: string;

beforeEach(async () => {
  f = await openMatrixStreet();
  const { code } = await f.admin.call('wall.createCode', { name: '会议室' });
  const paired = await wallRequest(f.t.runtime, { op: 'pair', code, source: '10.0.0.5' });
  if (!paired.ok) throw new Error(paired.error.message);
  token = paired.result.token;
});
afterEach(async () => {
  const { jobs } = f.t.runtime;
  await Promise.all(jobs.list(SYSTEM_ACTOR).map((j) => jobs.wait(j.id)));
  f.t.runtime.close();
});

describe('what a paired wall display may call, over the whole contract', () => {
  it('allows only reads', () => {
    expect(WALL_METHODS.filter((m) => contract[m].mutates || contract[m].permission === 'public')).toEqual([]);
  });

  it.each(METHODS.map((m) => [m, ALLOWED.has(m) ? 'ok' : 'FORBIDDEN'] as const))('%s → %s, and never personal data', async (method, outcome) => {
    const spec = SAMPLES[method] as Sample<typeof method>;
    const input = await spec.input(f, await signIn(f.t.runtime, ROLE_USERS.admin), 'inside');
    const reply = await wallRequest(f.t.runtime, { op: 'call', token, method, input });
    if (outcome === 'ok') expect(reply, JSON.stringify(reply).slice(0, 300)).toMatchObject({ ok: true });
    else expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'wall.methodRefused', message: `大屏显示器只能读取大屏数据，不能调用 ${method}` } });
    const text = JSON.stringify(reply);
    for (const secret of [...f.secrets.numbers, ...f.secrets.names]) expect(text, `${method} shows ${secret}`).not.toContain(secret);
  });

  it('refuses a missing, made-up or unknown-method call without running anything', async () => {
    expect(await wallRequest(f.t.runtime, { op: 'call', token: undefined, method: 'briefing.get', input: {} })).toMatchObject({ ok: false, error: { key: 'wall.notPaired' } });
    expect(await wallRequest(f.t.runtime, { op: 'call', token: 'x'.repeat(43), method: 'briefing.get', input: {} })).toMatchObject({ ok: false, error: { key: 'wall.notPaired' } });
    expect(await wallRequest(f.t.runtime, { op: 'call', token, method: 'no.such', input: {} })).toMatchObject({ ok: false, error: { key: 'wall.methodRefused' } });
    expect(await wallRequest(f.t.runtime, { op: 'call', token, method: 'briefing.get', input: { extra: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
