import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceStartError, WorkerBackend } from '../../../electron/host/worker-backend';
import { makeRuntime, PASSWORD } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';
import { testWorker } from '../helpers/worker-bundle';

/** A data dir with the tiny territory and the five accounts, closed again: the worker opens it. */
function dataDir(): { dir: string; building: string } {
  const t = makeRuntime();
  t.runtime.close();
  return { dir: t.dataDir, building: t.territory.buildings[0]! };
}

describe('the services in their worker thread', () => {
  it('answer calls for each session, keep sessions apart, and forward push events', async () => {
    const { dir, building } = dataDir();
    const backend = await WorkerBackend.start(testWorker, dir, { kdf: { N: 2 ** 10, r: 8, p: 1 } });
    try {
      expect(backend.vaultState).toBe('locked');
      const events: string[] = [];
      backend.onEvent((event) => events.push(event));
      const created = await backend.createSession('127.0.0.1');
      if (!created.ok) throw new Error(created.error.message);
      const first = created.result;
      expect(await backend.session(first)).toEqual({ id: first, signedIn: false, accountId: null, gridIds: null });
      expect(await backend.session('no-such-session')).toBeNull();
      expect(await backend.call(first, { mode: 'browser' }, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // Signing in gives the session a new id, told to the caller; the old one finds nothing.
      const renewed: string[] = [];
      const login = await backend.call(first, { mode: 'browser' }, 'auth.login', { username: 'zhiban', password: PASSWORD }, { onNewSessionId: (id) => renewed.push(id) });
      expect(login).toMatchObject({ ok: true, result: { state: 'signed-in' } });
      expect(renewed).toHaveLength(1);
      const session = renewed[0]!;
      expect(session).not.toBe(first);
      expect(await backend.session(first)).toBeNull();
      expect(await backend.session(session)).toMatchObject({ signedIn: true, accountId: expect.any(String) });
      expect(await backend.call(session, { mode: 'browser' }, 'system.info', {})).toMatchObject({ ok: true, result: { mode: 'browser' } });
      // A window's session is made on its first call when asked to (Electron: one per window), and its handle follows a new id.
      expect(await backend.call('window-7', { mode: 'electron' }, 'auth.status', {}, { ensureSession: true })).toMatchObject({
        ok: true,
        result: { state: 'signed-out' },
      });
      const windowLogin = await backend.call('window-7', { mode: 'electron' }, 'auth.login', { username: 'lingdao', password: PASSWORD }, { ensureSession: true });
      expect(windowLogin).toMatchObject({ ok: true, result: { state: 'signed-in' } });
      expect(await backend.session('window-7')).toMatchObject({ signedIn: true, id: expect.not.stringMatching(/^window-7$/) });
      expect(await backend.call('window-7', { mode: 'electron' }, 'system.info', {}, { ensureSession: true })).toMatchObject({ ok: true });
      const changed = await backend.call(session, { mode: 'browser' }, 'buildings.setStatus', { id: building, status: 'sealed', reason: '发现阳性' });
      expect(changed).toMatchObject({ ok: true });
      await expect.poll(() => events).toContain('map.changed');
    } finally {
      await backend.close();
    }
    // Once closed, a call is answered (not left hanging) with a Chinese error.
    expect(await backend.call('x', { mode: 'browser' }, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('refuse to start, with the reason in Chinese, on a data dir they cannot open', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'griddesk.db'), 'not a database at all, and no keyring beside it');
    const failure = await WorkerBackend.start(testWorker, dir).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ServiceStartError);
    expect((failure as Error).message).toMatch(/keyring\.json/);
  });
});
