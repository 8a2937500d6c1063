import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { designateSafeCompound } from '../../../db/compounds/safe-designate';
import { listSafeCompounds } from '../../../db/compounds/safe-list';
import { revokeSafeCompound } from '../../../db/compounds/safe-revoke';
import { DAY, expectRefused, GHOST, LEADER, NOW, openStreet, type Street } from './fixture';

let s: Street;
beforeEach(() => {
  s = openStreet();
});
afterEach(() => s.close());

const criteria = ['无疫情发生', '自治组织健全', '防控措施落实'];

describe('放心楼院', () => {
  it('designates a compound, lists it with its flag at the buildings’ centre and its grid, then revokes it keeping the row', () => {
    const granted = designateSafeCompound(s.ctx(), { compoundId: s.other.compound, grantedAt: NOW - DAY, criteria: [...criteria, ' 无疫情发生 '], note: '连续30天无病例' }, NOW);
    expect(granted).toMatchObject({ compoundId: s.other.compound, compoundName: '鱼山小区', gridName: '第1网格', grantedAt: NOW - DAY, criteria, note: '连续30天无病例', grantedBy: '值班员小李' });
    expect(granted.flagAt[0]).toBeCloseTo(36.062, 6);
    expect(granted.flagAt[1]).toBeCloseTo(120.392, 6);
    expect(s.events).toEqual([{ event: 'data.changed', payload: { domains: ['compounds'] } }]);
    expect(listSafeCompounds(s.ctx(LEADER))).toEqual([granted]);
    expect(listSafeCompounds(s.ctx(s.worker))).toEqual([]);
    expect(s.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'compounds.safe.designate'").pluck().get()).toBe(1);

    expect(revokeSafeCompound(s.ctx(), { id: granted.id, reason: '楼院内出现病例' }, NOW)).toEqual({ id: granted.id });
    expect(listSafeCompounds(s.ctx(LEADER))).toEqual([]);
    expect(s.sqlite.prepare('SELECT revoked_at, revoked_by, revoke_reason, deleted FROM safe_compounds WHERE id = ?').get(granted.id)).toEqual({
      revoked_at: NOW, revoked_by: '值班员小李', revoke_reason: '楼院内出现病例', deleted: 0,
    });
    expectRefused(s, () => revokeSafeCompound(s.ctx(), { id: granted.id, reason: '再次撤销' }, NOW), 'CONFLICT', 'id', ['已由']);
    // Once revoked it may be granted again.
    expect(designateSafeCompound(s.ctx(), { compoundId: s.other.compound, grantedAt: NOW, criteria }, NOW).id).not.toBe(granted.id);
  });

  it('refuses an unknown compound, a second designation, a future grant and grid workers outside their grid', () => {
    const theirs = designateSafeCompound(s.ctx(), { compoundId: s.other.compound, grantedAt: NOW - DAY, criteria }, NOW);
    expectRefused(s, () => designateSafeCompound(s.ctx(), { compoundId: GHOST, grantedAt: NOW, criteria }, NOW), 'NOT_FOUND', 'compoundId', [GHOST]);
    expectRefused(s, () => designateSafeCompound(s.ctx(), { compoundId: s.other.compound, grantedAt: NOW, criteria }, NOW), 'CONFLICT', 'compoundId', ['鱼山小区']);
    expectRefused(s, () => designateSafeCompound(s.ctx(), { compoundId: s.t.compound, grantedAt: NOW + DAY, criteria }, NOW), 'INVALID_INPUT', 'grantedAt');
    expectRefused(s, () => designateSafeCompound(s.ctx(), { compoundId: s.t.compound, grantedAt: NOW, criteria: ['  '] }, NOW), 'INVALID_INPUT', 'criteria');
    expectRefused(s, () => designateSafeCompound(s.ctx(s.worker), { compoundId: s.other.emptyCompound, grantedAt: NOW, criteria }, NOW), 'FORBIDDEN');
    expectRefused(s, () => designateSafeCompound(s.ctx(LEADER), { compoundId: s.t.compound, grantedAt: NOW, criteria }, NOW), 'FORBIDDEN');
    expectRefused(s, () => revokeSafeCompound(s.ctx(), { id: GHOST, reason: '测试原因' }, NOW), 'NOT_FOUND', 'id');
    const mine = designateSafeCompound(s.ctx(s.worker), { compoundId: s.t.compound, grantedAt: NOW, criteria }, NOW);
    expect(listSafeCompounds(s.ctx(s.worker)).map((c) => c.id)).toEqual([mine.id]);
    expectRefused(s, () => revokeSafeCompound(s.ctx(s.worker), { id: theirs.id, reason: '测试原因' }, NOW), 'FORBIDDEN');
  });

  it('puts the flag of a compound without buildings at its grid’s label', () => {
    const empty = designateSafeCompound(s.ctx(), { compoundId: s.other.emptyCompound, grantedAt: NOW, criteria }, NOW);
    expect(empty.flagAt).toEqual([36.06, 120.39]);
  });
});
