import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import type { Span } from './rules';

export interface DutyPersonRow {
  id: string;
  name: string;
  source: string;
  skills: string[];
  availability: number[] | null;
}

interface RawPerson {
  id: string;
  name: string;
  source: string;
  skills: string;
  availability: string | null;
}

const parse = (r: RawPerson): DutyPersonRow => ({
  id: r.id,
  name: r.name,
  source: r.source,
  skills: JSON.parse(r.skills) as string[],
  availability: r.availability ? (JSON.parse(r.availability) as number[]) : null,
});

export function requirePerson(sqlite: Database.Database, id: string, field = 'personId'): DutyPersonRow {
  const row = sqlite.prepare<unknown[], RawPerson>('SELECT id, name, source, skills, availability FROM people WHERE id = ? AND deleted = 0').get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'staffing.personNotFound', {}, field);
  return parse(row);
}

/** The duty roster: everyone who declared when they can serve, by name. */
export function rosterPeople(sqlite: Database.Database): DutyPersonRow[] {
  return sqlite
    .prepare<unknown[], RawPerson>('SELECT id, name, source, skills, availability FROM people WHERE deleted = 0 AND availability IS NOT NULL ORDER BY name, id')
    .all()
    .map(parse);
}

/** A person's shifts starting in [from, to) (no-shows included: they were planned), by start. */
export function personShifts(sqlite: Database.Database, personId: string, from: number, to: number, exceptId?: string): (Span & { id: string })[] {
  return sqlite
    .prepare<unknown[], Span & { id: string }>(
      `SELECT id, starts_at AS startsAt, ends_at AS endsAt FROM shift_assignments
       WHERE person_id = ? AND deleted = 0 AND starts_at >= ? AND starts_at < ? ORDER BY starts_at`,
    )
    .all(personId, from, to)
    .filter((s) => s.id !== exceptId);
}

/** Everyone's shifts starting in [from, to), by person. */
export function shiftsByPerson(sqlite: Database.Database, from: number, to: number): Map<string, Span[]> {
  const rows = sqlite
    .prepare<unknown[], Span & { personId: string }>(
      'SELECT person_id AS personId, starts_at AS startsAt, ends_at AS endsAt FROM shift_assignments WHERE deleted = 0 AND starts_at >= ? AND starts_at < ?',
    )
    .all(from, to);
  const out = new Map<string, Span[]>();
  for (const r of rows) {
    const list = out.get(r.personId);
    const span = { startsAt: r.startsAt, endsAt: r.endsAt };
    if (list) list.push(span);
    else out.set(r.personId, [span]);
  }
  return out;
}
