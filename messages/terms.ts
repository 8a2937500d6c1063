import type { Localized } from './format';

/** Words that fill error messages' placeholders: areas, moments. */
export const terms = {
  community: { 'zh-CN': '社区', en: 'community' },
  communities: { 'zh-CN': '社区', en: 'communities' },
  grid: { 'zh-CN': '网格', en: 'grid' },
  grids: { 'zh-CN': '网格', en: 'grids' },
  compound: { 'zh-CN': '楼院', en: 'compound' },
  effectiveFrom: { 'zh-CN': '生效时间', en: 'start' },
  grantedAt: { 'zh-CN': '授予时间', en: 'date granted' },
} as const satisfies Record<string, Localized>;
