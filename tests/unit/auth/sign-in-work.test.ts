import { scryptSync } from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { makeRuntime, PASSWORD } from '../helpers/runtime';

// Every key derivation the vault runs, with its cost parameters.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return { ...actual, scryptSync: vi.fn(actual.scryptSync) };
});
const kdf = vi.mocked(scryptSync);

/** The cost parameters of the derivations one sign-in ran. */
function derivationsOf(attempt: () => void): unknown[] {
  kdf.mockClear();
  expect(attempt).toThrow(/用户名或密码不对/);
  return kdf.mock.calls.map(([, , , options]) => ({ N: options?.N, r: options?.r, p: options?.p }));
}

describe('an unknown user name and a wrong password', () => {
  it('cost the same key derivation, so the time of the answer does not tell them apart', () => {
    const t = makeRuntime();
    const vault = t.runtime.vault;
    const wrongPassword = derivationsOf(() => vault.login('zhiban', 'not-the-pass-1'));
    const unknownName = derivationsOf(() => vault.login('no-such-user', 'not-the-pass-1'));
    expect(wrongPassword).toHaveLength(1);
    expect(unknownName).toEqual(wrongPassword);
    // The right password still costs one derivation and signs in.
    kdf.mockClear();
    vault.login('zhiban', PASSWORD);
    expect(kdf).toHaveBeenCalledTimes(1);
    t.runtime.close();
  });
});
