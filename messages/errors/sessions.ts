import type { Message } from '../format';

/** Limits on sessions and on guessing: how many may be open, how fast sign-ins may fail. */
export const sessionErrors = {
  'session.tooMany': {
    'zh-CN': '已打开的会话达到上限（{max} 个），请关闭不用的窗口，或等未登录的会话在 {minutes} 分钟后过期再试',
    en: 'The limit of {max} open sessions is reached; close windows you do not use, or wait {minutes} minutes for sessions nobody signed in to to expire',
  },
  'login.throttled': {
    'zh-CN': '此处登录失败次数过多，请 {seconds} 秒后再试',
    en: 'Too many failed sign-ins from here; try again in {seconds} seconds',
  },
  'password.oldWrongCounted': {
    'zh-CN': '原密码不对（再错 {remaining} 次将锁定账号 15 分钟）',
    en: 'The current password is wrong ({remaining} more wrong tries lock the account for 15 minutes)',
  },
  'password.oldWrongLocked': {
    'zh-CN': '原密码错误次数过多，账号已锁定 15 分钟，已退出登录',
    en: 'Too many wrong current passwords: the account is locked for 15 minutes and you have been signed out',
  },
  'recovery.wrongCounted': {
    'zh-CN': '恢复码不对（再错 {remaining} 次将锁定 15 分钟）',
    en: 'The recovery code is wrong ({remaining} more wrong tries lock it for 15 minutes)',
  },
  'recovery.wrongLocked': { 'zh-CN': '恢复码不对，已锁定 15 分钟', en: 'The recovery code is wrong; recovery is locked for 15 minutes' },
  'recovery.lockedOut': {
    'zh-CN': '恢复码错误次数过多，已锁定，请 {minutes} 分钟后再试',
    en: 'Too many wrong recovery codes: recovery is locked; try again in {minutes} minutes',
  },
} as const satisfies Record<string, Message>;
