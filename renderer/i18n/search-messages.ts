/** The header's search box. Spread into `zh-CN.ts` / `en.ts`. */
export const searchZhCN = {
  'search.placeholder': '查找地址、拼音首字母、楼院、网格、姓名或电话后四位',
  'search.label': '全局查找',
  'search.searching': '正在查找…',
  'search.nothing': '没有找到「{text}」',
  'search.more': '另有 {n} 条，请输入更多内容缩小范围',
  'search.group.communities': '社区',
  'search.group.grids': '网格',
  'search.group.compounds': '楼院',
  'search.group.buildings': '楼栋',
  'search.group.residents': '居民',
  'search.area.buildings': '{n} 栋楼',
  'search.resident.at': '{address} {room}',
};

export const searchEn: Record<keyof typeof searchZhCN, string> = {
  'search.placeholder': 'Find an address, pinyin initials, compound, grid, name or last 4 phone digits',
  'search.label': 'Search everything',
  'search.searching': 'Searching…',
  'search.nothing': 'Nothing found for "{text}"',
  'search.more': '{n} more; type more to narrow it down',
  'search.group.communities': 'Communities',
  'search.group.grids': 'Grids',
  'search.group.compounds': 'Compounds',
  'search.group.buildings': 'Buildings',
  'search.group.residents': 'Residents',
  'search.area.buildings': '{n} buildings',
  'search.resident.at': '{address} {room}',
};
