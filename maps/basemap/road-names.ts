/**
 * Road names for the synthetic basemap. Qingdao names its streets after provinces and
 * cities; long roads change their name along the way (香港西路 / 香港中路 / 香港东路,
 * 延安一路 / 延安二路 / 延安三路, 福州南路 / 福州北路).
 */
export interface LineNaming {
  /** Base name without 路, e.g. 香港. */
  base: string;
  /** Segments numbered 一路, 二路, 三路 instead of 西/中/东 or 南/中/北. */
  numbered?: boolean;
  /** Explicit names of the segments, overriding the rules above. */
  names?: string[];
}

/** East–west arterials, south (the coast) to north. */
export const EW_ARTERIALS: LineNaming[] = [
  { base: '太平', names: ['太平路', '南海路', '汇泉路'] },
  { base: '香港' },
  { base: '延安', numbered: true },
  { base: '东海' },
  { base: '宁夏' },
  { base: '辽宁' },
];

/** North–south arterials, west to east. */
export const NS_ARTERIALS: LineNaming[] = [
  { base: '中山', names: ['中山路'] },
  { base: '江苏', names: ['江苏路'] },
  { base: '山东', names: ['山东路'] },
  { base: '福州' },
  { base: '南京', names: ['南京路'] },
];

export const DIAGONALS: { name: string; arterial: boolean }[] = [
  { name: '胶州路', arterial: true },
  { name: '观海路', arterial: false },
];

/** Bases for local roads, shuffled by the generator. */
export const LOCAL_BASES: LineNaming[] = [
  ...[
    '江西', '湖北', '湖南', '德县', '大学', '黄县', '肥城', '莱阳', '广西', '四方', '济宁', '泰安', '潍县',
    '东平', '即墨', '苏州', '无棣', '上海', '郯城', '曲阜', '临清', '沂水', '浙江', '安徽', '河南', '河北',
    '天津', '北京', '保定', '吴淞', '芝罘', '海泊', '易州', '高密', '博山', '李村', '冠县', '馆陶', '堂邑',
    '观城', '平原', '邹县', '武定', '滕县', '单县', '金乡', '鱼台', '巨野', '成武', '阳谷', '莘县', '寿张',
    '聊城', '临沂', '海阳', '文登', '荣成', '龙口', '福山', '鱼山', '红岛', '金口', '龙山', '贵州', '云南',
    '四川', '甘肃', '青海', '广州', '汕头', '泉州', '厦门', '彰化', '闽江', '珠江', '湛山', '仙游', '燕儿岛',
    '嘉峪关', '山海关', '居庸关', '武胜关', '正阳关', '函谷关', '紫荆关', '韶关', '宁武关', '逍遥', '太平角',
  ].map((base) => ({ base })),
  { base: '市场', numbered: true },
  { base: '莱芜', numbered: true },
  { base: '漳州', numbered: true },
  { base: '泰州', numbered: true },
];

const CN_NUMBERS = ['一', '二', '三', '四', '五'];

/** The names of a line split into `segments` parts, west→east (or south→north). */
export function segmentNames(naming: LineNaming, segments: number, eastWest: boolean): string[] {
  if (naming.names) return naming.names.slice(0, segments);
  if (segments === 1) return [`${naming.base}路`];
  if (naming.numbered) return Array.from({ length: segments }, (_, i) => `${naming.base}${CN_NUMBERS[i]}路`);
  const suffixes = eastWest
    ? segments === 2 ? ['西路', '东路'] : ['西路', '中路', '东路']
    : segments === 2 ? ['南路', '北路'] : ['南路', '中路', '北路'];
  return suffixes.map((s) => `${naming.base}${s}`);
}

export const PARK_NAMES = ['信号山公园', '观象山公园', '中山公园'];
export const COASTAL_PARK_NAME = '鲁迅公园';
export const SEA_NAMES = ['青岛湾', '汇泉湾'];
