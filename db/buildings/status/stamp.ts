import type { ServiceContext } from '../../context';
import { HLC_RE } from '../../sync/hlc';

/**
 * The moment and merge stamp of a change to some buildings, taken inside the write lock: never
 * before their latest recorded change (another connection may have written it a moment ago with
 * a clock a little ahead), so history order (changed_at, hlc) is the order the changes landed.
 */
export function stampAfter(ctx: ServiceContext, ids: string[], now: number): { at: number; tick: () => string } {
  const latest = ctx.sqlite
    .prepare<unknown[], { at: number | null; hlc: string | null }>(
      `SELECT max(changed_at) AS at, max(hlc) AS hlc FROM building_status_history
        WHERE building_id IN (SELECT value FROM json_each(?)) AND deleted = 0`,
    )
    .get(JSON.stringify(ids))!;
  const current = ctx.sqlite
    .prepare<unknown[], string | null>('SELECT max(hlc) FROM buildings WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(ids))!;
  const floor = [latest.hlc, current].filter((h): h is string => !!h && HLC_RE.test(h)).sort().pop();
  const tick = () => {
    const hlc = ctx.clock.tick();
    return floor !== undefined && hlc <= floor ? ctx.clock.receive(floor) : hlc;
  };
  return { at: Math.max(now, latest.at ?? 0), tick };
}
