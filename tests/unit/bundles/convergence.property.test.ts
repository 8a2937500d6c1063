import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openConflicts, resolveConflict } from '../../../db/bundles/conflicts';
import { exportBundle, importBundle } from '../../../db/bundles/exchange';
import { rowVector, type VersionVector } from '../../../db/bundles/version-vector';
import { people } from '../../../db/schema';
import { insertRow, tombstoneRow, updateRow } from '../../../db/sync/write';
import { person } from '../sync/fixture';
import { copyOffice, openOffice, partnerId, trustEachOther, type TestOffice } from './offices';

/**
 * Three street offices and the city edit the same kind of records at random and exchange
 * bundles, delivered late, out of order and sometimes twice. After everyone has sent everyone
 * what they have, all four hold identical rows, and every edit is either what the row holds, or
 * was overwritten by an edit made knowing it, or is named in a conflict record. A bundle
 * delivered a second time changes nothing.
 */
const CODES = ['320102001', '320102002', '320102003', '320100'];
const templates = (() => {
  const offices = CODES.map((code) => openOffice(code, `${code}办`));
  trustEachOther(offices);
  const made = offices.map((o) => ({ file: join(o.dir, 'griddesk.db'), identity: o.identity, nodeId: o.nodeId }));
  offices.forEach((o) => o.close());
  return made;
})();

type Op =
  | { kind: 'insert'; at: number }
  | { kind: 'update'; at: number; pick: number; phone: number }
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'send'; from: number; to: number; all: boolean }
  | { kind: 'deliver'; pick: number; twice: boolean }
  | { kind: 'resolve'; at: number; pick: number; mine: boolean }
  | { kind: 'wait'; at: number; ms: number };

const office = fc.integer({ min: 0, max: CODES.length - 1 });
const pick = fc.nat({ max: 20 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: office }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('update' as const), at: office, pick, phone: fc.nat({ max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: office, pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), from: office, to: office, all: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick, twice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), at: office, pick, mine: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), at: office, ms: fc.nat({ max: 3 }) }) },
);

/** A schedule as a reader follows it: "1 update #3 phone 5", "0 → 3 since last", "deliver #1 twice". */
function describeOp(o: Op): string {
  switch (o.kind) {
    case 'insert': return `${CODES[o.at]} insert`;
    case 'update': return `${CODES[o.at]} update #${o.pick} phone ${o.phone}`;
    case 'delete': return `${CODES[o.at]} delete #${o.pick}`;
    case 'send': return `${CODES[o.from]} → ${CODES[o.to]} ${o.all ? 'all' : 'since last'}`;
    case 'deliver': return `deliver #${o.pick}${o.twice ? ' twice' : ''}`;
    case 'resolve': return `${CODES[o.at]} resolve #${o.pick} ${o.mine ? 'mine' : 'theirs'}`;
    case 'wait': return `${CODES[o.at]} wait ${o.ms} ms`;
  }
}
const schedule = fc.array(op, { maxLength: 40 });

interface Edit {
  row: string;
  hlc: string;
  /** What the editing office's row included when the edit was made. */
  base: VersionVector;
}

interface PersonRow {
  id: string;
  hlc: string;
  origin: string;
  deleted: number;
}

function vectorOf(o: TestOffice, id: string): VersionVector {
  const row = o.sqlite.prepare<[string], PersonRow>('SELECT id, hlc, origin, deleted FROM people WHERE id = ?').get(id);
  if (!row) return {};
  const kept = o.sqlite.prepare<[string], { vv: string }>(`SELECT vv FROM sync_row_meta WHERE table_name = 'people' AND row_id = ?`).get(id);
  return rowVector(kept ? (JSON.parse(kept.vv) as VersionVector) : null, row.origin, row.hlc);
}

const living = (o: TestOffice) => o.sqlite.prepare<[], { id: string }>('SELECT id FROM people WHERE deleted = 0 ORDER BY id').all();
const everyRow = (o: TestOffice) => o.sqlite.prepare('SELECT * FROM people ORDER BY id').all();
/** What a merge may change: the rows, their kept vectors, the conflicts. */
const merged = (o: TestOffice) =>
  JSON.stringify([
    everyRow(o),
    o.sqlite.prepare('SELECT table_name, row_id, vv, extra FROM sync_row_meta ORDER BY table_name, row_id').all(),
    o.sqlite.prepare('SELECT * FROM sync_conflicts ORDER BY id').all(),
  ]);

