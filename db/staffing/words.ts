import type { RuleId, RuleWarning } from './rules';
import { clock } from './time';

const at = (ms: number) => {
  const d = new Date(ms);
  return `${d.getMonth() + 1}月${d.getDate()}日 ${clock(d.getHours() * 60 + d.getMinutes())}`;
};

/** Each rule broken, in Chinese with its figures. */
export const RULE_WORDS: Record<RuleId, (p: Record<string, string | number>) => string> = {
  overlap: (p) => `与已排的 ${at(Number(p.start))}–${at(Number(p.end))} 班次时间重叠`,
  rest: (p) => `两班之间只休息 ${p.hours} 小时（至少 ${p.min} 小时）`,
  weekHours: (p) => `本周累计 ${p.hours} 小时（最多 ${p.max} 小时）`,
  skills: (p) => `缺少点位要求的技能：${p.skills}`,
  availability: () => '不在本人申报的可值班时间内',
};

export const ruleText = (w: RuleWarning): string => RULE_WORDS[w.rule](w.params);

export const BUILTIN_KIND_WORDS: Record<string, string> = {
  checkpoint: '卡口',
  testing: '核酸检测点',
  vanguard: '先锋岗',
  patrol: '巡逻',
  screening: '信息排查',
};

export const kindWord = (kind: string): string => BUILTIN_KIND_WORDS[kind] ?? kind;

/** 周一 … 周日 */
export const WEEKDAY_WORDS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
