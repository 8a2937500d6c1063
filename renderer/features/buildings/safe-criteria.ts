import type { MessageKey } from '../../i18n';

/** The fixed 放心楼院 criteria: the stored text (Chinese, as the records keep it) and its message. */
export const SAFE_CRITERIA: readonly { value: string; label: MessageKey }[] = [
  { value: '封闭管理到位', label: 'safe.criterion.gated' },
  { value: '楼院长在岗在位', label: 'safe.criterion.heads' },
  { value: '居民信息底数清', label: 'safe.criterion.residents' },
  { value: '无新增风险人员', label: 'safe.criterion.risk' },
  { value: '环境卫生整洁', label: 'safe.criterion.clean' },
  { value: '志愿服务常态化', label: 'safe.criterion.volunteers' },
];
