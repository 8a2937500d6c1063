import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { BriefingPanel, BriefingSettings, BriefingSettingsInput } from '../../electron/api/briefing';

/** The contract's panels (a record, so a panel added there must be added here). */
const PANELS: Record<BriefingPanel, true> = { map: true, communities: true, charts: true, trends: true };
const briefingPanels = Object.keys(PANELS) as BriefingPanel[];

const KEY = 'briefing';

export const DEFAULT_BRIEFING_SETTINGS: BriefingSettingsInput = { panels: [...briefingPanels], rotate: true, intervalSeconds: 20, staleAfterSeconds: 60 };

interface Row {
  value: string;
  updated_at: number;
  updated_by: string;
}

/** Keeps what a stored value still means (a panel retired since is dropped); the defaults fill the rest. */
function normalise(stored: unknown): BriefingSettingsInput {
  const v = (stored ?? {}) as Partial<BriefingSettingsInput>;
  const panels = Array.isArray(v.panels) ? [...new Set(v.panels.filter((p) => Object.hasOwn(PANELS, p)))] : [];
  return {
    panels: panels.length > 0 ? panels : DEFAULT_BRIEFING_SETTINGS.panels,
    rotate: typeof v.rotate === 'boolean' ? v.rotate : DEFAULT_BRIEFING_SETTINGS.rotate,
    intervalSeconds: typeof v.intervalSeconds === 'number' ? v.intervalSeconds : DEFAULT_BRIEFING_SETTINGS.intervalSeconds,
    staleAfterSeconds: typeof v.staleAfterSeconds === 'number' ? v.staleAfterSeconds : DEFAULT_BRIEFING_SETTINGS.staleAfterSeconds,
  };
}

/** `briefing.settings`: the stored settings, or the defaults before anyone saved any. */
export function briefingSettings(ctx: ServiceContext): BriefingSettings {
  authorize(ctx.actor, 'briefing.view');
  const row = ctx.sqlite.prepare<unknown[], Row>('SELECT value, updated_at, updated_by FROM settings WHERE key = ?').get(KEY);
  if (!row) return { ...DEFAULT_BRIEFING_SETTINGS, updatedAt: null, updatedBy: null };
  return { ...normalise(JSON.parse(row.value)), updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** `briefing.saveSettings`: administrators and leaders set the panels' order, the rotation and the stale time; audited. */
export function saveBriefingSettings(ctx: ServiceContext, input: BriefingSettingsInput, now = Date.now()): BriefingSettings {
  authorize(ctx.actor, 'briefing.configure');
  const value: BriefingSettingsInput = { panels: input.panels, rotate: input.rotate, intervalSeconds: input.intervalSeconds, staleAfterSeconds: input.staleAfterSeconds };
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (@key, @value, @now, @by)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run({ key: KEY, value: JSON.stringify(value), now, by: ctx.actor.name });
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'briefing.settings', target: KEY, detail: value, at: now });
  })();
  ctx.emit('data.changed', { domains: ['briefing'] });
  return { ...value, updatedAt: now, updatedBy: ctx.actor.name };
}
