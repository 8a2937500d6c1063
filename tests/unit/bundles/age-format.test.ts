import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgeError, ageDecrypt, ageEncrypt } from '../../../db/bundles/age-format';
import { AGE_WORKER_THRESHOLD } from '../../../db/bundles/age-worker';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('griddesk-age-');
const keygen = execFileSync('/usr/bin/age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const identity = keygen.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
const recipient = /public key: (age1\S+)/.exec(keygen)![1]!;
const idFile = join(dir, 'id.key');
writeFileSync(idFile, `${identity}\n`, { mode: 0o600 });
const other = execFileSync('/usr/bin/age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;

const CHUNK = 64 * 1024;
// Empty, one byte, exactly one chunk, one past it, several chunks, and one through the worker thread.
const SIZES = [0, 1, CHUNK, CHUNK + 1, 3 * CHUNK, AGE_WORKER_THRESHOLD + 12345];

describe('age v1 written and read here, against the Debian age tool', () => {
  it.each(SIZES)('%i bytes: age -d opens what we seal, and we open what age -r sealed', async (size) => {
    const plain = randomBytes(size);
    const ours = join(dir, `ours-${size}.age`);
    writeFileSync(ours, await ageEncrypt(plain, [recipient]));
    const back = execFileSync('/usr/bin/age', ['-d', '-i', idFile, ours], { maxBuffer: 1 << 30 });
    expect(back.equals(plain)).toBe(true);
    const theirs = join(dir, `theirs-${size}.age`);
    execFileSync('/usr/bin/age', ['-r', recipient, '-o', theirs], { input: plain });
    expect(Buffer.from(await ageDecrypt(readFileSync(theirs), [other, identity])).equals(plain)).toBe(true);
  });

  it('another identity is told no identity matched; a flipped payload byte or a cut at a chunk boundary is refused', async () => {
    const plain = randomBytes(2 * CHUNK + 7);
    const sealed = await ageEncrypt(plain, [recipient]);
    await expect(ageDecrypt(sealed, [other])).rejects.toMatchObject({ kind: 'noMatch' });
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 100]! ^= 1;
    await expect(ageDecrypt(flipped, [identity])).rejects.toBeInstanceOf(AgeError);
    const header = sealed.length - (plain.length + 3 * 16) - 16;
    const cut = sealed.subarray(0, header + 16 + CHUNK + 16);
    await expect(ageDecrypt(cut, [identity])).rejects.toMatchObject({ kind: 'damaged' });
    const headerFlip = Buffer.from(sealed);
    headerFlip[30]! ^= 1;
    await expect(ageDecrypt(headerFlip, [identity])).rejects.toBeInstanceOf(AgeError);
  });
});
