import type { Message } from '../format';

/** Importing an offline basemap: files that are not PMTiles or MBTiles, or are cut short. */
export const basemapErrors = {
  'basemap.notTiles': {
    'zh-CN': '文件「{file}」不是 PMTiles 或 MBTiles 底图文件，无法导入',
    en: 'The file "{file}" is not a PMTiles or MBTiles basemap',
  },
  'basemap.truncated': {
    'zh-CN': '文件「{file}」不完整（{what}被截断）：请重新复制或下载完整的文件后再导入',
    en: 'The file "{file}" is incomplete (its {what} is cut short): copy or download the whole file again',
  },
  'basemap.pmtilesVersion': {
    'zh-CN': '文件「{file}」是第 {version} 版 PMTiles，只支持第 3 版：请用 pmtiles convert 转换',
    en: 'The file "{file}" is PMTiles version {version}; only version 3 is supported: convert it with pmtiles convert',
  },
  'basemap.tileType': {
    'zh-CN': '文件「{file}」的瓦片格式（{type}）不受支持：矢量瓦片须为 MVT，栅格瓦片须为 PNG、JPEG 或 WebP',
    en: 'The tile format of "{file}" ({type}) is not supported: vector tiles must be MVT, raster tiles PNG, JPEG or WebP',
  },
  'basemap.badMbtiles': {
    'zh-CN': '文件「{file}」是 SQLite 数据库，但不是 MBTiles（缺少 metadata 或 tiles 表）：{reason}',
    en: 'The file "{file}" is a SQLite database but not MBTiles (no metadata or tiles table): {reason}',
  },
  'basemap.noTiles': { 'zh-CN': '文件「{file}」里没有任何瓦片', en: 'The file "{file}" holds no tiles' },
} as const satisfies Record<string, Message>;
