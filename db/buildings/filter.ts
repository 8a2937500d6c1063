import { NEED_KINDS_SQL } from '../../messages/requests';
import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize, gridScope } from '../auth/permissions';
import type { Actor } from '../auth/roles';
import { ServiceError } from '../errors';
import type { ResidentTagKind } from '../schema';
import { ensureAddressInitials, likeSubstring } from './address-search';
import { CURRENT_TAG } from './groups';
import { gridLabelSql, terms, type Localized } from '../../messages';

export interface BuildingFilterInput {
  statuses?: string[];
  tag?: ResidentTagKind;
  communityId?: string;
  gridIds?: string[];
  search?: string;
  safeCompound?: boolean;
  hasOpenNeeds?: boolean;
}

/** A WHERE clause over `buildings b` and its named parameters. */
export interface FilterSql {
  where: string;
  params: Record<string, unknown>;
}

export const SAFE_COMPOUND_IDS = `SELECT compound_id FROM safe_compounds WHERE revoked_at IS NULL AND deleted = 0`;

function requireKnown(sqlite: Database.Database, table: string, ids: readonly string[], field: string, what: Localized): void {
  if (ids.length === 0) return;
  const found = new Set(
    sqlite.prepare<unknown[], { id: string }>(`SELECT id FROM ${table} WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)).map(
      (r) => r.id,
    ),
  );
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new ServiceError('NOT_FOUND', 'filter.notFound', { what, id: missing }, field);
}

/**
 * Checks a filter against the database and the caller's scope, and turns it into SQL.
 * `field` prefixes the names in errors (`filter.communityId`). Grid workers see their grids only.
 */
export function buildingFilterSql(sqlite: Database.Database, actor: Actor, filter: BuildingFilterInput, now: number, field = 'filter'): FilterSql {
  authorize(actor, 'buildings.read');
  const parts = ['b.deleted = 0'];
  const params: Record<string, unknown> = {};
  if (filter.communityId !== undefined) {
    requireKnown(sqlite, 'communities', [filter.communityId], `${field}.communityId`, terms.community);
    parts.push('b.community_id = @community');
    params.community = filter.communityId;
  }
  if (filter.gridIds && filter.gridIds.length > 0) {
    requireKnown(sqlite, 'grids', filter.gridIds, `${field}.gridIds`, terms.grid);
    authorize(actor, 'buildings.read', { gridId: filter.gridIds });
    parts.push('b.grid_id IN (SELECT value FROM json_each(@grids))');
    params.grids = JSON.stringify(filter.gridIds);
  }
  const scope = gridScope(actor);
  if (scope) {
    parts.push('b.grid_id IN (SELECT value FROM json_each(@scope))');
    params.scope = JSON.stringify(scope);
  }
  if (filter.statuses && filter.statuses.length > 0) {
    const known = new Set(sqlite.prepare<unknown[], { key: string }>('SELECT key FROM status_definitions WHERE deleted = 0').all().map((r) => r.key));
    const unknown = filter.statuses.find((s) => !known.has(s));
    if (unknown) throw new ServiceError('NOT_FOUND', 'status.unknown', { status: unknown }, `${field}.statuses`);
    parts.push('b.status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(filter.statuses);
  }
  if (filter.tag !== undefined) {
    parts.push(`b.id IN (SELECT t.building_id FROM resident_tags t WHERE t.tag = @tag AND ${CURRENT_TAG})`);
    params.tag = filter.tag;
    params.now = now;
  }
  const search = filter.search?.trim();
  if (search) {
    ensureAddressInitials(sqlite);
    parts.push(`(b.address LIKE @search ESCAPE '\\' OR b.address_initials LIKE @initials ESCAPE '\\')`);
    params.search = likeSubstring(search);
    params.initials = likeSubstring(search.replace(/\s+/g, '').toLowerCase());
  }
  if (filter.safeCompound !== undefined) {
    parts.push(`b.compound_id ${filter.safeCompound ? '' : 'NOT '}IN (${SAFE_COMPOUND_IDS})`);
  }
  if (filter.hasOpenNeeds !== undefined) {
    parts.push(`${filter.hasOpenNeeds ? '' : 'NOT '}EXISTS (SELECT 1 FROM requests n WHERE n.building_id = b.id AND n.state IN ('pending', 'handling') AND n.kind IN ${NEED_KINDS_SQL} AND n.deleted = 0)`);
  }
  return { where: parts.join(' AND '), params };
}

const STATUS_WORDS = (sqlite: Database.Database, keys: string[]) => {
  const labels = new Map(sqlite.prepare<unknown[], { key: string; label: string }>('SELECT key, label FROM status_definitions').all().map((r) => [r.key, r.label]));
  return keys.map((k) => labels.get(k) ?? k).join('、');
};

const TAG_WORDS: Record<ResidentTagKind, string> = {
  home_observation: '居家观察',
  isolation: '隔离',
  elderly_alone: '独居老人',
  disabled: '残疾',
  returnee: '返乡',
};

/** The filter in words, for the export's 说明 sheet and the audit log. */
export function describeFilter(sqlite: Database.Database, filter: BuildingFilterInput): string {
  const words: string[] = [];
  if (filter.statuses?.length) words.push(`管控状态：${STATUS_WORDS(sqlite, filter.statuses)}`);
  if (filter.tag) words.push(`有${TAG_WORDS[filter.tag]}人员`);
  if (filter.communityId) {
    const c = sqlite.prepare<unknown[], { name: string }>('SELECT name FROM communities WHERE id = ?').get(filter.communityId);
    words.push(`社区：${c?.name ?? filter.communityId}`);
  }
  if (filter.gridIds?.length) {
    const label = sqlite.prepare<unknown[], string>(`SELECT ${gridLabelSql('c.name', 'g.name')} FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.id = ?`).pluck();
    const names = filter.gridIds.map((id) => label.get(id) ?? id);
    words.push(`网格：${names.join('、')}`);
  }
  if (filter.search?.trim()) words.push(`地址含「${filter.search.trim()}」`);
  if (filter.safeCompound !== undefined) words.push(filter.safeCompound ? '放心楼院' : '非放心楼院');
  if (filter.hasOpenNeeds !== undefined) words.push(filter.hasOpenNeeds ? '有未完成需求' : '无未完成需求');
  return words.length > 0 ? words.join('；') : '全部楼栋';
}

export { TAG_WORDS };
