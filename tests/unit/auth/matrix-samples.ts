import type { ErrorCode, MethodInput, MethodName, Permission } from '../../../electron/api';
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { officeIdentity } from '../../../db/bundles/identity';
import { keyCardText } from '../../../db/bundles/key-card';
import { commitFile, openStoredFile, reserveFile } from '../../../db/files/store';
import { newOfficeKey } from '../../../db/office-key/key';
import { importerOf } from '../../../electron/rpc/domains/import-kinds';
import { PASSWORD, signIn, type Caller } from '../helpers/runtime';
import type { MatrixStreet, Where } from './matrix-street';
import { alignmentTile, writeMbtiles } from '../../shared/basemap-files';

type Build<M extends MethodName> = (f: MatrixStreet, caller: Caller, where: Where) => MethodInput<M> | Promise<MethodInput<M>>;

export interface Sample<M extends MethodName> {
  /** Valid input for the method, built on the test's own street, as the caller. */
  input: Build<M>;
  /** The input names a place (`where`): a grid worker is refused outside their grids. */
  scoped?: true;
  /** A permission this input needs besides the contract's: an import kind's own. */
  needs?: Permission;
  /** What a caller who may call the method gets when it cannot succeed on any street, and why. */
  answers?: { code: ErrorCode; because: string };
}

type Samples = { [M in MethodName]?: Sample<M> };

const sample = <M extends MethodName>(input: Build<M>, more: Omit<Sample<M>, 'input'> = {}): Sample<M> => ({ input, ...more });
const scoped = <M extends MethodName>(input: Build<M>): Sample<M> => ({ input, scoped: true });

/** A one-tile raster MBTiles basemap in the file store, uploaded by the caller. */
function basemapUpload(f: MatrixStreet, caller: Caller): string {
  const { id, path } = reserveFile(f.dataDir);
  writeMbtiles(path, [{ z: 14, x: 13669, y: 6329, data: alignmentTile(13669, 6329) }], [120.37, 36.06, 120.39, 36.08]);
  return commitFile(f.dataDir, id, { name: '底图.mbtiles', kind: 'upload', ownerId: caller.session.accountId! }).id;
}

/** A statuses import run, staged by the administrator: whoever may import statuses may work on it. */
async function stagedRun(f: MatrixStreet): Promise<string> {
  return (await f.admin.callJob('imports.stage', { kind: 'statuses', fileId: f.upload(f.admin) })).id;
}

/**
 * A status change of the caller's own at the place (only one's own latest change can be undone); a
 * grid worker's outside their grids was made while that grid was still theirs. A caller who may
 * change no status gets the administrator's.
 */
async function ownBatch(f: MatrixStreet, caller: Caller, where: Where): Promise<string> {
  const change = { id: f.at[where].building, status: 'sealed', reason: '出现确诊病例' };
  const worker = caller.session.actor?.role === 'grid_worker' && where === 'outside';
  const { accountId, username } = caller.session as { accountId: string; username: string };
  const gridIds = (grids: string[]) => f.admin.call('accounts.update', { id: accountId, gridIds: grids });
  if (worker) await gridIds([f.at.inside.grid, f.at.outside.grid]);
  // A change of grids ends the account's open sessions: the change is made in a new one.
  const maker = worker ? await signIn(f.t.runtime, username) : caller;
  const mine = await maker.reply('buildings.setStatus', change);
  if (worker) await gridIds([f.at.inside.grid]);
  return mine.ok ? mine.result.batchId : (await f.admin.call('buildings.setStatus', change)).batchId;
}

/** A new request of the administrator's at the place, taken to `state` (each call needs its own: a step is taken once). */
async function requestIn(f: MatrixStreet, where: Where, state: 'pending' | 'handling' | 'resolved'): Promise<string> {
  const { id } = await f.admin.call('requests.create', { buildingId: f.at[where].building, kind: 'facility', title: '楼道灯不亮', source: 'photo' });
  if (state !== 'pending') await f.admin.call('requests.accept', { id, handler: '物业老陈' });
  if (state === 'resolved') await f.admin.call('requests.resolve', { id, resolution: '已更换灯泡' });
  return id;
}

