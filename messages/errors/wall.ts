import type { Message } from '../format';

/** Wall displays paired to the 大屏 in browser mode. */
export const wallErrors = {
  'wall.codeWrong': {
    'zh-CN': '配对码不对或已过期（配对码只能用一次，几分钟内有效）；请让管理员或领导在 GridDesk 中重新生成',
    en: 'The pairing code is wrong or has expired (a code works once, for a few minutes); ask an administrator or leader to make a new one in GridDesk',
  },
  'wall.throttled': {
    'zh-CN': '配对码输错次数过多，请 {seconds} 秒后再试',
    en: 'Too many wrong pairing codes; try again in {seconds} seconds',
  },
  'wall.notPaired': {
    'zh-CN': '这台显示器尚未配对或已被撤销：请输入新的配对码',
    en: 'This display is not paired, or its pairing was revoked: enter a new pairing code',
  },
  'wall.methodRefused': {
    'zh-CN': '大屏显示器只能读取大屏数据，不能调用 {method}',
    en: 'A wall display may only read the briefing; it cannot call {method}',
  },
  'wall.notOpen': {
    'zh-CN': '指挥台的数据库尚未打开：请在 GridDesk 中登录一次，大屏随后自动显示',
    en: 'The command center’s database is not open yet: sign in to GridDesk once, and the display will show',
  },
  'wall.notFound': {
    'zh-CN': '没有这台大屏显示器（编号 {id}）',
    en: 'There is no wall display with id {id}',
  },
  'wall.tooManyCodes': {
    'zh-CN': '未使用的配对码已有 {max} 个；请先用掉或等它们过期',
    en: 'There are already {max} unused pairing codes; use them or let them expire first',
  },
} as const satisfies Record<string, Message>;
