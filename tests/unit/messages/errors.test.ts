import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages, errorText, formatError, locales, placeholders, type ErrorKey } from '../../../messages';
import { makeRuntime, signIn, type TestRuntime } from '../helpers/runtime';

describe('the error catalog', () => {
  const keys = Object.keys(errorMessages) as ErrorKey[];

  it.each(keys)('%s has zh-CN and en with the same parameters', (key) => {
    const message = errorMessages[key];
    expect(Object.keys(message).sort()).toEqual([...locales].sort());
    const zh = message['zh-CN'];
    expect(zh.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    expect(placeholders(message.en)).toEqual(placeholders(zh));
    // The English text is English: no Chinese characters outside the placeholders.
    expect(message.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('fills parameters in the language asked for, words given in both languages included', () => {
    const what = { 'zh-CN': '网格', en: 'grid' };
    expect(formatError('filter.notFound', { what, id: 'g-7' }, 'zh-CN')).toBe('找不到网格 g-7，可能已被删除，请重新选择');
    expect(formatError('filter.notFound', { what, id: 'g-7' }, 'en')).toBe('The grid g-7 was not found (it may have been deleted); choose again');
  });
});

describe('errors reach the UI in its language', () => {
  let t: TestRuntime;
  beforeAll(() => {
    t = makeRuntime();
  });
  afterAll(() => t.runtime.close());

  it('bad input: zod speaks Chinese on the service side and English in the English UI', async () => {
    const admin = await signIn(t.runtime, 'admin');
    const reply = await admin.sendUntyped('buildings.get', { id: 5 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatchObject({ code: 'INVALID_INPUT', field: 'id', key: 'input.invalidField' });
    expect(reply.error.message).toBe('字段「id」无效：无效输入：期望 string，实际接收 数字');
    expect(errorText(reply.error, 'zh-CN')).toBe(reply.error.message);
    expect(errorText(reply.error, 'en')).toBe('Field "id" is invalid: Invalid input: expected string, received number');
  });

  it('a service refusal and a permission refusal come in English too', async () => {
    const admin = await signIn(t.runtime, 'admin');
    const missing = await admin.reply('buildings.get', { id: '01900000-0000-7000-8000-00000000dead' });
    if (missing.ok) throw new Error('a building that does not exist was found');
    expect(missing.error).toMatchObject({ code: 'NOT_FOUND', key: 'building.idNotFound', field: 'id' });
    expect(errorText(missing.error, 'en')).toBe(
      'Building 01900000-0000-7000-8000-00000000dead was not found (it may have been deleted); refresh and try again',
    );

    const leader = await signIn(t.runtime, 'lingdao');
    const forbidden = await leader.reply('accounts.list', {});
    if (forbidden.ok) throw new Error('a leader listed the accounts');
    expect(forbidden.error).toMatchObject({ code: 'FORBIDDEN', key: 'session.forbidden' });
    expect(forbidden.error.message).toBe('领导「lingdao 用户」没有「管理账号」的权限');
    expect(errorText(forbidden.error, 'en')).toBe('Leader "lingdao 用户" does not have the permission "manage accounts"');
  });

  it('dispatch refuses a method whose declared permission the account lacks', async () => {
    const leader = await signIn(t.runtime, 'lingdao');
    const reply = await leader.reply('requests.create', {
      buildingId: '01900000-0000-7000-8000-00000000dead',
      kind: 'medicine',
      title: '降压药两盒',
      source: 'hotline',
      requester: '张阿姨',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'session.forbidden' } });
  });
});
