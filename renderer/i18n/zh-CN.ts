import { authZhCN } from './auth-messages';
import { adminZhCN } from './admin-messages';
import { mapStatusZhCN } from './map-status-messages';
import { buildingsZhCN } from './buildings-messages';
import { screeningZhCN } from './screening-messages';
import { configZhCN } from './config-messages';
import { importsZhCN } from './import-messages';
import { jobsZhCN } from './jobs-messages';
import { healthZhCN } from './health-messages';
import { searchZhCN } from './search-messages';
import { overviewZhCN } from './overview-messages';
import { reportZhCN } from './report-messages';
import { requestsZhCN } from './requests-messages';
import { briefingZhCN } from './briefing-messages';
import { wallZhCN } from './wall-messages';
import { exchangeZhCN } from './exchange-messages';
import { staffingZhCN } from './staffing-messages';
import { volunteerServiceZhCN } from './volunteer-service-messages';
import { territoryZhCN } from './territory-messages';
import { volunteersZhCN } from './volunteers-messages';
import { volunteerMergeZhCN } from './volunteer-merge-messages';
import { territoryEditZhCN } from './territory-edit-messages';
import { basemapZhCN } from './territory-basemap-messages';

/** Simplified Chinese: the first language; every key here must exist in `en.ts`. */
export const zhCN = {
  ...authZhCN,
  ...adminZhCN,
  ...mapStatusZhCN,
  ...buildingsZhCN,
  ...screeningZhCN,
  ...configZhCN,
  ...importsZhCN,
  ...jobsZhCN,
  ...healthZhCN,
  ...searchZhCN,
  ...overviewZhCN,
  ...reportZhCN,
  ...requestsZhCN,
  ...briefingZhCN,
  ...wallZhCN,
  ...exchangeZhCN,
  ...staffingZhCN,
  ...territoryZhCN,
  ...volunteerServiceZhCN,
  ...volunteersZhCN,
  ...volunteerMergeZhCN,
  ...territoryEditZhCN,
  ...basemapZhCN,

  'app.name': '网格指挥台',
  'app.subtitle': '街道指挥中心',
  'app.loading': '正在加载…',
  'app.language': '界面语言',

  'nav.label': '主导航',
  'nav.map': '地图',
  'nav.buildings': '楼栋',
  'nav.staffing': '排班',
  'nav.volunteers': '志愿者',
  'nav.exchange': '数据交换',
  'nav.briefing': '大屏',

  'header.noStreet': '尚未载入街道数据',
  'header.communities': '社区',
  'header.grids': '网格',
  'header.own': '我的网格',
  'header.buildings': '楼栋',
  'header.residents': '居民',
  'header.mode.browser': '浏览器模式',
  'header.mode.electron': '桌面版',

  'soon.title': '即将推出',
  'soon.description': '「{page}」功能正在建设中，敬请期待。地图页已可使用。',
  'soon.backToMap': '返回地图',

  'error.title': '操作未完成',
  'error.retry': '重试',
  'error.network': '无法连接到网格指挥台服务：请确认服务仍在运行、网络正常，然后重试。',
  'error.unauthenticated': '请重新登录后再试。',
  'error.noApi': '未找到与后台服务的连接（window.api）。请从桌面应用或浏览器模式启动本页面。',
  'error.unexpected': '出现意外错误：{message}。请重试；若反复出现，请联系管理员。',
  'error.field': '出错的字段：{field}',

  'map.title': '街道网格图',
  'map.loading': '正在载入地图数据…',
  'map.drawing': '正在绘制 {count} 栋楼…',
  'map.layers': '图层',
  'map.layer.communities': '社区',
  'map.layer.grids': '网格',
  'map.layer.buildings': '楼栋',
  'map.layer.labels': '标注',
  'map.legend': '楼栋状态',
  'map.legend.total': '合计',
  'map.legend.unit': '栋',
  'map.empty': '暂无地图数据：请先导入或生成街道数据。',
  'map.fit': '全览',
  'map.live': '实时',
  'map.updated': '{count} 栋楼状态已更新',

  'building.panel': '楼栋详情',
  'building.close': '关闭',
  'building.loading': '正在载入楼栋详情…',
  'building.kind.building': '楼栋',
  'building.kind.alley': '弄巷',
  'building.address': '地址',
  'building.compound': '楼院',
  'building.grid': '网格',
  'building.community': '社区',
  'building.zone': '片区',
  'building.status': '管控状态',
  'building.since': '自 {date} 起',
  'building.duration': '已持续 {duration}',
  'building.asOf': '{date} 时',
  'building.floors': '层数',
  'building.units': '单元',
  'building.households': '户数',
  'building.residents': '居民',
  'building.property': '物业',
  'building.property.yes': '有物业',
  'building.property.no': '无物业',
  'building.open': '开放式楼院',
  'building.heads': '责任人',
  'building.heads.none': '尚未指定责任人',
  'building.party': '党员',
  'building.history': '最近状态变化',
  'building.history.none': '暂无状态变化记录',
  'building.history.by': '{who} 操作',
  'building.history.until': '至 {date}',

  'compound.gated': '封闭式小区',
  'compound.open': '开放式楼院',
  'compound.old': '无物业老旧楼房',
  'compound.bungalow': '平房院落',

  'role.building_head': '楼栋长',
  'role.alley_head': '弄巷长',
  'role.unit_head': '单元长',
  'role.grid_worker': '网格员',
  'role.grid_head': '网格长',
  'role.zone_head': '片区长',

  'unit.floor': '{n} 层',
  'unit.people': '{n} 人',
  'unit.households': '{n} 户',
  'unit.units': '{n} 个',
  'duration.days': '{n} 天',
  'duration.hours': '{n} 小时',
  'duration.minutes': '{n} 分钟',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
