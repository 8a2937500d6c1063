import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textLength } from '../../../electron/api';
import { makeRuntime, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
beforeEach(() => {
  t = makeRuntime();
});
afterEach(() => t.runtime.close());

const MASK = '😷';

describe('text limits count characters as a person does', () => {
  it('counts an emoji as one character', () => {
    expect(MASK.length).toBe(2);
    expect(textLength(MASK.repeat(12))).toBe(12);
    expect(textLength('管控区 A1')).toBe(6);
  });

  it('lets a service take exactly the limit in emoji, and refuses one more with a Chinese message naming the field', async () => {
    const admin = await signIn(t.runtime, 'admin');
    const status = { key: 'mask', labelEn: 'Masks', color: '#722ed1', rank: 5, create: true };
    expect(await admin.call('statuses.save', { ...status, label: MASK.repeat(12) })).toMatchObject({ label: MASK.repeat(12) });
    expect(await admin.reply('statuses.save', { ...status, key: 'mask2', label: MASK.repeat(13) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'label', message: expect.stringContaining('最多 12 个字') },
    });
    const staff = await signIn(t.runtime, 'zhiban');
    expect(await staff.reply('buildings.list', { filter: { search: '楼'.repeat(20) + MASK.repeat(20) } })).toMatchObject({ ok: true });
    expect(await staff.reply('buildings.list', { filter: { search: MASK.repeat(41) } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('最多 40 个字') },
    });
    expect(await staff.reply('screening.start', { name: MASK.repeat(41), scope: { type: 'street' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'name' },
    });
  });
});
