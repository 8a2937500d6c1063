import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../audit/append';
import { authorize } from '../../auth/permissions';
import type { Actor } from '../../auth/roles';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { uuidv7 } from '../../sync/ids';
import type { WallDisplay } from '../../../electron/api/wall';

interface Row {
  id: string;
  name: string;
  paired_at: number;
  paired_by: string;
  paired_from: string;
  revoked_at: number | null;
  revoked_by: string | null;
}

const COLUMNS = 'id, name, paired_at, paired_by, paired_from, revoked_at, revoked_by';

const display = (r: Row): WallDisplay => ({
  id: r.id,
  name: r.name,
  pairedAt: r.paired_at,
  pairedBy: r.paired_by,
  pairedFrom: r.paired_from,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

/** Only the credential's hash is stored: a copy of the database does not let anyone pose as the wall. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The actor a paired display acts as: the leader role's rights, never personal data. */
export function wallActor(d: Pick<WallDisplay, 'id' | 'name'>): Actor {
  return { id: `wall:${d.id}`, name: `大屏 ${d.name}`, role: 'leader', seesPersonalData: false };
}

/** The display holding this credential, unless it was revoked. */
export function displayByToken(sqlite: Database.Database, token: string | undefined): WallDisplay | null {
  if (!token || token.length > 100) return null;
  const row = sqlite.prepare<[string], Row>(`SELECT ${COLUMNS} FROM wall_displays WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenHash(token));
  return row ? display(row) : null;
}

/** Records a newly paired display and returns its credential (shown to the wall PC once, as a cookie). */
export function addDisplay(sqlite: Database.Database, paired: { name: string; by: Actor; from: string; now: number }): { display: WallDisplay; token: string } {
  const token = randomBytes(32).toString('base64url');
  const row: Row = { id: uuidv7(paired.now), name: paired.name, paired_at: paired.now, paired_by: paired.by.name, paired_from: paired.from, revoked_at: null, revoked_by: null };
  sqlite.transaction(() => {
    sqlite
      .prepare('INSERT INTO wall_displays (id, name, token_hash, paired_at, paired_by, paired_from) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.name, tokenHash(token), row.paired_at, row.paired_by, row.paired_from);
    appendAudit(sqlite, { actor: paired.by, action: 'wall.pair', target: row.id, detail: { name: row.name, from: row.paired_from }, at: paired.now });
  })();
  return { display: display(row), token };
}

/** `wall.list`: every paired display, newest first, revoked ones included. */
export function listDisplays(ctx: ServiceContext): WallDisplay[] {
  authorize(ctx.actor, 'briefing.configure');
  return ctx.sqlite.prepare<[], Row>(`SELECT ${COLUMNS} FROM wall_displays ORDER BY paired_at DESC, id DESC`).all().map(display);
}

/** `wall.revoke`: the display's credential stops working at its next request; audited. Revoking twice changes nothing more. */
export function revokeDisplay(ctx: ServiceContext, id: string, now: number): WallDisplay {
  authorize(ctx.actor, 'briefing.configure');
  const get = () => ctx.sqlite.prepare<[string], Row>(`SELECT ${COLUMNS} FROM wall_displays WHERE id = ?`).get(id);
  const before = get();
  if (!before) throw new ServiceError('NOT_FOUND', 'wall.notFound', { id }, 'id');
  if (before.revoked_at !== null) return display(before);
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('UPDATE wall_displays SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(now, ctx.actor.name, id);
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'wall.revoke', target: id, detail: { name: before.name }, at: now });
  })();
  return display(get()!);
}