/** A checkpoint of the administrator's in the place's grid, with its three default shifts. */
function communityOf(f: MatrixStreet, where: Where): string {
  const sqlite = f.t.runtime.vault.requireOpen().opened.sqlite;
  return sqlite.prepare<unknown[], string>('SELECT community_id FROM grids WHERE id = ?').pluck().get(f.at[where].grid)!;
}

async function postIn(f: MatrixStreet, where: Where): Promise<{ postId: string; templateId: string }> {
  const post = await f.admin.call('staffing.savePost', { name: '路口卡口', kind: 'checkpoint', communityId: communityOf(f, where), gridId: f.at[where].grid, staffNeeded: 2 });
  return { postId: post.id, templateId: post.templates[0]!.id };
}

/** The person on duty at the place, put on today's first shift of a new post there by the administrator. */
async function onShift(f: MatrixStreet, where: Where): Promise<string> {
  const slot = await postIn(f, where);
  return (await f.admin.call('staffing.assign', { ...slot, date: STAFF_DAY, personId: f.at[where].person })).id;
}
const STAFF_DAY = '2026-12-01';

/** A person of the administrator's, on no duty yet: someone to appoint. */
function newPerson(f: MatrixStreet): string {
  const id = randomUUID();
  const sqlite = f.t.runtime.vault.requireOpen().opened.sqlite;
  sqlite.prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, source) VALUES (?, 'h', 'test', '新网格员', 'female', '13800000000', 'community_staff')`).run(id);
  return id;
}
/** A line across the test street's first grid (120.37–120.38°E, 36.06–36.07°N), west to east. */
const CROSSING_INSIDE: [number, number][] = [
  [120.36, 36.065],
  [120.39, 36.065],
];
/** A grid's outer ring or a building's footprint as stored, to draw it again. */
function outlineOf(f: MatrixStreet, table: 'grids' | 'buildings', id: string): [number, number][] {
  const sqlite = f.t.runtime.vault.requireOpen().opened.sqlite;
  if (table === 'grids') return (JSON.parse(sqlite.prepare('SELECT boundary FROM grids WHERE id = ?').pluck().get(id) as string) as [number, number][][])[0]!;
  return JSON.parse(sqlite.prepare('SELECT footprint FROM buildings WHERE id = ?').pluck().get(id) as string) as [number, number][];
}
/** A footprint in the first grid. */
const FOOTPRINT: [number, number][] = [
  [120.372, 36.062],
  [120.373, 36.062],
  [120.373, 36.063],
  [120.372, 36.063],
  [120.372, 36.062],
];
/** A line across the second grid (the triangle 120.39–120.40°E, 36.06–36.07°N), south to north. */
const CROSSING_OUTSIDE: [number, number][] = [
  [120.3975, 36.05],
  [120.3975, 36.08],
];

/** A method on a statuses import run: it needs the permission of that kind. */
const onRun = <M extends MethodName>(input: Build<M>): Sample<M> => ({ input, needs: importerOf('statuses').permission });

/** A key card of an office made up for the test: a partner to add. */
function partnerCard(): string {
  const id = officeIdentity(newOfficeKey());
  return keyCardText({ name: '测试伙伴', officeCode: `P${id.keyId.slice(0, 6)}`, keyId: id.keyId, minisignPublicKey: id.minisignPublicKey, ageRecipient: id.ageRecipient });
}

/** A bundle the administrator exported (this office can reopen its own), uploaded as the caller's file. */
async function ownBundle(f: MatrixStreet, caller: Caller): Promise<string> {
  const partner = await f.admin.call('bundles.addPartner', { card: partnerCard() });
  const made = await f.admin.callJob('bundles.export', { partnerIds: [partner.id], scope: 'all' });
  const { id, path } = reserveFile(f.dataDir);
  copyFileSync(openStoredFile(f.dataDir, made.fileId, { id: f.admin.session.accountId! }).path, path);
  return commitFile(f.dataDir, id, { name: made.name, kind: 'upload', ownerId: caller.session.accountId! }).id;
}

/**
 * One valid input per method of the contract, keyed by method name. A method missing here fails
 * the matrix: a new method cannot go untested.
 */
export const SAMPLES: Samples = {
  'system.info': sample(() => ({})),
  'map.layers': sample(() => ({})),
  'map.changesSince': sample(() => ({ revision: 0 })),
  'buildings.get': scoped((f, _c, w) => ({ id: f.at[w].building })),
  'buildings.list': scoped((f, _c, w) => ({ filter: { gridIds: [f.at[w].grid] } })),
  'buildings.export': scoped((f, _c, w) => ({ filter: { gridIds: [f.at[w].grid] } })),
  'requests.list': scoped((f, _c, w) => ({ filter: { gridId: f.at[w].grid } })),
  'requests.get': scoped((f, _c, w) => ({ id: f.at[w].request })),
  'requests.alerts': sample(() => ({})),
  'requests.create': scoped((f, _c, w) => ({ buildingId: f.at[w].building, householdId: f.at[w].household, kind: 'shopping', title: '代购蔬菜', source: 'wechat', requester: '住户' })),
  'requests.accept': scoped(async (f, _c, w) => ({ id: await requestIn(f, w, 'pending'), handler: '志愿者小刘' })),
  'requests.assign': scoped((f, _c, w) => ({ id: f.at[w].request, handler: '志愿者小刘' })),
  'requests.resolve': scoped(async (f, _c, w) => ({ id: await requestIn(f, w, 'handling'), resolution: '已送到家' })),
  'requests.revisit': scoped(async (f, _c, w) => ({ id: await requestIn(f, w, 'resolved'), satisfaction: 'satisfied' })),
  'requests.export': scoped((f, _c, w) => ({ filter: { gridId: f.at[w].grid } })),
  'buildings.households': scoped((f, _c, w) => ({ id: f.at[w].building })),
  'screening.rounds': sample(() => ({})),
  'screening.start': scoped((f, _c, w) => ({ scope: { type: 'grids', ids: [f.at[w].grid] } })),
  'screening.close': sample(async (f) => ({ roundId: await f.round() })),
  'screening.progress': sample(async (f) => ({ roundId: await f.round() })),
  'screening.households': scoped(async (f, _c, w) => ({ roundId: await f.round(), gridId: f.at[w].grid })),
  'screening.visit': scoped(async (f, _c, w) => ({ roundId: await f.round(), householdId: f.at[w].household, result: 'visited' })),
  'statuses.list': sample(() => ({})),
  'statuses.save': sample(() => ({ key: 'watch', label: '观察', labelEn: 'Watch', color: '#1677ff', rank: 5 })),
  'buildings.setStatus': scoped((f, _c, w) => ({ id: f.at[w].building, status: 'precaution', reason: '周边出现病例' })),
  'buildings.bulkSetStatus': scoped((f, _c, w) => ({ selection: { kind: 'grid', id: f.at[w].grid }, status: 'precaution', reason: '周边出现病例' })),
  'buildings.lastBatch': sample(() => ({})),
  'buildings.undoBatch': scoped(async (f, caller, w) => ({ batchId: await ownBatch(f, caller, w) })),
  'buildings.reminders': sample(() => ({})),
  'buildings.statusAt': scoped((f, _c, w) => ({ id: f.at[w].building, at: Date.now() - 60_000 })),
  'screening.preview': scoped((f, _c, w) => ({ scope: { type: 'grids', ids: [f.at[w].grid] } })),
  'search.all': sample(() => ({ text: '1号楼' })),
  'overview.get': sample(() => ({ since: 'lastSignIn' })),
  'report.daily': sample(() => ({})),
  'report.exportPdf': sample(() => ({})),
  'briefing.get': sample(() => ({})),
  'briefing.settings': sample(() => ({})),
  'briefing.saveSettings': sample(() => ({ panels: ['charts', 'map'], rotate: true, intervalSeconds: 10, staleAfterSeconds: 60 })),
  'backups.health': sample(() => ({})),
  'auth.lock': sample(() => ({})),
  'buildings.history': scoped((f, _c, w) => ({ id: f.at[w].building })),
  'map.statusAsOf': sample(() => ({ at: Date.now() })),
  'compounds.safeList': sample(() => ({})),
  'compounds.designateSafe': scoped((f, _c, w) => ({ compoundId: f.at[w].compound, grantedAt: Date.now() - 60_000, criteria: ['无疫情发生'] })),
  'compounds.revokeSafe': scoped(async (f, _c, w) => ({
    id: (await f.admin.call('compounds.designateSafe', { compoundId: f.at[w].compound, grantedAt: Date.now() - 60_000, criteria: ['无疫情发生'] })).id,
    reason: '出现新的病例',
  })),
  'auth.status': sample(() => ({})),
  'auth.setup': sample(() => ({ username: 'second', displayName: '第二个管理员', password: 'new-pass-2026' }), {
    answers: { code: 'CONFLICT', because: 'the street office is set up once, before any account exists' },
  }),
  'auth.login': sample((_f, caller) => ({ username: caller.session.username!, password: PASSWORD })),
  'auth.unlock': sample(() => ({ password: PASSWORD })),
  'auth.logout': sample(() => ({})),
  'auth.changePassword': sample(() => ({ oldPassword: PASSWORD, newPassword: 'changed-pass-2026' })),
  'auth.recover': sample((f) => ({ recoveryCode: f.t.recoveryCode, username: 'admin', newPassword: 'recovered-2026' })),
  'accounts.list': sample(() => ({})),
  'accounts.create': scoped((f, _c, w) => ({ username: 'xinyonghu', displayName: '新用户', role: 'grid_worker', gridIds: [f.at[w].grid], password: 'new-pass-2026' })),
  'accounts.update': scoped((f, _c, w) => ({ id: f.accountId('grid_worker'), gridIds: [f.at[w].grid] })),
  'accounts.resetPassword': sample((f) => ({ id: f.accountId('leader'), newPassword: 'reset-pass-2026' })),
  'audit.query': sample(() => ({ limit: 10 })),
  'audit.actions': sample(() => ({})),
  'audit.verify': sample(() => ({})),
  'people.reveal': scoped((f, _c, w) => ({ personId: f.at[w].person, field: 'phone', reason: '核实联系方式' })),
  'backups.list': sample(() => ({})),
  'backups.create': sample(() => ({})),
  'backups.restore': sample(async (f) => ({ name: (await f.admin.callJob('backups.create', {})).name })),
  'imports.stage': onRun((f, caller) => ({ kind: 'statuses', fileId: f.upload(caller) })),
  'imports.get': onRun(async (f) => ({ id: await stagedRun(f) })),
  'imports.setMapping': onRun(async (f) => ({ id: await stagedRun(f), mapping: { key: 0, label: 1, labelEn: 2, color: 3, rank: 4 } })),
  'imports.preview': onRun(async (f) => ({ id: await stagedRun(f) })),
  'imports.apply': onRun(async (f) => ({ id: await stagedRun(f) })),
  'imports.report': onRun(async (f) => ({ id: await stagedRun(f) })),
  'imports.list': sample(() => ({})),
  'imports.discard': onRun(async (f) => ({ id: await stagedRun(f) })),
  'bundles.identity': sample(() => ({})),
  'bundles.partners': sample(() => ({})),
  'bundles.addPartner': sample(() => ({ card: partnerCard() })),
  'bundles.revokePartner': sample(async (f) => ({ id: (await f.admin.call('bundles.addPartner', { card: partnerCard() })).id })),
  'bundles.export': scoped(async (f, _c, w) => ({ partnerIds: [(await f.admin.call('bundles.addPartner', { card: partnerCard() })).id], scope: 'all', gridIds: [f.at[w].grid] })),
  'bundles.preview': sample(async (f, caller) => ({ fileId: await ownBundle(f, caller) })),
  'bundles.import': sample(async (f, caller) => ({ fileId: await ownBundle(f, caller) })),
  'bundles.history': sample(() => ({})),
  'bundles.conflicts': sample(() => ({})),
  'bundles.resolve': sample(() => ({ id: '01900000-0000-7000-8000-000000000000', choice: 'mine' }), {
    answers: { code: 'NOT_FOUND', because: 'no conflict waits on a street that never received a bundle' },
  }),
  'jobs.list': sample(() => ({})),
  'jobs.get': sample(async (_f, caller) => ({ id: (await caller.call('buildings.export', {})).id })),
  'jobs.cancel': sample(async (_f, caller) => ({ id: (await caller.call('buildings.export', {})).id })),
  'briefing.exportPdf': sample(() => ({})),
  'wall.createCode': sample(() => ({ name: '三楼会议室' })),
  'wall.list': sample(() => ({})),
  'wall.revoke': sample(async (f) => ({ id: await pairedWall(f) })),
  'staffing.board': sample(() => ({ from: STAFF_DAY, days: 7 })),
  'staffing.gaps': sample(() => ({ hours: 24 })),
  'staffing.people': sample(() => ({})),
  'staffing.posts': sample(() => ({})),
  'staffing.check': sample(async (f) => ({ ...(await postIn(f, 'inside')), date: STAFF_DAY, personId: f.at.inside.person })),
  'staffing.assign': sample(async (f) => ({ ...(await postIn(f, 'inside')), date: STAFF_DAY, personId: f.at.inside.person })),
  'staffing.bulkAssign': sample(async (f) => ({ ...(await postIn(f, 'inside')), personId: f.at.inside.person, from: STAFF_DAY, to: '2026-12-03' })),
  'staffing.unassign': sample(async (f) => ({ id: await onShift(f, 'inside') })),
  'staffing.attend': scoped(async (f, _c, w) => ({ id: await onShift(f, w), action: 'signIn' })),
  'staffing.savePost': scoped((f, _c, w) => ({ name: '东门卡口', kind: 'checkpoint', communityId: communityOf(f, w), gridId: f.at[w].grid, staffNeeded: 3 })),
  'staffing.deletePost': sample(async (f) => ({ id: (await postIn(f, 'inside')).postId })),
  'staffing.saveTemplate': sample(async (f) => ({ postId: (await postIn(f, 'inside')).postId, name: '加班', startMinute: 600, minutes: 240 })),
  'staffing.deleteTemplate': sample(async (f) => ({ id: (await postIn(f, 'inside')).templateId })),
  'staffing.autoFill': sample(() => ({ from: STAFF_DAY })),
  'staffing.acceptFill': sample(async (f) => ({ items: [{ ...(await postIn(f, 'inside')), date: STAFF_DAY, personId: f.at.inside.person }] })),
  'staffing.exportWeek': sample(() => ({ from: STAFF_DAY })),
  'staffing.exportPdf': sample(() => ({ from: STAFF_DAY, days: 1 })),
  'staffing.writeHandover': scoped(async (f, _c, w) => ({ ...(await postIn(f, w)), date: STAFF_DAY, happened: '夜里平稳', watch: '早上车多' })),
  'staffing.coverage': scoped((f, _c, w) => ({ gridId: f.at[w].grid })),
  'staffing.postsNow': sample(() => ({})),
  'staffing.appointDuty': sample((f) => ({ role: 'grid_worker', scopeId: f.at.inside.grid, personId: newPerson(f) })),
  'staffing.postLog': scoped(async (f, _c, w) => ({ postId: (await postIn(f, w)).postId })),
  'territory.office': sample(() => ({})),
  'territory.seedDemo': sample(() => ({}), { answers: { code: 'CONFLICT', because: 'the demo street is made only where no street office exists yet' } }),
  'territory.preview': sample((f, caller) => ({ fileId: f.upload(caller), layer: 'communities' })),
  'territory.apply': sample((f, caller) => ({ fileId: f.upload(caller), layer: 'communities' })),
  'territory.export': sample(() => ({ format: 'geojson' })),
  'territory.splitGrid': scoped((f, _c, w) => ({ gridId: f.at[w].grid, line: w === 'inside' ? CROSSING_INSIDE : CROSSING_OUTSIDE })),
  'territory.moveBuilding': scoped((f, _c, w) => ({ buildingId: f.at[w].building, gridId: f.at[w === 'inside' ? 'outside' : 'inside'].grid })),
  'territory.mergeGrids': sample(async (f) => ({ keepId: f.at.inside.grid, mergeId: (await f.admin.call('territory.splitGrid', { gridId: f.at.inside.grid, line: CROSSING_INSIDE })).newGridId })),
  'territory.reshapeGrid': scoped((f, _c, w) => ({ gridId: f.at[w].grid, ring: outlineOf(f, 'grids', f.at[w].grid) })),
  'territory.addBuilding': sample(() => ({ ring: FOOTPRINT, name: '新楼', address: `新楼${Math.random()}`, floors: 6 })),
  'territory.reshapeBuilding': scoped((f, _c, w) => ({ buildingId: f.at[w].building, ring: outlineOf(f, 'buildings', f.at[w].building) })),
  'territory.deleteBuilding': scoped(async (f, _c, w) => ({
    buildingId: (await f.admin.call('territory.addBuilding', { ring: outlineOf(f, 'buildings', f.at[w].building), name: '新楼', address: `新楼${Math.random()}`, floors: 6 })).buildingId,
  })),
  'territory.editHistory': sample(() => ({})),
  'territory.undoEdit': sample(async (f) => {
    await f.admin.call('territory.addBuilding', { ring: FOOTPRINT, name: '新楼', address: `新楼${Math.random()}`, floors: 6 });
    return {};
  }),
  'volunteerTeams.list': sample(() => ({})),
  'volunteerTeams.places': sample(() => ({})),
  'volunteerTeams.candidates': sample((f) => ({ communityId: communityOf(f, 'inside') })),
  'volunteerTeams.save': scoped((f, _c, w) => ({ name: '东门巡逻队', kind: '片区巡逻', level: 'compound', communityId: communityOf(f, w), compoundId: f.at[w].compound })),
  'volunteerTeams.delete': sample(async (f) => ({ id: await teamIn(f, 'inside') })),
  'volunteerTeams.propose': sample((f) => ({ personIds: [f.at.inside.person, f.at.outside.person], teams: 2 })),
  'volunteerTeams.confirm': scoped((f, _c, w) => ({ communityId: communityOf(f, w), compoundId: f.at[w].compound, kind: '信息排查', teams: [{ name: '排查一队', personIds: [f.at[w].person] }] })),
  'volunteerTeams.moveMember': sample(async (f) => {
    const [a, b] = await f.admin.call('volunteerTeams.confirm', { communityId: communityOf(f, 'inside'), kind: '站岗执勤', teams: [{ name: '甲队', personIds: [f.at.inside.person] }, { name: '乙队', personIds: [] }] });
    return { memberId: a!.members[0]!.memberId, toTeamId: b!.id };
  }),
  'serviceHours.totals': sample(() => ({ month: HOURS_DAY.slice(0, 7) })),
  'serviceHours.months': sample(() => ({ month: HOURS_DAY.slice(0, 7) })),
  'serviceHours.person': sample((f) => ({ personId: f.at.inside.person, from: '2026-11-01', to: '2026-11-30' })),
  'serviceHours.add': sample((f) => ({ personId: f.at.inside.person, activity: '核酸检测秩序维护', date: HOURS_DAY, hours: 3, confirmedBy: '王主任' })),
  'serviceHours.remove': sample(async (f) => ({ id: await hoursOf(f) })),
  'serviceHours.setThreshold': sample(() => ({ hours: 10 })),
  'serviceHours.export': sample(() => ({ month: HOURS_DAY.slice(0, 7) })),
  'serviceHours.certificate': sample(async (f) => {
    await hoursOf(f);
    return { personId: f.at.inside.person, from: '2026-11-01', to: '2026-11-30' };
  }),
  'recognition.month': sample(() => ({ month: HOURS_DAY.slice(0, 7) })),
  'recognition.nominate': sample((f) => ({ month: HOURS_DAY.slice(0, 7), title: 'volunteer', personId: f.at.inside.person, reason: '连续三周坚守卡口' })),
  'recognition.vote': sample(async (f) => ({ nominationId: await nominationOf(f) })),
  'recognition.close': sample(async (f) => {
    await nominationOf(f);
    return { month: HOURS_DAY.slice(0, 7) };
  }),
  'volunteers.roster': sample(async (f) => (await volunteerOf(f), {})),
  'volunteers.get': sample(async (f) => ({ id: await volunteerOf(f) })),
  'volunteers.options': sample(() => ({})),
  'volunteers.save': sample((f) => ({ name: '测试志愿者', gender: 'male', phone: '13800001111', kind: 'public', communityId: communityOf(f, 'inside') })),
  'volunteers.setStatus': sample(async (f) => ({ id: await volunteerOf(f), status: 'paused', reason: '外出两周' })),
  'volunteers.acknowledgeBriefing': sample(async (f) => ({ id: await volunteerOf(f) })),
  'volunteers.saveSpecialty': sample(() => ({ name: '园艺' })),
  'volunteers.deleteSpecialty': sample(async (f) => ({ id: (await f.admin.call('volunteers.saveSpecialty', { name: '园艺' })).id })),
  'volunteers.export': sample(async (f) => (await volunteerOf(f), {})),
  'volunteers.template': sample(() => ({})),
  'volunteers.duplicates': sample(async (f) => (await duplicateOf(f), {})),
  'volunteers.mergeDuplicate': sample(async (f) => {
    const { survivorId, otherId } = await duplicateOf(f);
    return { survivorId, otherId, fromOther: ['phone'] };
  }),
  'basemap.info': sample(() => ({})),
  'basemap.import': sample((f, caller) => ({ fileId: basemapUpload(f, caller) })),
  'basemap.remove': sample(() => ({})),
  'basemap.setTianditu': sample(() => ({ key: null })),
  'territory.reshapeCommunity': scoped((f, _c, w) => {
    const id = communityOf(f, w);
    const boundary = f.t.runtime.vault.requireOpen().opened.sqlite.prepare('SELECT boundary FROM communities WHERE id = ?').pluck().get(id) as string;
    return { communityId: id, ring: (JSON.parse(boundary) as [number, number][][])[0]! };
  }),
};

/** A volunteer and a second record of the same person (same ID number) on the duty roster. */
async function duplicateOf(f: MatrixStreet): Promise<{ survivorId: string; otherId: string }> {
  const sqlite = f.t.runtime.vault.requireOpen().opened.sqlite;
  const profile = await volunteerOf(f);
  const survivorId = sqlite.prepare<unknown[], string>('SELECT person_id FROM volunteer_profiles WHERE id = ?').pluck().get(profile)!;
  sqlite.prepare(`UPDATE people SET id_number = '11010519491231002X' WHERE id = ?`).run(survivorId);
  const otherId = randomUUID();
  sqlite
    .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, source, skills) VALUES (?, '0', 'test', '重复记录', 'female', '13900009999', '11010519491231002X', 'grid_worker', '[]')`)
    .run(otherId);
  return { survivorId, otherId };
}

