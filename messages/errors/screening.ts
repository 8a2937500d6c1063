import type { Message } from '../format';

/** Screening rounds and visits, control statuses, the audit log. */
export const screeningErrors = {
  'round.notFound': {
    'zh-CN': '找不到这一轮入户摸排，可能已被删除，请刷新后重试',
    en: 'This screening round was not found (it may have been deleted); refresh and try again',
  },
  'round.closedNoVisits': { 'zh-CN': '本轮摸排已结束（「{name}」），不能再登记走访结果', en: 'The round "{name}" is closed; no more visits can be recorded' },
  'round.alreadyClosed': { 'zh-CN': '「{name}」已经结束，无需再次结束', en: 'The round "{name}" is already closed' },
  'round.scopeMissing': {
    'zh-CN': '找不到所选的 {count} 个{what}（可能已被删除），请重新选择范围',
    en: '{count} of the chosen {what} were not found (they may have been deleted); choose the scope again',
  },
  'round.noHouseholds': {
    'zh-CN': '所选范围内还没有登记任何住户，无法发起摸排；请先登记住户或换一个范围',
    en: 'No households are registered in the chosen scope, so no round can start; register households first or choose another scope',
  },
  'round.nameTaken': {
    'zh-CN': '已有一轮名为「{name}」的摸排正在进行，请换一个名称或先结束那一轮',
    en: 'A round named "{name}" is already running; choose another name or close that round first',
  },
  'visit.notInRound': {
    'zh-CN': '该户不在本轮摸排范围内，请从本轮的住户名单中选择',
    en: "This household is not part of the round; choose one from the round's list",
  },
  'visit.findingsNeedVisit': {
    'zh-CN': '只有「已走访」才能登记返乡、症状或诉求；无人在家或拒绝入户请写在备注里',
    en: 'Returnees, symptoms and needs can only be recorded for a household visited; for nobody home or a refusal, use the note',
  },
  'status.unknown': { 'zh-CN': '没有名为「{status}」的管控状态，请在状态列表中选择', en: 'There is no control status "{status}"; choose one from the list' },
  'status.notSettable': { 'zh-CN': '没有名为「{key}」的管控状态。可选的状态：{valid}', en: 'There is no control status "{key}". The statuses to choose from: {valid}' },
  'status.retired': {
    'zh-CN': '状态「{label}」（{key}）已停用，不能再设置。可选的状态：{valid}',
    en: 'The status "{label}" ({key}) is retired and can no longer be set. The statuses to choose from: {valid}',
  },
  'status.keyTaken': {
    'zh-CN': '代码 {key} 已是状态「{label}」的代码，新增状态不能覆盖已有状态；请换一个代码，或编辑「{label}」',
    en: 'The code {key} already belongs to the status "{label}"; a new status cannot replace it. Choose another code, or edit "{label}"',
  },
  'status.labelTaken': { 'zh-CN': '状态名称「{label}」已被状态 {key} 使用，请换一个名称', en: 'The status name "{label}" is already used by status {key}; choose another' },
  'status.baselineRank': { 'zh-CN': '「{label}」是基准状态，等级须保持为 0', en: '"{label}" is the baseline status; its rank must stay 0' },
  'status.rankZeroReserved': { 'zh-CN': '等级 0 留给基准状态（正常），请填写 1–100', en: 'Rank 0 is kept for the baseline status (normal); use 1–100' },
  'status.baselineRetire': { 'zh-CN': '「{label}」是基准状态，不能停用', en: '"{label}" is the baseline status and cannot be retired' },
  'status.inUse': {
    'zh-CN': '还有 {count} 栋楼处于「{label}」状态，请先把它们改为其他状态再停用',
    en: '{count} buildings still have the status "{label}"; give them another status before retiring it',
  },
  'audit.integer': { 'zh-CN': '{field} 应为不小于 {min} 的整数', en: '{field} must be a whole number of at least {min}' },
  'audit.pageSize': { 'zh-CN': '每页条数应为 1–{max}', en: 'Entries per page must be 1–{max}' },
} as const satisfies Record<string, Message>;
