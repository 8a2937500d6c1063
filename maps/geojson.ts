/**
 * Validating GeoJSON polygons that users import (community and grid boundaries), with
 * messages in Chinese that name the feature and the problem; plus the geometry helpers.
 */
import { ringSignedArea, type PolygonCoords, type Position, type Ring } from './geometry';

export * from './geometry';

export interface GeoJsonIssue {
  /** 0-based index of the feature in the collection, or null for the document itself. */
  featureIndex: number | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface PolygonFeatureInput {
  /** 0-based index of the feature in the input. */
  index: number;
  properties: Record<string, unknown>;
  /** One entry for a Polygon, several for a MultiPolygon. */
  polygons: PolygonCoords[];
}

export type GeoJsonValidation =
  | { ok: true; features: PolygonFeatureInput[]; issues: GeoJsonIssue[] }
  | { ok: false; issues: GeoJsonIssue[] };

const MAX_ERRORS = 50;

type Report = (severity: GeoJsonIssue['severity'], message: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fmt = (p: readonly unknown[]) => `[${p.join(', ')}]`;

function checkPosition(value: unknown, where: string, report: Report): Position | null {
  if (!Array.isArray(value) || value.length < 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    report('error', `${where}不是有效坐标（应为 [经度, 纬度] 两个数字）：${JSON.stringify(value)?.slice(0, 60)}`);
    return null;
  }
  const [lng, lat] = value as number[];
  const swapHint = Math.abs(lat!) > 90 && Math.abs(lng!) <= 90 ? '（经纬度是否写反了？GeoJSON 的顺序是 [经度, 纬度]）' : '';
  if (lng! < -180 || lng! > 180) {
    report('error', `${where} ${fmt(value)} 的经度 ${lng} 超出范围 [-180, 180]${swapHint}`);
    return null;
  }
  if (lat! < -90 || lat! > 90) {
    report('error', `${where} ${fmt(value)} 的纬度 ${lat} 超出范围 [-90, 90]${swapHint}`);
    return null;
  }
  return [lng!, lat!];
}

function checkRing(value: unknown, where: string, isHole: boolean, report: Report): Ring | null {
  if (!Array.isArray(value)) {
    report('error', `${where}不是坐标数组`);
    return null;
  }
  const ring: Ring = [];
  let bad = 0;
  // Only the first bad coordinate of a ring is spelled out; the rest are counted.
  const once: Report = (severity, message) => {
    if (bad === 0) report(severity, message);
  };
  value.forEach((p, i) => {
    const pos = checkPosition(p, `${where}第 ${i + 1} 个坐标`, once);
    if (pos) ring.push(pos);
    else bad++;
  });
  if (bad > 1) report('error', `${where}另有 ${bad - 1} 个坐标有同类问题`);
  if (bad) return null;
  if (ring.length < 4) {
    report('error', `${where}只有 ${ring.length} 个坐标，闭合环至少需要 4 个（首尾坐标相同）`);
    return null;
  }
  const first = ring[0]!, last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    report('error', `${where}未闭合：首坐标 ${fmt(first)} 与尾坐标 ${fmt(last)} 不同`);
    return null;
  }
  const area = ringSignedArea(ring);
  if (Math.abs(area) < 1e-6) {
    report('error', `${where}面积为 0（所有坐标在一条线上或重合）`);
    return null;
  }
  if (!isHole && area < 0) report('warning', `${where}为顺时针方向（RFC 7946 建议外环逆时针），已照常接受`);
  if (isHole && area > 0) report('warning', `${where}为逆时针方向（RFC 7946 建议内环顺时针），已照常接受`);
  return ring;
}

function checkPolygon(value: unknown, where: string, report: Report): PolygonCoords | null {
  if (!Array.isArray(value) || value.length === 0) {
    report('error', `${where}没有任何环（coordinates 应为 [[[经度, 纬度], ...]]）`);
    return null;
  }
  const rings: PolygonCoords = [];
  let bad = false;
  value.forEach((r, i) => {
    const ring = checkRing(r, `${where}${i === 0 ? '外环' : `第 ${i} 个内环（洞）`}`, i > 0, report);
    if (ring) rings.push(ring);
    else bad = true;
  });
  return bad ? null : rings;
}

function checkGeometry(geometry: unknown, where: string, report: Report): PolygonCoords[] | null {
  if (!isObject(geometry)) {
    report('error', `${where}缺少几何对象（geometry 为空）`);
    return null;
  }
  if (geometry.type === 'Polygon') {
    const polygon = checkPolygon(geometry.coordinates, where, report);
    return polygon ? [polygon] : null;
  }
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
      report('error', `${where}MultiPolygon 没有任何多边形`);
      return null;
    }
    const out: PolygonCoords[] = [];
    let bad = false;
    geometry.coordinates.forEach((c, i) => {
      const polygon = checkPolygon(c, `${where}第 ${i + 1} 个多边形的`, report);
      if (polygon) out.push(polygon);
      else bad = true;
    });
    return bad ? null : out;
  }
  report('error', `${where}几何类型为「${String(geometry.type)}」，只接受 Polygon 或 MultiPolygon`);
  return null;
}

/**
 * Checks a parsed GeoJSON document (or its JSON text): a FeatureCollection, a Feature, or a bare
 * Polygon / MultiPolygon. Errors make it unusable; warnings (ring direction) do not.
 */
export function validatePolygonGeoJson(input: unknown): GeoJsonValidation {
  const issues: GeoJsonIssue[] = [];
  let errors = 0;
  let featureIndex: number | null = null;
  const report: Report = (severity, message) => {
    if (severity === 'error' && ++errors > MAX_ERRORS) return;
    issues.push({ featureIndex, severity, message });
  };
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      return { ok: false, issues: [{ featureIndex: null, severity: 'error', message: `不是有效的 JSON：${(err as Error).message}` }] };
    }
  }
  const features: PolygonFeatureInput[] = [];
  const checkFeature = (f: unknown, index: number, where: string) => {
    featureIndex = index;
    if (!isObject(f) || f.type !== 'Feature') {
      report('error', `${where}不是 Feature 对象（type 应为 "Feature"）`);
      return;
    }
    const polygons = checkGeometry(f.geometry, where, report);
    if (polygons) features.push({ index, properties: isObject(f.properties) ? f.properties : {}, polygons });
  };
  if (!isObject(doc)) {
    report('error', '文件内容不是 GeoJSON 对象');
  } else if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) report('error', 'FeatureCollection 缺少 features 数组');
    else if (doc.features.length === 0) report('error', 'FeatureCollection 中没有任何要素');
    else doc.features.forEach((f, i) => checkFeature(f, i, `第 ${i + 1} 个要素：`));
  } else if (doc.type === 'Feature') {
    checkFeature(doc, 0, '要素：');
  } else if (doc.type === 'Polygon' || doc.type === 'MultiPolygon') {
    featureIndex = 0;
    const polygons = checkGeometry(doc, '', report);
    if (polygons) features.push({ index: 0, properties: {}, polygons });
  } else {
    report('error', `不支持的 GeoJSON 类型「${String(doc.type)}」，只接受 FeatureCollection、Feature、Polygon 或 MultiPolygon`);
  }
  if (errors > MAX_ERRORS) {
    issues.push({ featureIndex: null, severity: 'error', message: `另有 ${errors - MAX_ERRORS} 处错误未列出` });
  }
  return errors > 0 ? { ok: false, issues } : { ok: true, features, issues };
}