const HOURS_DAY = '2026-11-20';

/** A compound team of the administrator's at the place. */
async function teamIn(f: MatrixStreet, where: Where): Promise<string> {
  return (await f.admin.call('volunteerTeams.save', { name: '应急突击队', kind: '突击队', level: 'compound', communityId: communityOf(f, where), compoundId: f.at[where].compound })).id;
}

/** A manual hours entry of the administrator's for the person on duty inside. */
async function hoursOf(f: MatrixStreet): Promise<string> {
  return (await f.admin.call('serviceHours.add', { personId: f.at.inside.person, activity: '入户排查', date: HOURS_DAY, hours: 4, confirmedBy: '社区书记' })).id;
}

/** The administrator's nomination of the person on duty inside for the month. */
async function nominationOf(f: MatrixStreet): Promise<string> {
  return (await f.admin.call('recognition.nominate', { month: HOURS_DAY.slice(0, 7), title: 'building_head', personId: f.at.inside.person, reason: '楼栋防疫组织有力' })).id;
}

/** The person on duty inside, registered by the administrator as a volunteer of that community (merged by name and phone: the ID number stays on file). */
async function volunteerOf(f: MatrixStreet): Promise<string> {
  const sqlite = f.t.runtime.vault.requireOpen().opened.sqlite;
  const p = sqlite.prepare<unknown[], { name: string; phone: string }>('SELECT name, phone FROM people WHERE id = ?').get(f.at.inside.person)!;
  const { id } = await f.admin.call('volunteers.save', { name: p.name, gender: 'female', phone: p.phone, kind: 'party', communityId: communityOf(f, 'inside'), skills: ['医护'] });
  return id;
}

/** A wall display paired with the administrator's code. */
async function pairedWall(f: MatrixStreet): Promise<string> {
  const { code } = await f.admin.call('wall.createCode', { name: '指挥大厅' });
  return f.t.runtime.wall.pair(f.t.runtime.vault.requireOpen().opened.sqlite, code, '10.0.0.9').display.id;
}
