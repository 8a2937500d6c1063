import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { can } from '../../../db/auth/permissions';
import { SYSTEM_ACTOR, type Actor, type Role } from '../../../db/auth/roles';
import { seesPeople } from '../../../db/personal-data';
import { contract, type MethodName } from '../../../electron/api';
import { ROLE_USERS, signIn, type Caller } from '../helpers/runtime';
import { SAMPLES, type Sample } from './matrix-samples';
import { openMatrixStreet, type MatrixStreet, type Where } from './matrix-street';

const ROLES = Object.keys(ROLE_USERS) as Role[];
const METHODS = Object.keys(contract) as MethodName[];

let f: MatrixStreet;

beforeEach(async () => {
  f = await openMatrixStreet();
});
afterEach(async () => {
  // Jobs a call started end before their data directory goes.
  const { jobs } = f.t.runtime;
  await Promise.all(jobs.list(SYSTEM_ACTOR).map((j) => jobs.wait(j.id)));
  f.t.runtime.close();
});

const roleActor = (role: Role): Actor => ({ id: role, name: role, role, seesPersonalData: false });

/** What the contract says a role gets: refused without the declared permission, and a grid worker outside their grids. */
function expected(method: MethodName, role: Role, where: Where): string {
  const { permission } = contract[method];
  const needs = SAMPLES[method]?.needs;
  const allowed = (permission === 'public' || permission === 'signedIn' || can(roleActor(role), permission)) && (!needs || can(roleActor(role), needs));
  if (!allowed || (role === 'grid_worker' && where === 'outside')) return 'FORBIDDEN';
  return SAMPLES[method]?.answers?.code ?? 'ok';
}

/** Every method for every role; the grid worker once inside and once outside their grids where the input names a place. */
const cells = METHODS.flatMap((method) =>
  ROLES.flatMap((role) =>
    (role === 'grid_worker' && SAMPLES[method]?.scoped ? (['inside', 'outside'] as const) : (['inside'] as const)).map(
      (where) => [method, role, where, expected(method, role, where)] as const,
    ),
  ),
);

/** The names of every field an input schema has, nested ones included. */
function fieldNames(schema: z.ZodType): string[] {
  const def = schema.def as { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; options?: z.ZodType[]; element?: z.ZodType };
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (def.type === 'object' && shape) return Object.entries(shape).flatMap(([key, inner]) => [key, ...fieldNames(inner)]);
  if (def.innerType) return fieldNames(def.innerType);
  if (def.options) return def.options.flatMap(fieldNames);
  if (def.element) return fieldNames(def.element);
  return [];
}

describe('role × method matrix, generated from the contract', () => {
  it('has a sample input for every method of the contract', () => {
    expect(METHODS.filter((m) => !SAMPLES[m])).toEqual([]);
    expect(Object.keys(SAMPLES).filter((m) => !(m in contract))).toEqual([]);
  });

  it('tries inside and outside the grid worker’s grids for every method whose input names a building, compound, grid or household', () => {
    const placed = METHODS.filter((m) => fieldNames(contract[m].input).some((name) => /^(building|compound|grid|household)Ids?$|^selection$/.test(name)));
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.filter((m) => !SAMPLES[m]?.scoped)).toEqual([]);
  });

  it.each(cells)('%s as %s (%s) → %s', async (method, role, where, outcome) => {
    const spec = SAMPLES[method] as Sample<typeof method> | undefined;
    expect(spec, `no sample input for ${method}`).toBeDefined();
    // The input is built in a session of its own: building it may change the account (a grid
    // worker's grids), which ends that account's other sessions.
    const input = await spec!.input(f, await signIn(f.t.runtime, ROLE_USERS[role]), where);
    const caller: Caller = await signIn(f.t.runtime, ROLE_USERS[role]);
    const reply = await caller.sendUntyped(method, input);
    if (outcome === 'ok') expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    else expect(reply, JSON.stringify(reply)).toMatchObject({ ok: false, error: { code: outcome, message: expect.stringMatching(/^\P{ASCII}.{4,}/u) } });
    // Nobody reads a full phone or ID number except through the audited reveal; names only with the personal-data permission.
    const text = JSON.stringify(reply);
    const hidden = [...(method === 'people.reveal' ? [] : f.secrets.numbers), ...(seesPeople(roleActor(role)) ? [] : f.secrets.names)];
    for (const secret of hidden) expect(text, `${method} shows ${secret} to ${role}`).not.toContain(secret);
  });
});

describe('what the matrix does not show', () => {
  it('gives a grid worker the map of their own grid only', async () => {
    const worker = await signIn(f.t.runtime, ROLE_USERS.grid_worker);
    const layers = await worker.call('map.layers');
    expect(new Set(layers.buildings.ids)).toEqual(new Set(f.t.territory.buildings));
  });

  it('audits a reveal with who, whom, which field and why, but not the value', async () => {
    const staff = await signIn(f.t.runtime, ROLE_USERS.staff);
    const person = f.at.inside.person;
    expect(await staff.call('people.reveal', { personId: person, field: 'idNumber', reason: '上报区里核验' })).toMatchObject({ value: '370202197905056619' });
    const log = await f.admin.call('audit.query', { action: 'person.reveal', limit: 1 });
    const entry = log.entries[0]!;
    expect(entry).toMatchObject({ actorName: 'zhiban 用户', target: person, detail: { field: 'idNumber', reason: '上报区里核验' } });
    expect(JSON.stringify(entry)).not.toContain('370202197905056619');
  });

  it('refuses every data call before sign-in and after sign-out', async () => {
    const user = await signIn(f.t.runtime, 'lingdao');
    expect(await user.reply('map.layers')).toMatchObject({ ok: true });
    expect(await user.call('auth.logout')).toMatchObject({ state: 'signed-out' });
    expect(await user.reply('map.layers')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('takes effect at once when an administrator disables an account', async () => {
    const leader = await signIn(f.t.runtime, 'lingdao');
    expect(await leader.reply('system.info')).toMatchObject({ ok: true });
    expect(await f.admin.reply('accounts.update', { id: f.accountId('leader'), disabled: true })).toMatchObject({ ok: true });
    expect(await leader.reply('system.info')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
