import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3-multiple-ciphers';
import { setBuildingStatus } from '../../../../db/buildings/status/set';
import { openDatabase } from '../../../../db/client/open';
import { ServiceHost } from '../../../../db/host';
import { SLOTS, type WriterOutcome, type WriterTask } from './task';

const task = workerData as WriterTask;
const slots = new Int32Array(task.shared);

/** Waits until `slot` reaches `value`; fails the writer rather than hang. */
function waitFor(slot: number, value: number): void {
  for (let seen = Atomics.load(slots, slot); seen < value; seen = Atomics.load(slots, slot)) {
    if (Atomics.wait(slots, slot, seen, 30_000) === 'timed-out') throw new Error('the other writer never came');
  }
}

function arrive(slot: number): void {
  Atomics.add(slots, slot, 1);
  Atomics.notify(slots, slot);
}

/**
 * The first writer to write a history row keeps its transaction (and the write lock) open until
 * every other writer has sent its first change, and a moment longer: so the others are certainly
 * waiting on the lock, not merely starting at the same time. Only on this thread's connection
 * (a temporary trigger and function); the services run unchanged.
 */
function holdFirstTransaction(sqlite: Database.Database): void {
  sqlite.function('hold_first_writer', () => {
    if (Atomics.compareExchange(slots, SLOTS.held, 0, 1) === 0) {
      waitFor(SLOTS.calling, task.parties);
      Atomics.wait(slots, SLOTS.pause, 0, 200);
    }
    return null;
  });
  sqlite.exec(`CREATE TEMP TRIGGER hold_first_writer AFTER INSERT ON building_status_history BEGIN SELECT hold_first_writer(); END`);
}

let outcome: WriterOutcome;
let host: ServiceHost | undefined;
try {
  host = new ServiceHost(openDatabase({ file: task.file, key: Buffer.from(task.keyHex, 'hex') }));
  holdFirstTransaction(host.opened.sqlite);
  const ctx = host.context(task.actor);
  arrive(SLOTS.arrived);
  waitFor(SLOTS.arrived, task.parties);
  const batchIds: string[] = [];
  for (const [i, change] of task.changes.entries()) {
    if (i === 0) arrive(SLOTS.calling);
    batchIds.push(setBuildingStatus(ctx, { id: task.buildingId, ...change }).batchId);
  }
  outcome = { ok: true, batchIds };
} catch (err) {
  outcome = { ok: false, code: (err as { code?: string }).code, message: (err as Error).message };
} finally {
  host?.close();
}
parentPort!.postMessage(outcome);
