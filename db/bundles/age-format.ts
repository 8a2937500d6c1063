/**
 * age v1 (https://age-encryption.org/v1) with X25519 recipients: the header (one stanza per
 * recipient, HMAC-SHA-256 over it) written and read here, the payload STREAM by node:crypto's
 * ChaCha20-Poly1305 (`age-worker.ts`). Byte for byte what the `age` tool reads and writes.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { x25519 } from '@noble/curves/ed25519.js';
import { bech32 } from '@scure/base';
import { openPayload, sealPayload } from './age-worker';

const INTRO = 'age-encryption.org/v1\n';
const X25519_LABEL = 'age-encryption.org/v1/X25519';
const FILE_KEY = 16;
const NONCE = 16;
const MAX_HEADER = 64 * 1024;

/** Why an age file could not be opened: not for these identities, or damaged / not age. */
export class AgeError extends Error {
  constructor(
    readonly kind: 'noMatch' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

function unb64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return b64(bytes) === text ? bytes : null;
}

const hkdf = (ikm: Uint8Array, salt: Uint8Array, info: string) => new Uint8Array(hkdfSync('sha256', ikm, salt, info, 32));

function chacha(key: Uint8Array, data: Uint8Array): Uint8Array {
  const c = createCipheriv('chacha20-poly1305', key, new Uint8Array(12), { authTagLength: 16 });
  const out = c.update(data);
  c.final();
  return Buffer.concat([out, c.getAuthTag()]);
}

function unchacha(key: Uint8Array, data: Uint8Array): Uint8Array | null {
  if (data.length < 16) return null;
  const d = createDecipheriv('chacha20-poly1305', key, new Uint8Array(12), { authTagLength: 16 });
  d.setAuthTag(data.subarray(data.length - 16));
  const out = d.update(data.subarray(0, data.length - 16));
  try {
    d.final();
  } catch {
    return null;
  }
  return out;
}

function wrapBody(text: string): string {
  const lines: string[] = [];
  for (let i = 0; i <= text.length; i += 64) lines.push(text.slice(i, i + 64));
  return `${lines.join('\n')}\n`;
}

function recipientKey(recipient: string): Uint8Array {
  const { prefix, words } = bech32.decode(recipient as `${string}1${string}`, 100);
  if (prefix !== 'age') throw new AgeError('damaged', `不是 age 接收方：${recipient}`);
  return bech32.fromWords(words);
}

/** The 32-byte X25519 secret of an `AGE-SECRET-KEY-1…` identity. */
export function identitySecret(identity: string): Uint8Array {
  const { prefix, words } = bech32.decode(identity.toLowerCase() as `${string}1${string}`, 100);
  if (prefix !== 'age-secret-key-') throw new AgeError('damaged', '不是 age 身份');
  return bech32.fromWords(words);
}

function x25519Stanza(fileKey: Uint8Array, recipient: Uint8Array): string {
  const ephemeral = x25519.utils.randomSecretKey();
  const share = x25519.getPublicKey(ephemeral);
  const shared = x25519.getSharedSecret(ephemeral, recipient);
  const wrapKey = hkdf(shared, Buffer.concat([share, recipient]), X25519_LABEL);
  return `-> X25519 ${b64(share)}\n${wrapBody(b64(chacha(wrapKey, fileKey)))}`;
}

const headerMac = (fileKey: Uint8Array, header: string) => createHmac('sha256', hkdf(fileKey, new Uint8Array(0), 'header')).update(header, 'latin1').digest();

/** Encrypts to every recipient (`age1…`), the payload sealed off the calling thread when large. */
export async function ageEncrypt(plain: Uint8Array, recipients: readonly string[], options: { handOver?: boolean } = {}): Promise<Uint8Array> {
  const fileKey = randomBytes(FILE_KEY);
  let header = INTRO;
  for (const r of recipients) header += x25519Stanza(fileKey, recipientKey(r));
  header += '---';
  const mac = headerMac(fileKey, header);
  const nonce = randomBytes(NONCE);
  const sealed = await sealPayload(hkdf(fileKey, nonce, 'payload'), plain, options.handOver);
  const head = Buffer.from(`${header} ${b64(mac)}\n`, 'latin1');
  const out = new Uint8Array(head.length + NONCE + sealed.length);
  out.set(head, 0);
  out.set(nonce, head.length);
  out.set(sealed, head.length + NONCE);
  return out;
}

interface Stanza {
  type: string;
  args: string[];
  body: Uint8Array;
}

function parseHeader(bytes: Uint8Array): { stanzas: Stanza[]; macInput: string; mac: Uint8Array; end: number } {
  const limit = Math.min(bytes.length, MAX_HEADER);
  const text = Buffer.from(bytes.subarray(0, limit)).toString('latin1');
  if (!text.startsWith(INTRO)) throw new AgeError('damaged', '不是 age 文件（缺少 age-encryption.org/v1 开头）');
  const macAt = text.indexOf('\n---');
  if (macAt < 0) throw new AgeError('damaged', 'age 文件头不完整');
  const macEnd = text.indexOf('\n', macAt + 1);
  if (macEnd < 0) throw new AgeError('damaged', 'age 文件头不完整');
  const macLine = text.slice(macAt + 1, macEnd);
  const mac = macLine.startsWith('--- ') ? unb64(macLine.slice(4)) : null;
  if (!mac || mac.length !== 32) throw new AgeError('damaged', 'age 文件头的校验码格式不对');
  const lines = text.slice(INTRO.length, macAt + 1).split('\n');
  lines.pop();
  const stanzas: Stanza[] = [];
  let i = 0;
  while (i < lines.length) {
    const [arrow, type, ...args] = lines[i]!.split(' ');
    if (arrow !== '->' || !type) throw new AgeError('damaged', 'age 文件头的条目格式不对');
    i++;
    const chunks: Uint8Array[] = [];
    for (;;) {
      const line = lines[i++];
      const part = line === undefined || line.length > 64 ? null : unb64(line);
      if (!part) throw new AgeError('damaged', 'age 文件头的条目内容格式不对');
      chunks.push(part);
      if (line!.length < 64) break;
    }
    stanzas.push({ type, args, body: Buffer.concat(chunks) });
  }
  return { stanzas, macInput: text.slice(0, macAt + 4), mac, end: macEnd + 1 };
}

function unwrapX25519(stanza: Stanza, secret: Uint8Array, ownPublic: Uint8Array): Uint8Array | null {
  if (stanza.type !== 'X25519' || stanza.args.length !== 1) return null;
  const share = unb64(stanza.args[0]!);
  if (!share || share.length !== 32 || stanza.body.length !== 32) throw new AgeError('damaged', 'age X25519 条目格式不对');
  const shared = x25519.getSharedSecret(secret, share);
  if (shared.every((b) => b === 0)) throw new AgeError('damaged', 'age X25519 条目的临时公钥无效');
  return unchacha(hkdf(shared, Buffer.concat([share, ownPublic]), X25519_LABEL), stanza.body);
}

/** Decrypts with the first of `identities` (`AGE-SECRET-KEY-1…`) that a stanza was made for. */
export async function ageDecrypt(bytes: Uint8Array, identities: readonly string[]): Promise<Uint8Array> {
  const { stanzas, macInput, mac, end } = parseHeader(bytes);
  let fileKey: Uint8Array | null = null;
  for (const identity of identities) {
    const secret = identitySecret(identity);
    const own = x25519.getPublicKey(secret);
    for (const s of stanzas) {
      fileKey = unwrapX25519(s, secret, own);
      if (fileKey) break;
    }
    if (fileKey) break;
  }
  if (!fileKey || fileKey.length !== FILE_KEY) throw new AgeError('noMatch', 'no identity matched any of the recipients');
  if (!timingSafeEqual(headerMac(fileKey, macInput), mac)) throw new AgeError('damaged', 'age 文件头的校验码不符：文件头被改动过');
  if (bytes.length < end + NONCE) throw new AgeError('damaged', '加密内容被截断');
  const nonce = bytes.subarray(end, end + NONCE);
  const out = await openPayload(hkdf(fileKey, nonce, 'payload'), bytes.subarray(end + NONCE));
  if (typeof out === 'string') throw new AgeError('damaged', out);
  return out;
}
