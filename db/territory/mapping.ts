import type { TerritoryLayer, TerritoryMapping } from '../../electron/api/territory';

type Field = keyof TerritoryMapping;

/** Attribute names as Chinese GIS files spell them (and their pinyin abbreviations), per field. */
const ALIASES: Record<Field, string[]> = {
  code: ['code', 'id', 'bm', 'dm', '编码', '代码', '编号', 'sqbm', 'wgbm', 'sqdm', 'wgdm', '社区编码', '网格编码', '社区代码', '网格代码', 'jzbm', '建筑编码', 'ldbm'],
  name: ['name', 'mc', '名称', 'sqmc', 'wgmc', '社区名称', '网格名称', '楼栋名称', '建筑名称', 'ldmc', 'jzmc', '楼号'],
  community: ['community', 'sq', '社区', '所属社区', 'sssq', '社区编码', 'sqbm'],
  compound: ['compound', 'xq', '小区', '楼院', '小区名称', '所属小区', 'xqmc'],
  address: ['address', 'addr', 'dz', '地址', '门牌', '门牌地址', '标准地址', 'bzdz'],
  floors: ['floors', 'floor', 'cs', '层数', '楼层', '地上层数', 'dscs'],
};

const FIELDS_BY_LAYER: Record<TerritoryLayer, Field[]> = {
  communities: ['code', 'name'],
  grids: ['code', 'name', 'community'],
  buildings: ['name', 'address', 'compound', 'floors'],
};

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-（）()]/g, '');

/** The attribute names across the features, in first-seen order. */
export function attributeNames(properties: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const p of properties) for (const key of Object.keys(p)) seen.add(key);
  return [...seen];
}

/** The given mapping, each field left out filled by the first attribute whose name is one of its aliases. */
export function guessMapping(layer: TerritoryLayer, attributes: string[], given: TerritoryMapping): TerritoryMapping {
  const out: TerritoryMapping = {};
  const used = new Set(Object.values(given));
  for (const field of FIELDS_BY_LAYER[layer]) {
    const chosen = given[field];
    if (chosen !== undefined) {
      if (chosen !== '') out[field] = chosen;
      continue;
    }
    const aliases = ALIASES[field].map(norm);
    const hit = attributes.find((a) => !used.has(a) && aliases.includes(norm(a)));
    if (hit) {
      out[field] = hit;
      used.add(hit);
    }
  }
  return out;
}

/** A feature's value of a mapped attribute, as trimmed text ('' when absent). */
export function valueOf(properties: Record<string, unknown>, attribute: string | undefined): string {
  if (!attribute) return '';
  const v = properties[attribute];
  if (v === null || v === undefined) return '';
  return String(v).trim();
}
