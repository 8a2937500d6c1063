/**
 * age's payload STREAM (https://age-encryption.org/v1): the plaintext in 64 KiB chunks, each
 * sealed with ChaCha20-Poly1305 under the payload key and the nonce "11-byte big-endian counter ‖
 * last-chunk flag". Written against a `crypto` argument (node:crypto) and nothing else in scope,
 * so the same functions run in a worker thread (`age-worker.ts`) and on the caller's thread.
 */
import type * as NodeCrypto from 'node:crypto';

export type StreamCrypto = Pick<typeof NodeCrypto, 'createCipheriv' | 'createDecipheriv'>;

/** The sealed payload (without age's 16-byte nonce in front): chunk by chunk into one buffer. */
export function sealStream(crypto: StreamCrypto, key: Uint8Array, plain: Uint8Array): Uint8Array {
  const CHUNK = 65536;
  const TAG = 16;
  const chunks = Math.max(1, Math.ceil(plain.length / CHUNK));
  const out = new Uint8Array(plain.length + chunks * TAG);
  const nonce = new Uint8Array(12);
  const view = new DataView(nonce.buffer);
  let at = 0;
  for (let i = 0; i < chunks; i++) {
    view.setUint32(7, i >>> 0);
    view.setUint32(3, Math.floor(i / 0x100000000));
    nonce[11] = i === chunks - 1 ? 1 : 0;
    const piece = plain.subarray(i * CHUNK, Math.min(plain.length, (i + 1) * CHUNK));
    const cipher = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    const sealed = cipher.update(piece);
    cipher.final();
    out.set(sealed, at);
    at += sealed.length;
    out.set(cipher.getAuthTag(), at);
    at += TAG;
  }
  return out;
}

/** The plaintext of a sealed payload, or the reason it cannot be opened (a damaged or cut chunk). */
export function openStream(crypto: StreamCrypto, key: Uint8Array, sealed: Uint8Array): Uint8Array | string {
  const CHUNK = 65536;
  const TAG = 16;
  const full = CHUNK + TAG;
  if (sealed.length < TAG) return '加密内容被截断';
  const chunks = Math.ceil(sealed.length / full);
  if (sealed.length - (chunks - 1) * full < TAG) return '加密内容被截断';
  const out = new Uint8Array(sealed.length - chunks * TAG);
  const nonce = new Uint8Array(12);
  const view = new DataView(nonce.buffer);
  let at = 0;
  for (let i = 0; i < chunks; i++) {
    view.setUint32(7, i >>> 0);
    view.setUint32(3, Math.floor(i / 0x100000000));
    const last = i === chunks - 1;
    nonce[11] = last ? 1 : 0;
    const piece = sealed.subarray(i * full, Math.min(sealed.length, (i + 1) * full));
    if (last && piece.length === TAG && i > 0) return '最后一块为空，文件不合规';
    const decipher = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    decipher.setAuthTag(piece.subarray(piece.length - TAG));
    const plain = decipher.update(piece.subarray(0, piece.length - TAG));
    try {
      decipher.final();
    } catch {
      return `第 ${i + 1} 块校验失败：内容被改动或截断`;
    }
    out.set(plain, at);
    at += plain.length;
  }
  return out;
}
