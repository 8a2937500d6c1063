import type { Message } from '../format';

/** Correcting the territory on the map: shapes refused, grids that cannot merge, edits that cannot be undone. */
export const territoryEditErrors = {
  'territory.shapeEmpty': { 'zh-CN': '{what}是空的：至少需要 3 个不同的点', en: 'The {what} is empty: it needs at least 3 distinct points' },
  'territory.shapeKinks': {
    'zh-CN': '{what}的边界自相交（在 {at} 附近），请重新画',
    en: 'The outline of the {what} crosses itself (near {at}); draw it again',
  },
  'territory.shapeOutside': {
    'zh-CN': '{what}有一点（{at}）在本街道的范围之外',
    en: 'A point of the {what} ({at}) lies outside the street',
  },
  'territory.buildingOutsideGrids': {
    'zh-CN': '楼栋的中心（{at}）不在任何网格内：请画在网格里',
    en: 'The centre of the building ({at}) is in no grid: draw it inside a grid',
  },
  'territory.mergeSame': { 'zh-CN': '请选择两个不同的网格来合并', en: 'Choose two different grids to merge' },
  'territory.notAdjacent': {
    'zh-CN': '网格「{a}」和「{b}」不相邻（没有共同的边），不能合并',
    en: 'The grids "{a}" and "{b}" share no edge and cannot be merged',
  },
  'territory.nothingToUndoEdit': { 'zh-CN': '没有可以撤销的地图修改', en: 'There is no map edit to undo' },
  'territory.undoStale': {
    'zh-CN': '「{edit}」之后这些数据又被修改过（{table}），不能撤销；请手工更正',
    en: 'The data of "{edit}" changed since ({table}); it cannot be undone, correct it by hand',
  },
  'territory.buildingNameTaken': { 'zh-CN': '地址「{address}」已有楼栋', en: 'A building at "{address}" exists already' },
  'territory.noCommunity': { 'zh-CN': '找不到这个社区（{id}）', en: 'No such community ({id})' },
} as const satisfies Record<string, Message>;
