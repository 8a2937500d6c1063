import { afterEach, describe, expect, it } from 'vitest';
import { wallRequest } from '../../../electron/rpc/wall-dispatch';
import { WALL_CODE_MINUTES } from '../../../electron/api';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
let clock = Date.parse('2026-03-01T09:00:00+08:00');
afterEach(() => t.runtime.close());

function open() {
  clock = Date.parse('2026-03-01T09:00:00+08:00');
  t = makeRuntime({ now: () => clock });
  return t.runtime;
}
const pair = (code: string, source = '10.1.2.3') => wallRequest(t.runtime, { op: 'pair', code, source });
const displays = () => t.runtime.vault.requireOpen().opened.sqlite.prepare('SELECT * FROM wall_displays').all();

describe('pairing a wall display', () => {
  it('gives a leader a code once, which pairs one wall PC once, audited without the code', async () => {
    const rt = open();
    const leader = await signIn(rt, ROLE_USERS.leader);
    const { code, name, expiresAt } = await leader.call('wall.createCode', { name: '三楼会议室' });
    expect(code).toMatch(/^\d{8}$/);
    expect(name).toBe('三楼会议室');
    expect(expiresAt).toBe(clock + WALL_CODE_MINUTES * 60_000);

    const first = await pair(`${code.slice(0, 4)} ${code.slice(4)}`);
    expect(first).toMatchObject({ ok: true, result: { display: { name: '三楼会议室', pairedFrom: '10.1.2.3', revokedAt: null }, token: expect.stringMatching(/^[\w-]{43}$/) } });
    expect(await pair(code, '10.1.2.4')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'wall.codeWrong', field: 'code', message: expect.stringMatching(/^配对码不对或已过期/) } });
    expect(displays()).toHaveLength(1);
    const token = first.ok ? first.result.token : '';
    // Only the credential's hash is kept.
    expect(JSON.stringify(displays())).not.toContain(token);
    expect(await wallRequest(rt, { op: 'display', token })).toMatchObject({ open: true, display: { name: '三楼会议室' } });

    const admin = await signIn(rt, ROLE_USERS.admin);
    const log = await admin.call('audit.query', { limit: 10 });
    const actions = log.entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['wall.code_create', 'wall.pair']));
    expect(JSON.stringify(log.entries)).not.toContain(code);
    expect(log.entries.find((e) => e.action === 'wall.pair')).toMatchObject({ actorName: 'lingdao 用户', detail: { name: '三楼会议室', from: '10.1.2.3' } });
  });

  it('lets a code expire after its minutes', async () => {
    const rt = open();
    const admin = await signIn(rt, ROLE_USERS.admin);
    const { code } = await admin.call('wall.createCode', { name: '大厅' });
    clock += WALL_CODE_MINUTES * 60_000;
    expect(await pair(code)).toMatchObject({ ok: false, error: { key: 'wall.codeWrong' } });
    expect(displays()).toHaveLength(0);
  });

  it('refuses the duty officer, analyst and grid worker, and an empty or long name, naming the field', async () => {
    const rt = open();
    for (const role of ['staff', 'analyst', 'grid_worker'] as const) {
      const caller = await signIn(rt, ROLE_USERS[role]);
      expect(await caller.reply('wall.createCode', { name: '大厅' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const admin = await signIn(rt, ROLE_USERS.admin);
    expect(await admin.reply('wall.createCode', { name: '  ' })).toMatchObject({ ok: false, error: { field: 'name', message: expect.stringContaining('请填写显示器名称') } });
    expect(await admin.reply('wall.createCode', { name: '长'.repeat(41) })).toMatchObject({ ok: false, error: { field: 'name', message: expect.stringContaining('不能超过 40 个字') } });
  });

  it('throttles wrong codes per address and overall, even the right code while throttled', async () => {
    const rt = open();
    const admin = await signIn(rt, ROLE_USERS.admin);
    const { code } = await admin.call('wall.createCode', { name: '大厅' });
    const wrong = code === '00000000' ? '00000001' : '00000000';
    for (let i = 0; i < 5; i++) expect(await pair(wrong, '10.9.9.9')).toMatchObject({ ok: false, error: { key: 'wall.codeWrong' } });
    expect(await pair(code, '10.9.9.9')).toMatchObject({ ok: false, error: { key: 'wall.throttled', message: expect.stringMatching(/^配对码输错次数过多，请 \d+ 秒后再试/) } });
    // Other addresses go on until 20 wrong codes in a minute over all of them.
    for (let i = 0; i < 15; i++) expect(await pair(wrong, `10.8.0.${i}`)).toMatchObject({ ok: false, error: { key: 'wall.codeWrong' } });
    expect(await pair(code, '10.7.7.7')).toMatchObject({ ok: false, error: { key: 'wall.throttled' } });
    expect(displays()).toHaveLength(0);
    clock += 60_000;
    expect(await pair(code, '10.9.9.9')).toMatchObject({ ok: true });
  });

  it('revokes a display: its credential stops working, a second revoke changes nothing, the list keeps it', async () => {
    const rt = open();
    const leader = await signIn(rt, ROLE_USERS.leader);
    const { code } = await leader.call('wall.createCode', { name: '大厅' });
    const paired = await pair(code);
    if (!paired.ok) throw new Error('not paired');
    const { token, display } = paired.result;
    expect(await wallRequest(rt, { op: 'call', token, method: 'briefing.settings', input: {} })).toMatchObject({ ok: true });
    const revoked = await leader.call('wall.revoke', { id: display.id });
    expect(revoked).toMatchObject({ id: display.id, revokedAt: clock, revokedBy: 'lingdao 用户' });
    expect(await wallRequest(rt, { op: 'call', token, method: 'briefing.settings', input: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'wall.notPaired' } });
    expect(await wallRequest(rt, { op: 'display', token })).toEqual({ open: true, display: null });
    expect(await leader.call('wall.revoke', { id: display.id })).toEqual(revoked);
    expect(await leader.call('wall.list')).toEqual([revoked]);
    expect(await leader.reply('wall.revoke', { id: '01900000-0000-7000-8000-00000000ffff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    const admin = await signIn(rt, ROLE_USERS.admin);
    expect((await admin.call('audit.query', { action: 'wall.revoke', limit: 5 })).entries).toHaveLength(1);
  });
});
