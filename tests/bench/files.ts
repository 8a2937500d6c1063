import { createHash } from 'node:crypto';
import { cpSync, createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, freshDir } from './lib';
import { startBenchServer } from './server';

const SIZE = 200 * 1024 * 1024;

/** Peak and current resident memory of a process, in MiB (Linux /proc). */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { peak: kib('VmHWM') / 1024, now: kib('VmRSS') / 1024 };
}

/** A file of `size` pseudo-random bytes (incompressible, like a real workbook), and its SHA-256. */
async function makeFile(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  let left = size;
  let seed = 1;
  const source = new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const chunk = Buffer.allocUnsafe(Math.min(left, 1 << 20));
      for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((seed = (seed * 1664525 + 1013904223) >>> 0), i);
      left -= chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  await pipeline(source, createWriteStream(file));
  return hash.digest('hex');
}

/**
 * A 200 MB file up to browser mode and back down, both by stream: the server's peak memory
 * before and after, the time each way, and whether the bytes came back the same.
 */
export async function benchFiles(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const dir = freshDir('files');
  const dataDir = join(dir, 'data');
  cpSync(largeDir, dataDir, { recursive: true });
  const source = join(dir, 'upload.bin');
  const sent = await makeFile(source, SIZE);
  const { child, url } = await startBenchServer(dataDir);
  try {
    const base = new URL(url).origin;
    const opened = await fetch(url, { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie, 'x-griddesk': '1' };
    const login = await fetch(`${base}/api/rpc`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'auth.login', input: { username: 'zhiban', password } }),
    });
    if (!((await login.json()) as { ok: boolean }).ok) throw new Error('sign-in failed');
    const before = memoryOf(child.pid!);

    const up = performance.now();
    const uploaded = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: { ...headers, 'x-file-name': encodeURIComponent('大文件.bin'), 'content-length': String(SIZE) },
      body: Readable.toWeb(createReadStream(source)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const reply = (await uploaded.json()) as { ok: true; result: { fileId: string; size: number } };
    const upMs = performance.now() - up;
    if (!reply.ok || reply.result.size !== SIZE) throw new Error(`upload failed: ${JSON.stringify(reply)}`);

    const down = performance.now();
    const response = await fetch(`${base}/api/files/${reply.result.fileId}`, { headers });
    const back = join(dir, 'download.bin');
    const hash = createHash('sha256');
    await pipeline(
      Readable.fromWeb(response.body as never),
      new Transform({ transform: (chunk: Buffer, _e, done) => (hash.update(chunk), done(null, chunk)) }),
      createWriteStream(back),
    );
    const downMs = performance.now() - down;
    const after = memoryOf(child.pid!);
    const same = hash.digest('hex') === sent && statSync(back).size === SIZE;
    emit('files.roundtrip.peakRss', after.peak, 'MiB', {
      fileMiB: SIZE / 1024 / 1024,
      peakBeforeMiB: Math.round(before.peak),
      growthMiB: Math.round(after.peak - before.peak),
      rssAfterMiB: Math.round(after.now),
      identical: same,
      process: 'browser-mode server (HTTP thread + service worker)',
    });
    emit('files.upload', upMs, 'ms', { MiBps: Math.round(SIZE / 1024 / 1024 / (upMs / 1000)) });
    emit('files.download', downMs, 'ms', { MiBps: Math.round(SIZE / 1024 / 1024 / (downMs / 1000)) });
    if (!same) throw new Error('the downloaded file differs from the uploaded one');
  } finally {
    child.kill('SIGTERM');
  }
}
