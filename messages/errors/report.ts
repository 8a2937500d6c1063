import type { Message } from '../format';

/** The daily report. */
export const reportErrors = {
  'report.futureDate': {
    'zh-CN': '{date} 还没有到，不能生成日报；请选择今天或之前的日期',
    en: '{date} has not come yet, so there is no report for it; choose today or an earlier day',
  },
  'report.noFont': {
    'zh-CN':
      '本机没有找到中文字体，无法生成日报 PDF。请安装 Noto Sans CJK（Linux：fonts-noto-cjk）、微软雅黑或黑体（Windows）、苹方（macOS），或用环境变量 GRIDDESK_REPORT_FONT 指定字体文件。已查找：{searched}',
    en: 'No Chinese font was found on this machine, so the daily report PDF cannot be made. Install Noto Sans CJK (Linux: fonts-noto-cjk), Microsoft YaHei or SimHei (Windows) or PingFang (macOS), or name a font file in the GRIDDESK_REPORT_FONT environment variable. Looked in: {searched}',
  },
  'report.fontUnreadable': {
    'zh-CN': '字体文件 {file} 无法读取（{name}），无法生成日报 PDF。请检查 GRIDDESK_REPORT_FONT / GRIDDESK_REPORT_FONT_NAME，或安装 Noto Sans CJK（fonts-noto-cjk）',
    en: 'The font file {file} cannot be read ({name}), so the daily report PDF cannot be made. Check GRIDDESK_REPORT_FONT / GRIDDESK_REPORT_FONT_NAME, or install Noto Sans CJK (fonts-noto-cjk)',
  },
  'report.fontMissingGlyphs': {
    'zh-CN': '字体 {font} 缺少这些字：{chars}，生成的 PDF 会缺字，已停止。请安装 Noto Sans CJK（fonts-noto-cjk），或用 GRIDDESK_REPORT_FONT 指定一个中文字体',
    en: 'The font {font} has no glyphs for: {chars}; the PDF would miss them, so it was not made. Install Noto Sans CJK (fonts-noto-cjk), or name a Chinese font in GRIDDESK_REPORT_FONT',
  },
} as const satisfies Record<string, Message>;
