/**
 * `griddesk bundle export --scope …`: comma-separated parts — `all`, `since-last` (the default),
 * `since=YYYY-MM-DD`, `community=代码|名称`, `grid=代码|名称` (these two may repeat),
 * `kinds=territory+residents…` (record kinds, messages/bundle-kinds.ts).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ExportRequest } from '../../db/bundles/exchange';
import type { BundleManifest } from '../../db/bundles/manifest';
import { BUNDLE_KINDS, bundleKinds, type BundleKind } from '../../messages/bundle-kinds';

export type CliScope = Pick<ExportRequest, 'scope' | 'since' | 'communityIds' | 'gridIds' | 'kinds'>;

function idOf(sqlite: Database.Database, table: 'communities' | 'grids', ref: string, what: string): string {
  const found = sqlite.prepare<[string, string], { id: string }>(`SELECT id FROM ${table} WHERE deleted = 0 AND (code = ? OR name = ?)`).all(ref, ref);
  if (found.length !== 1) throw new Error(found.length === 0 ? `--scope 中的${what}「${ref}」不存在` : `--scope 中的${what}「${ref}」对应多个，请用代码`);
  return found[0]!.id;
}

function kindOf(word: string): BundleKind {
  const kind = bundleKinds.find((k) => k === word || BUNDLE_KINDS[k]['zh-CN'] === word);
  if (!kind) throw new Error(`--scope 中的记录类别「${word}」不存在，可用：${bundleKinds.map((k) => `${k}（${BUNDLE_KINDS[k]['zh-CN']}）`).join('、')}`);
  return kind;
}

export function parseCliScope(sqlite: Database.Database, text: string): CliScope {
  const out: CliScope & { communityIds: string[]; gridIds: string[] } = { scope: 'sinceLast', communityIds: [], gridIds: [] };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, value] = part.includes('=') ? [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)] : [part, ''];
    if (key === 'all' && !value) out.scope = 'all';
    else if (key === 'since-last' && !value) out.scope = 'sinceLast';
    else if (key === 'since' && value) Object.assign(out, { scope: 'sinceDate', since: value });
    else if (key === 'community' && value) out.communityIds.push(idOf(sqlite, 'communities', value, '社区'));
    else if (key === 'grid' && value) out.gridIds.push(idOf(sqlite, 'grids', value, '网格'));
    else if (key === 'kinds' && value) out.kinds = value.split('+').map(kindOf);
    else throw new Error(`--scope 中的「${part}」无法识别，可用：all、since-last、since=YYYY-MM-DD、community=社区代码、grid=网格代码、kinds=类别+类别（以逗号分隔）`);
  }
  return out;
}

/** The manifest's scope in words: "全部" / "2026-11-01 以来的变化"，limited to an area when it is. */
export function describeScope(scope: BundleManifest['scope']): string {
  const when = scope.kind === 'all' ? '全部' : scope.sinceDate ? `${scope.sinceDate} 以来的变化` : `${scope.since} 之后的变化`;
  const area = scope.area ? `，仅社区 ${scope.area.communityIds.length} 个、网格 ${scope.area.gridIds.length} 个及其所需的记录` : '';
  const kinds = scope.kinds ? `，仅${scope.kinds.map((k) => (k in BUNDLE_KINDS ? BUNDLE_KINDS[k as BundleKind]['zh-CN'] : k)).join('、')}及其所需的记录` : '';
  return when + area + kinds;
}
