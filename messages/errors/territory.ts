import type { Message } from '../format';

/** Bringing in a street office's own territory: the file, its coordinates, the office itself. */
export const territoryErrors = {
  'territory.fileEmpty': { 'zh-CN': '文件「{file}」是空的', en: 'The file "{file}" is empty' },
  'territory.notGis': {
    'zh-CN': '文件「{file}」不是 GeoJSON、KML 或压缩的 Shapefile（.zip），无法读取',
    en: 'The file "{file}" is not GeoJSON, KML or a zipped Shapefile (.zip)',
  },
  'territory.tooLarge': {
    'zh-CN': '文件「{file}」有 {size} MB，超过了 {max} MB 的上限：请按社区拆分后分批导入，或改用压缩的 Shapefile',
    en: 'The file "{file}" is {size} MB, over the {max} MB limit: split it by community or use a zipped Shapefile',
  },
  'territory.badJson': { 'zh-CN': '文件「{file}」不是有效的 GeoJSON：{reason}', en: 'The file "{file}" is not valid GeoJSON: {reason}' },
  'territory.badKml': { 'zh-CN': '文件「{file}」不是有效的 KML：{reason}', en: 'The file "{file}" is not valid KML: {reason}' },
  'territory.noShp': { 'zh-CN': '压缩包「{file}」里没有 .shp 文件', en: 'The archive "{file}" holds no .shp file' },
  'territory.noDbf': {
    'zh-CN': '压缩包里的「{layer}.shp」缺少同名的 .dbf 属性文件：请把 .shp、.shx、.dbf、.prj 一起打包',
    en: '"{layer}.shp" in the archive has no .dbf attribute file: zip the .shp, .shx, .dbf and .prj together',
  },
  'territory.badShp': { 'zh-CN': '「{layer}.shp」无法读取：{reason}', en: '"{layer}.shp" cannot be read: {reason}' },
  'territory.unknownPrj': {
    'zh-CN': '无法识别「{layer}.prj」中的坐标系（{name}）：请在“坐标系”中选择数据所用的坐标系',
    en: 'The coordinate system in "{layer}.prj" ({name}) is not known: choose the coordinate system of the data',
  },
  'territory.badEncoding': {
    'zh-CN': '属性表按 {encoding} 读出了乱码（第 {row} 个要素）：请在“属性编码”中改选 GBK 或 UTF-8',
    en: 'The attribute table reads as garbage in {encoding} (feature {row}): choose GBK or UTF-8 as the attribute encoding',
  },
  'territory.noFeatures': { 'zh-CN': '文件「{file}」里没有任何要素', en: 'The file "{file}" holds no features' },
  'territory.swapped': {
    'zh-CN': '坐标的经度和纬度似乎颠倒了（第 {row} 个要素：{x}, {y}）：请把经度放在前面后再导入',
    en: 'Longitude and latitude seem swapped (feature {row}: {x}, {y}): put the longitude first',
  },
  'territory.projectedNoPrj': {
    'zh-CN': '坐标是以米为单位的投影坐标（第 {row} 个要素：{x}, {y}），但没有 .prj：请在“坐标系”中选择 CGCS2000 高斯-克吕格分带',
    en: 'The coordinates are projected metres (feature {row}: {x}, {y}) with no .prj: choose the CGCS2000 Gauss–Krüger zone',
  },
  'territory.noOffice': { 'zh-CN': '还没有建立街道：请先填写街道信息', en: 'No street office yet: fill in the street office first' },
  'territory.officeExists': { 'zh-CN': '本数据库已有街道「{name}」，不能再建立或生成演示数据', en: 'This database already has the street office "{name}"' },
  'territory.noGrid': { 'zh-CN': '找不到这个网格（{id}）', en: 'No such grid ({id})' },
  'territory.noBuilding': { 'zh-CN': '找不到这栋楼（{id}）', en: 'No such building ({id})' },
  'territory.splitFailed': {
    'zh-CN': '这条线没有把网格「{name}」分成两块：请画一条从网格外穿过网格到另一侧的线',
    en: 'The line does not cut the grid "{name}" in two: draw a line across the grid from outside to outside',
  },
  'territory.nothingToUndo': { 'zh-CN': '没有可以撤销的网格拆分', en: 'There is no grid split to undo' },
} as const satisfies Record<string, Message>;
