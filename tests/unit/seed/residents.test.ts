import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type SeedSummary } from '../../../db/seed';
import { isValidIdNumber, isValidMobile } from '../../../db/seed/identity';
import { addressInitials } from '../../../db/buildings/initials';
import { SAFE_CRITERIA } from '../../../db/seed/texts';
import { tempDatabase } from './helpers';

const NOW = Date.UTC(2022, 3, 15, 8, 0, 0);
const DAY = 86_400_000;
const YEAR = 2022;

describe.each([42, 7])('seeded households, residents and groups (small preset, seed %i)', (seed) => {
  const db = tempDatabase();
  let summary: SeedSummary;
  const all = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T;
  const count = (sql: string, ...params: unknown[]) => (db.sqlite.prepare(sql).get(...params) as { n: number }).n;

  beforeAll(() => {
    summary = seedDatabase(db.sqlite, { preset: 'small', seed, now: NOW });
  });
  afterAll(() => db.dispose());

  it('reports the rows it wrote', () => {
    const tables = {
      households: 'households', residents: 'residents', tags: 'resident_tags', requests: 'requests',
      safeCompounds: 'safe_compounds', screeningRounds: 'screening_rounds', screeningVisits: 'screening_visits',
    } as const;
    for (const [key, table] of Object.entries(tables)) {
      expect(summary[key as keyof typeof tables]).toBe(count(`SELECT count(*) n FROM ${table}`));
      expect(summary[key as keyof typeof tables]).toBeGreaterThan(0);
    }
  });

  it('lists exactly the households and residents each building counts', () => {
    expect(all(`SELECT b.id FROM buildings b WHERE b.households <> (SELECT count(*) FROM households h WHERE h.building_id = b.id)
                                               OR b.residents <> (SELECT count(*) FROM residents r WHERE r.building_id = b.id)`)).toEqual([]);
    expect(all(`SELECT u.id FROM units u WHERE u.households <> (SELECT count(*) FROM households h WHERE h.unit_id = u.id)`)).toEqual([]);
    expect(count('SELECT count(*) n FROM residents r JOIN households h ON h.id = r.household_id WHERE h.building_id <> r.building_id OR h.registration <> r.registration')).toBe(0);
    const sizes = all<{ size: number; bungalow: number; floating: number }>(
      `SELECT count(*) size, c.kind = 'bungalow' bungalow, h.registration = 'floating' floating FROM households h
         JOIN residents r ON r.household_id = h.id JOIN buildings b ON b.id = h.building_id JOIN compounds c ON c.id = b.compound_id GROUP BY h.id`,
    );
    expect(sizes).toHaveLength(summary.households);
    expect(Math.min(...sizes.map((s) => s.size))).toBe(1);
    expect(Math.max(...sizes.map((s) => s.size))).toBe(6);
    const apartments = sizes.filter((s) => !s.bungalow);
    const mean = apartments.reduce((t, s) => t + s.size, 0) / apartments.length;
    expect(mean).toBeGreaterThan(2.6);
    expect(mean).toBeLessThan(3.0);
    const bungalows = sizes.filter((s) => s.bungalow);
    expect(bungalows.filter((s) => s.size === 1 && s.floating).length / bungalows.length).toBeGreaterThan(0.25);
    expect(apartments.filter((s) => s.size === 1 && s.floating).length / apartments.length).toBeLessThan(0.1);
  });

  it('labels rooms like doors are labelled, each once per building', () => {
    const rooms = all<{ kind: string; room: string; building_id: string; unit: number; floors: number }>(
      'SELECT b.kind, h.room, h.building_id, u.number unit, b.floors FROM households h JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id',
    );
    expect(rooms).toHaveLength(summary.households);
    for (const r of rooms) {
      if (r.kind === 'alley') expect(r.room).toMatch(/^(\d+号院\d室|[东西南北前后]院\d+号)$/);
      else {
        const m = /^(\d+)单元(\d+)(0\d)$/.exec(r.room);
        expect(m, r.room).not.toBeNull();
        expect(Number(m![1])).toBe(r.unit);
        expect(Number(m![2])).toBeGreaterThanOrEqual(1);
        expect(Number(m![2])).toBeLessThanOrEqual(r.floors);
      }
    }
    expect(new Set(rooms.map((r) => `${r.building_id} ${r.room}`)).size).toBe(rooms.length);
  });

  it('puts the head first and gives every relation a plausible age', () => {
    const rows = all<{ household_id: string; relation: string; birth_year: number; gender: string }>(
      'SELECT household_id, relation, birth_year, gender FROM residents ORDER BY household_id, id',
    );
    const byHousehold = new Map<string, typeof rows>();
    for (const r of rows) byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r]);
    for (const members of byHousehold.values()) {
      expect(members[0]!.relation).toBe('head');
      expect(members.filter((m) => m.relation === 'head')).toHaveLength(1);
      const head = members[0]!;
      for (const m of members.slice(1)) {
        if (m.relation === 'child') expect(m.birth_year - head.birth_year).toBeGreaterThanOrEqual(15);
        if (m.relation === 'parent') expect(head.birth_year - m.birth_year).toBeGreaterThanOrEqual(15);
        if (m.relation === 'grandchild') expect(m.birth_year - head.birth_year).toBeGreaterThanOrEqual(35);
        if (m.relation === 'spouse') {
          expect(Math.abs(m.birth_year - head.birth_year)).toBeLessThanOrEqual(6);
          expect(m.gender).not.toBe(head.gender);
        }
      }
      expect(members.every((m) => m.birth_year <= YEAR && m.birth_year >= YEAR - 100)).toBe(true);
    }
    const male = count(`SELECT count(*) n FROM residents WHERE gender = 'male'`) / summary.residents;
    expect(male).toBeGreaterThan(0.46);
    expect(male).toBeLessThan(0.54);
  });

  it('gives valid, unique ID numbers matching the birth year and registration', () => {
    const rows = all<{ id_number: string; birth_year: number; registration: string }>('SELECT id_number, birth_year, registration FROM residents');
    for (const r of rows) {
      expect(isValidIdNumber(r.id_number), r.id_number).toBe(true);
      expect(Number(r.id_number.slice(6, 10))).toBe(r.birth_year);
      expect(Date.UTC(r.birth_year, Number(r.id_number.slice(10, 12)) - 1, Number(r.id_number.slice(12, 14)))).toBeLessThanOrEqual(NOW);
      if (r.registration === 'registered') expect(r.id_number.slice(0, 6)).toBe('370202');
      else expect(r.id_number.slice(0, 4)).not.toBe('3702');
    }
    const people = all<{ id_number: string }>('SELECT id_number FROM people').map((p) => p.id_number);
    expect(new Set([...rows.map((r) => r.id_number), ...people]).size).toBe(rows.length + people.length);
    const floating = rows.filter((r) => r.registration === 'floating').length / rows.length;
    expect(floating).toBeGreaterThan(0.15);
    expect(floating).toBeLessThan(0.25);
    const bungalowFloating = one<{ f: number }>(
      `SELECT avg(r.registration = 'floating') f FROM residents r JOIN buildings b ON b.id = r.building_id JOIN compounds c ON c.id = b.compound_id WHERE c.kind = 'bungalow'`,
    ).f;
    expect(bungalowFloating).toBeGreaterThan(floating * 1.8);
  });

  it('gives phones to most adults and none to young children', () => {
    const adults = one<{ n: number; phones: number }>(`SELECT count(*) n, count(phone) phones FROM residents WHERE ${YEAR} - birth_year >= 18`);
    expect(adults.phones / adults.n).toBeGreaterThan(0.8);
    expect(adults.phones / adults.n).toBeLessThan(0.9);
    expect(count(`SELECT count(phone) n FROM residents WHERE ${YEAR} - birth_year < 12`)).toBe(0);
    const phones = all<{ phone: string }>('SELECT phone FROM residents WHERE phone IS NOT NULL').map((p) => p.phone);
    expect(phones.every(isValidMobile)).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('tags special groups at realistic rates with sane dates', () => {
    const tags = Object.fromEntries(all<{ tag: string; n: number }>('SELECT tag, count(*) n FROM resident_tags GROUP BY tag').map((r) => [r.tag, r.n]));
    expect(tags.elderly_alone! / summary.households).toBeGreaterThan(0.02);
    expect(tags.elderly_alone! / summary.households).toBeLessThan(0.04);
    expect(tags.disabled! / summary.residents).toBeGreaterThan(0.01);
    expect(tags.disabled! / summary.residents).toBeLessThan(0.02);
    expect(tags.returnee! / summary.residents).toBeGreaterThan(0.005);
    expect(tags.returnee! / summary.residents).toBeLessThan(0.015);
    expect(tags.isolation).toBeGreaterThanOrEqual(1);
    expect(tags.isolation).toBeLessThanOrEqual(10);
    expect(count('SELECT count(*) n FROM resident_tags t JOIN residents r ON r.id = t.resident_id WHERE t.building_id <> r.building_id')).toBe(0);
    // 独居老人: alone in the household and at least 70.
    expect(count(`SELECT count(*) n FROM resident_tags t JOIN residents r ON r.id = t.resident_id
                   WHERE t.tag = 'elderly_alone' AND (${YEAR} - r.birth_year < 70 OR (SELECT count(*) FROM residents o WHERE o.household_id = r.household_id) <> 1)`)).toBe(0);
    expect(count(`SELECT count(*) n FROM resident_tags WHERE tag = 'returnee' AND (starts_on > ? OR starts_on < ?)`, NOW, NOW - 14 * DAY)).toBe(0);
    expect(count(`SELECT count(*) n FROM resident_tags WHERE tag IN ('home_observation', 'isolation') AND (ends_on IS NOT starts_on + 14 * ${DAY} OR starts_on > ?)`, NOW)).toBe(0);
    expect(count(`SELECT count(*) n FROM resident_tags WHERE ends_on IS NOT NULL AND ends_on <= starts_on`)).toBe(0);
    expect(count(`SELECT count(*) n FROM resident_tags WHERE tag = 'home_observation' AND ends_on >= ? AND starts_on < ?`, NOW, NOW - 10 * DAY - DAY)).toBe(0);
    expect(count(`SELECT count(*) n FROM resident_tags WHERE tag = 'home_observation' AND ends_on < ?`, NOW)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) n FROM resident_tags t JOIN buildings b ON b.id = t.building_id WHERE t.tag = 'isolation' AND b.status <> 'sealed'`)).toBe(0);
    const observed = one<{ n: number; strict: number }>(
      `SELECT count(*) n, sum(b.status IN ('sealed', 'controlled')) strict FROM resident_tags t JOIN buildings b ON b.id = t.building_id
        WHERE t.tag = 'home_observation' AND t.ends_on >= @now AND t.note NOT LIKE '返青%'`.replace('@now', String(NOW)),
    );
    expect(observed.strict / observed.n).toBeGreaterThan(0.5);
  });

  it('records needs mostly from watched households, each with its life so far', () => {
    const needs = all<{ requester: string; room: string; received_at: number; state: string; resolved_at: number | null; resolved_by: string | null; handler: string | null; watched: number }>(
      `SELECT n.requester, h.room, n.received_at, n.state, n.resolved_at, n.resolved_by, n.handler,
              EXISTS (SELECT 1 FROM resident_tags t JOIN residents r ON r.id = t.resident_id WHERE r.household_id = h.id
                        AND t.tag IN ('home_observation', 'isolation', 'elderly_alone')) watched
         FROM requests n JOIN households h ON h.id = n.household_id AND h.building_id = n.building_id WHERE n.kind <> 'facility'`,
    );
    expect(needs.length).toBeGreaterThan(20);
    expect(needs.filter((n) => n.watched).length / needs.length).toBeGreaterThan(0.7);
    const done = needs.filter((n) => n.resolved_at !== null);
    expect(done.length / needs.length).toBeGreaterThan(0.3);
    expect(done.length / needs.length).toBeLessThan(0.9);
    for (const state of ['pending', 'handling', 'resolved', 'revisited']) expect(needs.some((n) => n.state === state), state).toBe(true);
    for (const n of needs) {
      expect(n.requester).toMatch(new RegExp(`^[\\u4e00-\\u9fa5]{2,4}（${n.room}）$`));
      expect(n.received_at).toBeLessThanOrEqual(NOW);
      if (n.resolved_at !== null) {
        expect(n.resolved_at).toBeGreaterThan(n.received_at);
        expect(n.resolved_at).toBeLessThanOrEqual(NOW);
        expect(n.resolved_by).toBe(n.handler);
      } else expect(n.resolved_by).toBeNull();
    }
  });

  it('escalates every demo request past its limit, in its history, as the services would', () => {
    const overdue = count(`SELECT count(*) n FROM requests WHERE due_at < ${NOW}`);
    expect(overdue).toBeGreaterThan(0);
    expect(count(`SELECT count(*) n FROM requests WHERE due_at < ${NOW} AND (escalated_at IS NULL OR escalated_at < due_at)`)).toBe(0);
    expect(count(`SELECT count(*) n FROM requests r WHERE escalated_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.action = 'escalate' AND e.at = r.escalated_at)`)).toBe(0);
    expect(count(`SELECT count(*) n FROM requests r WHERE NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.action = 'create')`)).toBe(0);
  });

  it('reports an incident at about one building in 150', () => {
    const incidents = all<{ title: string; received_at: number; resolved_at: number | null; resolution: string | null }>(
      `SELECT title, received_at, resolved_at, resolution FROM requests WHERE kind = 'facility'`,
    );
    expect(incidents).toHaveLength(3);
    for (const i of incidents) {
      expect(i.received_at).toBeLessThan(NOW);
      if (i.resolved_at !== null) {
        expect(i.resolution).toBeTruthy();
        expect(i.resolved_at).toBeLessThan(NOW);
      } else expect(i.resolution).toBeNull();
    }
  });

  it('grants 放心楼院 only to compounds whose buildings are all normal', () => {
    const compounds = count('SELECT count(*) n FROM compounds');
    const safe = all<{ compound_id: string; granted_at: number; criteria: string; granted_by: string; revoked_at: number | null }>('SELECT * FROM safe_compounds');
    expect(safe.length).toBe(Math.round(compounds * 0.04));
    expect(new Set(safe.map((s) => s.compound_id)).size).toBe(safe.length);
    expect(count(`SELECT count(*) n FROM safe_compounds s JOIN buildings b ON b.compound_id = s.compound_id WHERE b.status <> 'normal'`)).toBe(0);
    for (const s of safe) {
      expect(s.granted_at).toBeLessThan(NOW);
      expect(s.granted_at).toBeGreaterThan(NOW - 60 * DAY);
      const criteria = JSON.parse(s.criteria) as string[];
      expect(criteria.length).toBeGreaterThanOrEqual(3);
      expect(criteria.length).toBeLessThanOrEqual(5);
      for (const c of criteria) expect(SAFE_CRITERIA).toContain(c);
      expect(s.granted_by).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(s.revoked_at).toBeNull();
    }
  });

  it('fills address initials and the end of the current status', () => {
    expect(addressInitials('中山路12号3号楼')).toBe('zsl12h3hl');
    const rows = all<{ address: string; address_initials: string }>('SELECT address, address_initials FROM buildings');
    for (const r of rows) expect(r.address_initials).toBe(addressInitials(r.address));
    expect(rows[0]!.address_initials).toMatch(/^zsljd[a-z0-9]+$/);
    const ends = all<{ status: string; status_until: number | null; last_until: number | null }>(
      `SELECT b.status, b.status_until, (SELECT effective_until FROM building_status_history h WHERE h.building_id = b.id ORDER BY changed_at DESC LIMIT 1) last_until
         FROM buildings b`,
    );
    for (const e of ends) expect(e.status_until).toBe(e.last_until);
    expect(ends.filter((e) => e.status === 'sealed').every((e) => e.status_until !== null && e.status_until > NOW)).toBe(true);
  });
});
