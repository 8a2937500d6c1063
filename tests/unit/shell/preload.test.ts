import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { FILES_CHANNEL as CONTRACT_FILES, PUSH_CHANNEL as CONTRACT_PUSH, RPC_CHANNEL as CONTRACT_RPC } from '../../../electron/api';
import { FILES_CHANNEL, PUSH_CHANNEL, RPC_CHANNEL } from '../../../electron/shell/channels';
import { createPreloadApi, exposeApi, type PreloadIpc } from '../../../electron/shell/preload-api';

type Handler = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for ipcRenderer that records what the preload does with it. */
class RecordingIpc {
  readonly invoked: unknown[][] = [];
  readonly handlers = new Map<string, Set<Handler>>();
  reply: unknown = { ok: true, result: 42 };
  fail = false;

  invoke = (channel: string, ...args: unknown[]) => {
    this.invoked.push([channel, ...args]);
    return this.fail ? Promise.reject(new Error('no handler')) : Promise.resolve(this.reply);
  };
  on = (channel: string, handler: Handler) => {
    if (!this.handlers.has(channel)) this.handlers.set(channel, new Set());
    this.handlers.get(channel)?.add(handler);
    return this;
  };
  removeListener = (channel: string, handler: Handler) => {
    this.handlers.get(channel)?.delete(handler);
    return this;
  };
  push(channel: string, ...args: unknown[]): void {
    for (const h of this.handlers.get(channel) ?? []) h({ sender: 'the-ipc-event' }, ...args);
  }
  count(channel: string): number {
    return this.handlers.get(channel)?.size ?? 0;
  }
}

/** The preload learns a picked file's path only through Electron's webUtils. */
const WEB = { getPathForFile: (file: File) => `/picked/${file.name}` };

function setup() {
  const ipc = new RecordingIpc();
  return { ipc, api: createPreloadApi(ipc as unknown as PreloadIpc, WEB) };
}

describe('preload', () => {
  it('uses the contract’s channel names', () => {
    expect(RPC_CHANNEL).toBe(CONTRACT_RPC);
    expect(PUSH_CHANNEL).toBe(CONTRACT_PUSH);
    expect(FILES_CHANNEL).toBe(CONTRACT_FILES);
  });

  it('exposes `api` and nothing else, with only invoke, subscribe and the two file hand-overs', () => {
    const exposed: [string, unknown][] = [];
    exposeApi({ exposeInMainWorld: (key, value) => exposed.push([key, value]) }, new RecordingIpc() as unknown as PreloadIpc, WEB);
    expect(exposed.map(([key]) => key)).toEqual(['api']);
    const api = exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['files', 'invoke', 'subscribe']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.subscribe).toBe('function');
    const files = api.files as Record<string, unknown>;
    expect(Object.keys(files).sort()).toEqual(['save', 'upload']);
    expect(Object.values(files).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends a picked file as its path (from webUtils) on the files channel, never its bytes', async () => {
    const { ipc, api } = setup();
    await api.files.upload(new File(['x'], '名单.xlsx'));
    await api.files.save('0b5b6c1e-0000-4000-8000-000000000000', '楼栋列表.xlsx');
    expect(ipc.invoked).toEqual([
      [FILES_CHANNEL, 'upload', '/picked/名单.xlsx'],
      [FILES_CHANNEL, 'save', '0b5b6c1e-0000-4000-8000-000000000000', '楼栋列表.xlsx'],
    ]);
  });

  it('invokes on the one RPC channel only', async () => {
    const { ipc, api } = setup();
    await expect(api.invoke('system.info', {})).resolves.toEqual({ ok: true, result: 42 });
    expect(ipc.invoked).toEqual([[RPC_CHANNEL, 'system.info', {}]]);
  });

  it('sends a change’s request id beside its input', async () => {
    const { ipc, api } = setup();
    await api.invoke('auth.logout', {}, { requestId: 'logout-0001-abcd' });
    expect(ipc.invoked).toEqual([[RPC_CHANNEL, 'auth.logout', {}, 'logout-0001-abcd']]);
  });

  it('turns a broken transport into a structured error', async () => {
    const { ipc, api } = setup();
    ipc.fail = true;
    await expect(api.invoke('system.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers only the payload of the subscribed event, and unsubscribes', () => {
    const { ipc, api } = setup();
    const got: unknown[] = [];
    const off = api.subscribe('data.changed', (payload) => got.push(payload));
    api.subscribe('map.changed', () => got.push('wrong'));
    expect(ipc.count(PUSH_CHANNEL)).toBe(1);
    ipc.push(PUSH_CHANNEL, 'data.changed', { domains: ['buildings'] });
    expect(got).toEqual([{ domains: ['buildings'] }]);
    off();
    ipc.push(PUSH_CHANNEL, 'data.changed', { domains: ['x'] });
    expect(got).toHaveLength(1);
    expect([...ipc.handlers.keys()]).toEqual([PUSH_CHANNEL]);
  });

  it('detaches its IPC listener when the last subscriber leaves', () => {
    const { ipc, api } = setup();
    const a = api.subscribe('data.changed', () => {});
    const b = api.subscribe('data.changed', () => {});
    a();
    expect(ipc.count(PUSH_CHANNEL)).toBe(1);
    b();
    expect(ipc.count(PUSH_CHANNEL)).toBe(0);
  });

  it('keeps delivering when one listener throws', () => {
    const { ipc, api } = setup();
    const got: unknown[] = [];
    api.subscribe('data.changed', () => {
      throw new Error('listener bug');
    });
    api.subscribe('data.changed', (p) => got.push(p));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    ipc.push(PUSH_CHANNEL, 'data.changed', { domains: [] });
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
    expect(got).toEqual([{ domains: [] }]);
  });

  it('bundles to a small script that requires only electron (no contract schemas, no Node)', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../../electron/preload.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const external = output?.imports.filter((i) => i.external).map((i) => i.path);
    expect(external).toEqual(['electron']);
    expect(Object.keys(result.metafile.inputs).some((f) => f.includes('node_modules'))).toBe(false);
    expect(output?.bytes ?? Infinity).toBeLessThan(16_000);
  });
});
