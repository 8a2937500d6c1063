import type { Message } from '../format';

/** The daily report. */
export const reportErrors = {
  'report.futureDate': {
    'zh-CN': '{date} 还没有到，不能生成日报；请选择今天或之前的日期',
    en: '{date} has not come yet, so there is no report for it; choose today or an earlier day',
  },
} as const satisfies Record<string, Message>;
