import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GridRuntime } from '../../../electron/rpc/runtime';
import { handleRpc, type RpcEvent } from '../../../electron/shell/rpc-call';
import { isMethodAllowedForRole, validateSender } from '../../../electron/shell/sender-policy';
import { WindowRegistry } from '../../../electron/shell/window-registry';
import { makeRuntime, PASSWORD } from '../helpers/runtime';
import { InlineBackend } from '../../../electron/host/inline-backend';

const ours = new Set([7]);

describe('validateSender', () => {
  it('accepts the top frame of our window showing our page', async () => {
    expect(validateSender({ frameUrl: 'app://griddesk/index.html#/map', isMainFrame: true, webContentsId: 7 }, ours)).toEqual({ ok: true });
  });

  it('refuses a foreign origin', async () => {
    for (const frameUrl of ['https://evil.example/', 'http://127.0.0.1:5170/', 'file:///tmp/x.html', 'data:text/html,x', 'app://evil/index.html', 'about:blank']) {
      const check = validateSender({ frameUrl, isMainFrame: true, webContentsId: 7 }, ours);
      expect(check.ok, frameUrl).toBe(false);
    }
  });

  it('refuses a subframe, even one of ours', async () => {
    const check = validateSender({ frameUrl: 'app://griddesk/index.html', isMainFrame: false, webContentsId: 7 }, ours);
    expect(check).toEqual({ ok: false, reason: 'sent from a subframe' });
  });

  it('refuses a webContents we did not create', async () => {
    const check = validateSender({ frameUrl: 'app://griddesk/index.html', isMainFrame: true, webContentsId: 8 }, ours);
    expect(check).toEqual({ ok: false, reason: 'unknown webContents 8' });
  });

  it('refuses a missing frame', async () => {
    expect(validateSender({ frameUrl: null, isMainFrame: true, webContentsId: 7 }, ours).ok).toBe(false);
    expect(validateSender({ frameUrl: undefined, isMainFrame: true, webContentsId: 7 }, ours).ok).toBe(false);
  });
});

describe('isMethodAllowedForRole', () => {
  it('lets the briefing display read but not change', async () => {
    expect(isMethodAllowedForRole('briefing', { mutates: false })).toBe(true);
    expect(isMethodAllowedForRole('briefing', { mutates: true })).toBe(false);
    expect(isMethodAllowedForRole('main', { mutates: true })).toBe(true);
  });
});

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  frameToken: string;
  detached: boolean;
  isDestroyed(): boolean;
}

function frame(url: string, token: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent, frameToken: token, detached: false, isDestroyed: () => false };
}

function event(id: number, sender: FakeFrame | null, main: FakeFrame): RpcEvent {
  return { sender: { id, mainFrame: main }, senderFrame: sender } as unknown as RpcEvent;
}

describe('handleRpc', () => {
  beforeEach(() => {
    // The refusals are logged; keep the test output quiet.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    return () => vi.restoreAllMocks();
  });
  const top = frame('app://griddesk/index.html', 'top');
  const child = frame('app://griddesk/index.html', 'child', top);

  function setup(runtime: GridRuntime | null) {
    const windows = new WindowRegistry();
    windows.add(1, 'main');
    windows.add(2, 'briefing');
    const backend = runtime ? new InlineBackend(runtime) : null;
    return { backend: () => backend, windows };
  }

  it('answers a call from our main window through dispatch, in electron mode, each window its own session', async () => {
    const { runtime: host } = makeRuntime();
    try {
      expect(await handleRpc(setup(host), event(1, top, top), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await handleRpc(setup(host), event(1, top, top), 'auth.login', { username: 'admin', password: PASSWORD })).toMatchObject({ ok: true });
      expect(await handleRpc(setup(host), event(1, top, top), 'system.info', {})).toMatchObject({ ok: true, result: { mode: 'electron' } });
      // Input still goes through the contract's validation.
      expect(await handleRpc(setup(host), event(1, top, top), 'system.info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await handleRpc(setup(host), event(1, top, top), 'no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    } finally {
      host.close();
    }
  });

  it('passes a change’s request id on, so a window’s retry is answered with the first result', async () => {
    const { runtime: host } = makeRuntime();
    try {
      await handleRpc(setup(host), event(1, top, top), 'auth.login', { username: 'admin', password: PASSWORD });
      const change = { key: 'watch', label: '观察', labelEn: 'Watch', color: '#1677ff', rank: 5 };
      const first = await handleRpc(setup(host), event(1, top, top), 'statuses.save', change, 'save-watch-0001');
      expect(first).toMatchObject({ ok: true, result: { key: 'watch' } });
      const retry = await handleRpc(setup(host), event(1, top, top), 'statuses.save', { ...change, label: '观察中' }, 'save-watch-0001');
      expect(retry).toEqual({ ...first, alreadyDone: true });
    } finally {
      host.close();
    }
  });

  it('answers FORBIDDEN, without throwing, to untrusted senders', async () => {
    const binding = setup(null);
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await handleRpc(binding, event(1, frame('https://evil.example/', 'top'), top), 'system.info', {})).toMatchObject(forbidden);
    expect(await handleRpc(binding, event(1, child, top), 'system.info', {})).toMatchObject(forbidden);
    expect(await handleRpc(binding, event(99, top, top), 'system.info', {})).toMatchObject(forbidden);
    expect(await handleRpc(binding, event(1, null, top), 'system.info', {})).toMatchObject(forbidden);
    const gone = { ...top, isDestroyed: () => true };
    expect(await handleRpc(binding, event(1, gone, top), 'system.info', {})).toMatchObject(forbidden);
  });

  it('says the services are starting while the first-run seeding runs', async () => {
    expect(await handleRpc(setup(null), event(1, top, top), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('never throws, even when the host does', async () => {
    const broken = { backend: () => { throw new Error('boom'); }, windows: setup(null).windows };
    expect(await handleRpc(broken, event(1, top, top), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
