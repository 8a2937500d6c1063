import type { Message } from '../format';

/** Refusals of the resident request queue (诉求). */
export const requestErrors = {
  'request.notFound': { 'zh-CN': '找不到这条诉求，可能已被删除，请刷新后再试', en: 'This request was not found (it may have been deleted); refresh and try again' },
  'request.householdNotFound': {
    'zh-CN': '找不到所选的住户，请刷新住户列表后重新选择',
    en: 'The chosen household was not found; refresh the list of households and choose again',
  },
  'request.householdElsewhere': { 'zh-CN': '所选住户不住在这栋楼，请在本楼住户中选择', en: 'The chosen household does not live in this building; choose one of its households' },
  'request.receivedInFuture': { 'zh-CN': '收到时间不能晚于现在，请检查日期和时间', en: 'The time received cannot be later than now; check the date and time' },
  'request.illegalTransition': {
    'zh-CN': '这条诉求现在是「{state}」，不能{action}',
    en: 'This request is now "{state}"; it cannot be {action}',
  },
  'request.handlerRequired': { 'zh-CN': '上报上级的诉求须填写负责的上级单位', en: 'A request sent up needs the unit in charge' },
} as const satisfies Record<string, Message>;
