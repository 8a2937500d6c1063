/**
 * age's payload STREAM off the calling thread: a worker thread runs `sealStream`/`openStream` on
 * the bytes handed to it (moved, not copied, when they own their buffer), so the service thread
 * goes on answering while a large bundle is sealed or opened. Small payloads stay inline.
 */
import * as crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { openStream, sealStream } from './age-stream';

/** Below this the thread's start costs more than it saves. */
export const AGE_WORKER_THRESHOLD = 1024 * 1024;

/** The worker's program: the two functions' own text, with node:crypto handed in. */
const WORKER_SOURCE = `
const crypto = require('node:crypto');
const { parentPort, workerData } = require('node:worker_threads');
const sealStream = ${sealStream.toString()};
const openStream = ${openStream.toString()};
const { mode, key, bytes } = workerData;
const out = mode === 'seal' ? sealStream(crypto, key, bytes) : openStream(crypto, key, bytes);
if (typeof out === 'string') parentPort.postMessage({ error: out });
else parentPort.postMessage({ out }, [out.buffer]);
`;

function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}

function inThread(mode: 'seal' | 'open', key: Uint8Array, bytes: Uint8Array, handOver: boolean): Promise<Uint8Array | string> {
  const input = handOver ? owned(bytes) : bytes;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Plain JavaScript over node:crypto: none of the parent's loaders or flags are needed.
      execArgv: [],
      workerData: { mode, key, bytes: input },
      transferList: handOver ? [input.buffer as ArrayBuffer] : [],
    });
    worker.once('message', (msg: { out?: Uint8Array; error?: string }) => {
      resolve(msg.error ?? msg.out!);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * Seals a payload. `handOver` lets the worker take the input's buffer (the caller must not read
 * `plain` afterwards); otherwise the bytes are copied to the thread.
 */
export async function sealPayload(key: Uint8Array, plain: Uint8Array, handOver = false): Promise<Uint8Array> {
  if (plain.length < AGE_WORKER_THRESHOLD) return sealStream(crypto, key, plain);
  const out = await inThread('seal', key, plain, handOver);
  if (typeof out === 'string') throw new Error(out);
  return out;
}

export async function openPayload(key: Uint8Array, sealed: Uint8Array): Promise<Uint8Array | string> {
  if (sealed.length < AGE_WORKER_THRESHOLD) return openStream(crypto, key, sealed);
  return inThread('open', key, sealed, false);
}
