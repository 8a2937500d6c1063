import type { Message } from '../format';

/** The office signing key and the anchors of the audit log. */
export const auditErrors = {
  'officeKey.unavailable': {
    'zh-CN': '没有街道办签名密钥：须由管理员或数据专员登录后才能签名',
    en: "The office signing key is not at hand: an administrator or data officer must sign in before anything can be signed",
  },
  'restore.traceFailed': {
    'zh-CN': '备份已恢复（原数据库在 {setAsideAs}），但恢复记录未能写入审计日志：{error}',
    en: 'The backup was restored (the replaced database is at {setAsideAs}), but the restore could not be recorded in the audit log: {error}',
  },
} as const satisfies Record<string, Message>;
