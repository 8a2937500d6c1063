import type { Message } from '../format';

/** Refusals of the volunteer teams, the service-hour ledger and the monthly recognition. */
export const volunteerServiceErrors = {
  'volunteerService.personNotFound': { 'zh-CN': '找不到所选的人员，请刷新后重新选择', en: 'The chosen person was not found; refresh and choose again' },
  'volunteerService.teamNotFound': { 'zh-CN': '找不到这支队伍，可能已被删除，请刷新后再试', en: 'This team was not found (it may have been deleted); refresh and try again' },
  'volunteerService.memberNotFound': { 'zh-CN': '找不到这名队员，可能已离队，请刷新后再试', en: 'This member was not found (they may have left); refresh and try again' },
  'volunteerService.placeNotFound': { 'zh-CN': '找不到所选的{place}，请刷新后重新选择', en: 'The chosen {place} was not found; refresh and choose again' },
  'volunteerService.badDate': { 'zh-CN': '日期「{date}」不存在，请检查年月日', en: 'The date "{date}" does not exist; check year, month and day' },
  'volunteerService.futureDate': { 'zh-CN': '服务日期「{date}」还没到，不能登记将来的时长', en: 'The service date {date} is still to come; hours cannot be entered ahead' },
  'volunteerService.dayOver24': {
    'zh-CN': '{name} 在 {date} 已登记 {had} 小时，再加 {hours} 小时就超过一天 24 小时',
    en: '{name} already has {had} h on {date}; another {hours} h would pass 24 hours in one day',
  },
  'volunteerService.badMonth': { 'zh-CN': '月份「{month}」不对，应为 YYYY-MM', en: 'The month "{month}" is not valid; it should be YYYY-MM' },
  'volunteerService.futureMonth': { 'zh-CN': '{month} 还没到，不能提名或投票', en: '{month} has not begun; nominations and votes are not open yet' },
  'volunteerService.levelNeedsPlace': { 'zh-CN': '{level}队伍必须选择所属的{place}', en: 'A {level} team needs its {place}' },
  'volunteerService.badParent': { 'zh-CN': '上级队伍「{parent}」不能带{level}队伍（突击队按 街道 → 社区 → 卡口 逐级组建）', en: 'The team "{parent}" cannot head a {level} team (shock teams go street → community → checkpoint)' },
  'volunteerService.compoundOutside': { 'zh-CN': '小区「{compound}」不属于所选社区', en: 'The compound "{compound}" is not in the chosen community' },
  'volunteerService.otherCommunity': {
    'zh-CN': '不能把队员调到其他社区的队伍「{team}」，请在本社区的队伍之间调整',
    en: 'A member cannot be moved to "{team}", a team of another community; move them between this community\'s teams',
  },
  'volunteerService.alreadyInTeam': { 'zh-CN': '{name} 已在队伍「{team}」中', en: '{name} is already in the team "{team}"' },
  'volunteerService.personTwice': { 'zh-CN': '{name} 被编入了不止一支队伍，每人只能编入一支', en: '{name} is in more than one team; each person goes into one' },
  'volunteerService.tooFewPeople': { 'zh-CN': '{people} 人分不成 {teams} 支队伍，请减少队伍数或多选人员', en: '{people} people cannot make {teams} teams; choose fewer teams or more people' },
  'volunteerService.alreadyNominated': { 'zh-CN': '{name} 已被提名为 {month}「{title}」', en: '{name} is already nominated for "{title}" of {month}' },
  'volunteerService.votedAlready': { 'zh-CN': '您已为 {month}「{title}」投过票，每个账号每月每项只能投一票', en: 'You have already voted for "{title}" of {month}: one vote per account, month and title' },
  'volunteerService.monthClosed': { 'zh-CN': '{month} 的评选已结束，结果已保存，不能再提名或投票', en: 'The recognition of {month} is closed and its results kept; no more nominations or votes' },
  'volunteerService.nominationNotFound': { 'zh-CN': '找不到这条提名，请刷新后再试', en: 'This nomination was not found; refresh and try again' },
  'volunteerService.nothingToClose': { 'zh-CN': '{month} 没有任何提名，无需结束评选', en: '{month} has no nominations; there is nothing to close' },
  'volunteerService.noHours': { 'zh-CN': '{name} 在 {from} 至 {to} 没有服务时长记录，不能开具证明', en: '{name} has no service hours from {from} to {to}; no certificate can be issued' },
  'volunteerService.badPeriod': { 'zh-CN': '开始日期 {from} 晚于结束日期 {to}', en: 'The start date {from} is after the end date {to}' },
  'volunteerService.entryNotFound': { 'zh-CN': '找不到这条时长记录，可能已被删除', en: 'This hours entry was not found (it may have been deleted)' },
} as const satisfies Record<string, Message>;
