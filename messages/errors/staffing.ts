import type { Message } from '../format';

/** Refusals of the staffing board (排班). */
export const staffingErrors = {
  'staffing.postNotFound': { 'zh-CN': '找不到这个值守点位，可能已被删除，请刷新后再试', en: 'This duty post was not found (it may have been deleted); refresh and try again' },
  'staffing.templateNotFound': {
    'zh-CN': '这个点位没有所选的班次，请刷新排班表后重新选择',
    en: 'This post has no such shift; refresh the board and choose again',
  },
  'staffing.personNotFound': { 'zh-CN': '找不到所选的人员，请刷新人员列表后重新选择', en: 'The chosen person was not found; refresh the list of people and choose again' },
  'staffing.assignmentNotFound': { 'zh-CN': '找不到这条排班，可能已被撤下，请刷新后再试', en: 'This assignment was not found (it may have been removed); refresh and try again' },
  'staffing.badDate': { 'zh-CN': '日期「{date}」不存在，请检查年月日', en: 'The date "{date}" does not exist; check year, month and day' },
  'staffing.alreadyOnShift': { 'zh-CN': '{name} 已经排在 {date} 的这个班次上，同一人不能在一个班次排两次', en: '{name} is already on this shift on {date}; nobody can be on one shift twice' },
  'staffing.rulesBroken': {
    'zh-CN': '这次排班违反规则：{rules}。如确需安排，请填写理由',
    en: 'This assignment breaks the rules: {rules}. Give a reason to make it anyway',
  },
  'staffing.communityRequired': { 'zh-CN': '请为点位选择所属社区', en: 'Choose the community the post belongs to' },
  'staffing.communityNotFound': { 'zh-CN': '找不到所选的社区，请刷新后重新选择', en: 'The chosen community was not found; refresh and choose again' },
  'staffing.gridElsewhere': { 'zh-CN': '所选网格或小区不在这个社区，请在本社区中选择', en: 'The chosen grid or compound is not in this community; choose one of its own' },
  'staffing.signOutBeforeSignIn': {
    'zh-CN': '离岗前须先登记到岗（离岗时间不能早于到岗时间）',
    en: 'Sign-out needs a sign-in first (and cannot be earlier than it)',
  },
  'staffing.futureAssignments': {
    'zh-CN': '点位「{name}」还有 {count} 条未来排班，确认删除后这些排班一并撤下（已过去的记录保留）',
    en: 'The post "{name}" has {count} assignments still to come; confirm to remove them with it (the past is kept)',
  },
  'staffing.futureShiftAssignments': {
    'zh-CN': '班次「{name}」还有 {count} 条未来排班，确认删除后这些排班一并撤下（已过去的记录保留）',
    en: 'The shift "{name}" has {count} assignments still to come; confirm to remove them with it (the past is kept)',
  },
  'staffing.rangeTooLong': { 'zh-CN': '日期范围最多 92 天，且结束日期不能早于开始日期', en: 'A date range is at most 92 days, and cannot end before it starts' },
  'staffing.lastTemplate': { 'zh-CN': '点位至少要保留一个班次', en: 'A post keeps at least one shift' },
  'staffing.handoverTooEarly': {
    'zh-CN': '{date} 的{shift}还没有开始，交接班记录要在本班开始后填写',
    en: 'The {shift} of {date} has not begun yet; a handover note is written once the shift has begun',
  },
  'staffing.scopeNotFound': { 'zh-CN': '找不到要安排{role}的地方，可能已被删除，请刷新后再试', en: 'The place to appoint the {role} of was not found (it may have been deleted); refresh and try again' },
  'staffing.alreadyHolds': { 'zh-CN': '{name} 已经是{place}的{role}，不必重复安排', en: '{name} already is the {role} of {place}' },
} as const satisfies Record<string, Message>;
