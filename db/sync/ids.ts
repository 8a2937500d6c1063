import { randomBytes } from 'node:crypto';

/** Bytes source for ids: crypto by default, a seeded generator when demo data must be reproducible. */
export type RandomBytes = (n: number) => Uint8Array;

/** RFC 9562 UUID version 7: 48-bit Unix milliseconds, then random bits. Sorts by creation time. */
export function uuidv7(nowMs: number = Date.now(), random: RandomBytes = randomBytes): string {
  const b = Uint8Array.from(random(16));
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