async function run(ops: Op[]): Promise<void> {
  const offices = templates.map(copyOffice);
  try {
    const edits: Edit[] = [];
    const mailbox: { to: number; bytes: Uint8Array }[] = [];
    const edit = (o: TestOffice, id: string, write: () => string) => {
      const base = vectorOf(o, id);
      edits.push({ row: id, base, hlc: write() });
    };
    const send = async (from: number, to: number, all: boolean) => {
      if (from === to) return;
      const built = await exportBundle(offices[from]!, { partnerIds: [partnerId(offices[from]!, offices[to]!)], scope: all ? 'all' : 'sinceLast' });
      mailbox.push({ to, bytes: built.bytes });
    };
    const deliver = async (index: number, twice = false) => {
      const [mail] = mailbox.splice(index, 1);
      const o = offices[mail!.to]!;
      await importBundle(o, mail!.bytes, { allowReplay: true });
      if (!twice) return;
      const before = merged(o);
      await importBundle(o, mail!.bytes, { allowReplay: true });
      expect(merged(o), 'the same bundle a second time changed something').toBe(before);
    };
    for (const step of ops) {
      if (step.kind === 'insert') {
        const o = offices[step.at]!;
        const made = insertRow(o, people, person(`人${edits.length}`));
        edits.push({ row: made.id, hlc: made.hlc, base: {} });
      } else if (step.kind === 'update' || step.kind === 'delete') {
        const o = offices[step.at]!;
        const rows = living(o);
        if (rows.length === 0) continue;
        const id = rows[step.pick % rows.length]!.id;
        if (step.kind === 'update') edit(o, id, () => updateRow(o, people, id, { phone: `1390000000${step.phone}` }));
        else edit(o, id, () => tombstoneRow(o, people, id));
      } else if (step.kind === 'send') await send(step.from, step.to, step.all);
      else if (step.kind === 'deliver') {
        if (mailbox.length > 0) await deliver(step.pick % mailbox.length, step.twice);
      } else if (step.kind === 'resolve') {
        const o = offices[step.at]!;
        const open = openConflicts(o.sqlite);
        if (open.length === 0) continue;
        const c = open[step.pick % open.length]!;
        edit(o, c.rowId, () => {
          resolveConflict(o, c.id, step.mine ? 'mine' : 'theirs');
          return o.sqlite.prepare<[string], { hlc: string }>('SELECT hlc FROM people WHERE id = ?').get(c.rowId)!.hlc;
        });
      } else offices[step.at]!.wall.now += step.ms;
    }
    while (mailbox.length > 0) await deliver(mailbox.length - 1);
    for (let round = 0; round < 2; round++) {
      for (let from = 0; from < offices.length; from++) for (let to = 0; to < offices.length; to++) await send(from, to, false);
      while (mailbox.length > 0) await deliver(0);
    }

    const first = everyRow(offices[0]!);
    for (const [i, o] of offices.entries()) expect(everyRow(o), `${CODES[i]} differs from ${CODES[0]}`).toEqual(first);

    const final = new Map((first as PersonRow[]).map((r) => [r.id, r.hlc]));
    const inConflicts = new Set<string>();
    for (const o of offices) {
      for (const row of o.sqlite.prepare<[], { row_id: string; kept: string; other: string }>('SELECT row_id, kept, other FROM sync_conflicts').all()) {
        inConflicts.add(`${row.row_id}@${(JSON.parse(row.kept) as PersonRow).hlc}`);
        inConflicts.add(`${row.row_id}@${(JSON.parse(row.other) as PersonRow).hlc}`);
      }
    }
    for (const e of edits) {
      const origin = e.hlc.split(':')[2]!;
      const kept = final.get(e.row) === e.hlc;
      const knownToLater = edits.some((later) => later.row === e.row && (later.base[origin] ?? '') >= e.hlc);
      expect(kept || knownToLater || inConflicts.has(`${e.row}@${e.hlc}`), `edit ${e.row}@${e.hlc} vanished`).toBe(true);
    }
  } finally {
    offices.forEach((o) => o.close());
  }
}

describe('bundles exchanged in any order converge and lose no edit without a conflict', () => {
  const numRuns = Number(process.env.GRIDDESK_BUNDLE_SCHEDULES ?? 12);
  it(`three offices and the city, random edits and deliveries (${numRuns} schedules)`, async () => {
    await fc.assert(
      fc.asyncProperty(schedule, run),
      { numRuns, reporter: (details) => {
        if (!details.failed) return;
        const ops = details.counterexample?.[0] ?? [];
        throw new Error(`${fc.defaultReportMessage(details)}\nschedule:\n${ops.map((o, i) => `  ${i + 1}. ${describeOp(o)}`).join('\n')}`);
      } },
    );
  }, 120_000);
});
