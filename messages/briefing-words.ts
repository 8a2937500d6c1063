/**
 * The 大屏's words in Chinese, declared once: the page's zh-CN catalog spreads them
 * (`renderer/i18n/briefing-messages.ts`) and the PDF snapshot writes them (`db/briefing/pdf/words.ts`).
 */
export const BRIEFING_PDF_WORDS = {
  'briefing.title': '指挥大屏',
  'briefing.figure.controlled': '管控中的楼栋',
  'briefing.figure.safeCompounds': '放心楼院',
  'briefing.figure.homeObservation': '居家观察人员',
  'briefing.figure.isolation': '隔离人员',
  'briefing.figure.screening': '入户摸排完成率',
  'briefing.figure.openNeeds': '未完成求助',
  'briefing.figure.openIncidents': '未处理事件',
  'briefing.figure.overdueRequests': '超时督办诉求',
  'briefing.figure.staffingTonight': '今晚夜班缺岗',
  'briefing.community.controlled': '管控',
  'briefing.community.safe': '放心楼院',
  'briefing.community.observation': '居家观察',
  'briefing.community.isolation': '隔离',
  'briefing.community.screening': '摸排',
  'briefing.community.needs': '求助',
  'briefing.community.incidents': '事件',
  'briefing.attention': '需关注',
} as const;
