import type { Localized } from './format';

/**
 * The resident requests' (诉求) lists, declared once for every layer, each with its words: what
 * is asked for or reported (the needs first, then the incidents), how it reached the street, its
 * life, who resolves it, and the resident's satisfaction at the return visit.
 */
export const requestKindWords = {
  shopping: { 'zh-CN': '代购', en: 'Shopping' },
  medicine: { 'zh-CN': '送药', en: 'Medicine delivery' },
  care: { 'zh-CN': '生活照料', en: 'Daily care' },
  other: { 'zh-CN': '其他求助', en: 'Other help' },
  facility: { 'zh-CN': '设施损坏', en: 'Damaged facility' },
  environment: { 'zh-CN': '环境卫生', en: 'Sanitation' },
  safety: { 'zh-CN': '安全隐患', en: 'Safety hazard' },
  dispute: { 'zh-CN': '矛盾纠纷', en: 'Dispute' },
} as const satisfies Record<string, Localized>;
export type RequestKind = keyof typeof requestKindWords;
export const requestKinds = Object.keys(requestKindWords) as [RequestKind, ...RequestKind[]];
/** The kinds that are a resident's need; the others are incidents. */
export const needRequestKinds: readonly RequestKind[] = ['shopping', 'medicine', 'care', 'other'];

export const requestSourceWords = {
  photo: { 'zh-CN': '随手拍', en: 'Snapshot' },
  hotline: { 'zh-CN': '12345 热线', en: '12345 hotline' },
  wechat: { 'zh-CN': '微信群', en: 'WeChat group' },
  visit: { 'zh-CN': '入户走访', en: 'Home visit' },
  screening: { 'zh-CN': '摸排发现', en: 'Screening finding' },
} as const satisfies Record<string, Localized>;
export type RequestSource = keyof typeof requestSourceWords;
export const requestSources = Object.keys(requestSourceWords) as [RequestSource, ...RequestSource[]];

/** 待受理 → 办理中 → 已办结 → 已回访. */
export const requestStateWords = {
  pending: { 'zh-CN': '待受理', en: 'Awaiting response' },
  handling: { 'zh-CN': '办理中', en: 'In hand' },
  resolved: { 'zh-CN': '已办结', en: 'Resolved' },
  revisited: { 'zh-CN': '已回访', en: 'Revisited' },
} as const satisfies Record<string, Localized>;
export type RequestState = keyof typeof requestStateWords;
export const requestStates = Object.keys(requestStateWords) as [RequestState, ...RequestState[]];

/** Who resolves it; 上报上级 is beyond the street's powers. */
export const requestLevelWords = {
  spot: { 'zh-CN': '就地解决', en: 'On the spot' },
  community: { 'zh-CN': '社区', en: 'Community' },
  street: { 'zh-CN': '街道', en: 'Street office' },
  higher: { 'zh-CN': '上报上级', en: 'Sent up' },
} as const satisfies Record<string, Localized>;
export type RequestLevel = keyof typeof requestLevelWords;
export const requestLevels = Object.keys(requestLevelWords) as [RequestLevel, ...RequestLevel[]];

export const satisfactionWords = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  basic: { 'zh-CN': '基本满意', en: 'Mostly satisfied' },
  unsatisfied: { 'zh-CN': '不满意', en: 'Not satisfied' },
} as const satisfies Record<string, Localized>;
export type Satisfaction = keyof typeof satisfactionWords;
export const satisfactions = Object.keys(satisfactionWords) as [Satisfaction, ...Satisfaction[]];

/** The street must respond (受理) within 24 hours of receiving a request. */
export const RESPOND_WITHIN_MS = 24 * 3_600_000;
/** What goes up (上报上级) must be resolved within 3 days of receiving it. */
export const RESOLVE_WITHIN_MS = 3 * 24 * 3_600_000;

/** The kinds that are needs, as an SQL list: `('shopping', …)`. */
export const NEED_KINDS_SQL = `(${needRequestKinds.map((k) => `'${k}'`).join(', ')})`;
