import type { BasemapInfo, ImportedBasemap } from '../../electron/api/basemap';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { discardFile, openStoredFile } from '../files/store';
import { inspectBasemap } from './inspect';
import { basemapUrl, installBasemap, saveTiandituKey, storedBasemap, tiandituKey, uninstallBasemap, type StoredBasemap } from './store';

const toContract = ({ id, ...rest }: StoredBasemap): ImportedBasemap => ({ ...rest, url: basemapUrl({ id, kind: rest.kind }) });

/** `basemap.info`: what the map draws under the street. */
export function basemapInfo(ctx: ServiceContext): BasemapInfo {
  const stored = storedBasemap(ctx.dataDir);
  return { imported: stored ? toContract(stored) : null, tianditu: tiandituKey(ctx.dataDir) !== null };
}

/**
 * `basemap.import`: the uploaded file is checked by its bytes (PMTiles header or MBTiles tables)
 * and moved, not copied, out of the file store into the basemap folder; a refused file stays in
 * the store and nothing changes. Audited `territory.basemap`.
 */
export function importBasemap(ctx: ServiceContext, input: { fileId: string }, now = Date.now()): ImportedBasemap {
  authorize(ctx.actor, 'territory.manage');
  const file = openStoredFile(ctx.dataDir, input.fileId, ctx.actor);
  const facts = inspectBasemap(file.path, file.name);
  const stored = installBasemap(ctx.dataDir, file.path, { ...facts, name: file.name, size: file.size, importedAt: now, importedBy: ctx.actor.name });
  discardFile(ctx.dataDir, file.id);
  appendAudit(ctx.sqlite, {
    actor: ctx.actor,
    action: 'territory.basemap',
    target: file.name,
    detail: { name: file.name, kind: facts.kind, format: facts.format, minZoom: facts.minZoom, maxZoom: facts.maxZoom, size: file.size },
    at: now,
  });
  ctx.emit('data.changed', { domains: ['basemap'] });
  return toContract(stored);
}

/** `basemap.remove`: back to the generated basemap; audited `territory.basemap_remove` when there was one. */
export function removeBasemap(ctx: ServiceContext): { removed: boolean } {
  authorize(ctx.actor, 'territory.manage');
  const before = storedBasemap(ctx.dataDir);
  const removed = uninstallBasemap(ctx.dataDir);
  if (before) {
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'territory.basemap_remove', target: before.name, detail: { name: before.name, kind: before.kind } });
    ctx.emit('data.changed', { domains: ['basemap'] });
  }
  return { removed };
}

/** `basemap.setTianditu`: the office's 天地图 key, or none; audited `territory.tianditu` (the key itself is not written to the log). */
export function setTianditu(ctx: ServiceContext, input: { key: string | null }, now = Date.now()): BasemapInfo {
  authorize(ctx.actor, 'territory.manage');
  const key = input.key ? input.key.toLowerCase() : null;
  saveTiandituKey(ctx.dataDir, key);
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'territory.tianditu', target: '天地图', detail: { on: key !== null }, at: now });
  ctx.emit('data.changed', { domains: ['basemap'] });
  return basemapInfo(ctx);
}
