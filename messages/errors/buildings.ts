import type { Message } from '../format';

/** Buildings, their needs and incidents, status changes and their undo, 放心楼院, personal data. */
export const buildingErrors = {
  'building.notFound': {
    'zh-CN': '找不到这栋楼，可能已被删除，请刷新后再试',
    en: 'This building was not found (it may have been deleted); refresh and try again',
  },
  'building.idNotFound': {
    'zh-CN': '找不到楼栋 {id}，可能已被删除，请刷新后再试',
    en: 'Building {id} was not found (it may have been deleted); refresh and try again',
  },
  'filter.notFound': { 'zh-CN': '找不到{what} {id}，可能已被删除，请重新选择', en: 'The {what} {id} was not found (it may have been deleted); choose again' },
  'selection.empty': {
    'zh-CN': '没有选中任何楼栋，请先在地图上圈选楼栋或选择网格、楼院、社区',
    en: 'No buildings are selected: draw a selection on the map, or choose a grid, compound or community',
  },
  'selection.missingBuildings': {
    'zh-CN': '找不到以下楼栋（可能已被删除），请刷新地图后重新选择：{names}',
    en: 'These buildings were not found (they may have been deleted); refresh the map and select again: {names}',
  },
  'selection.areaNotFound': {
    'zh-CN': '找不到所选的{what}（{id}），可能已被删除，请刷新后再试',
    en: 'The chosen {what} ({id}) was not found (it may have been deleted); refresh and try again',
  },
  'selection.areaEmpty': { 'zh-CN': '没有选中任何楼栋：{what}「{name}」里没有楼栋', en: 'No buildings are selected: the {what} "{name}" has no buildings' },
  'batch.notFound': { 'zh-CN': '找不到这次状态修改（{id}），请刷新后再试', en: 'This status change ({id}) was not found; refresh and try again' },
  'batch.isUndo': { 'zh-CN': '这是一次撤销操作，不能再撤销', en: 'This change is itself an undo and cannot be undone' },
  'batch.alreadyUndone': { 'zh-CN': '「{selection}」的这次修改已经撤销过了', en: 'This change of "{selection}" has already been undone' },
  'batch.notLatest': {
    'zh-CN': '只能撤销您本人最近一次的状态修改；「{selection}」（{at}，{by}）不是',
    en: 'Only your own latest status change can be undone; "{selection}" ({at}, {by}) is not it',
  },
  'time.future': {
    'zh-CN': '{what}（{value}）不能晚于现在（{now}）；如是计划中的调整，请到时再登记',
    en: 'The {what} ({value}) cannot be later than now ({now}); record a planned change when it happens',
  },
  'time.untilBeforeFrom': { 'zh-CN': '结束时间须晚于生效时间', en: 'The end must be later than the start' },
  'compound.notFound': {
    'zh-CN': '找不到楼院 {id}，可能已被删除，请刷新后再试',
    en: 'Compound {id} was not found (it may have been deleted); refresh and try again',
  },
  'safe.criteriaRequired': { 'zh-CN': '请至少勾选一项达标条件', en: 'Tick at least one criterion the compound meets' },
  'safe.alreadyGranted': { 'zh-CN': '「{name}」已是放心楼院（{by} 授予），无需重复授予', en: '"{name}" is already a safe compound (granted by {by})' },
  'safe.notFound': {
    'zh-CN': '找不到这项放心楼院授予记录（{id}），请刷新后再试',
    en: 'This safe-compound designation ({id}) was not found; refresh and try again',
  },
  'safe.alreadyRevoked': { 'zh-CN': '「{name}」的放心楼院称号已由 {by} 撤销', en: 'The safe-compound designation of "{name}" was already revoked by {by}' },
  'person.notFound': { 'zh-CN': '找不到该人员', en: 'Person not found' },
  'person.noPhone': { 'zh-CN': '该人员没有登记电话', en: 'No phone number is recorded for this person' },
  'person.noIdNumber': { 'zh-CN': '该人员没有登记身份证号', en: 'No ID number is recorded for this person' },
} as const satisfies Record<string, Message>;
