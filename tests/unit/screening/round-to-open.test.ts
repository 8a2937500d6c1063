import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundToOpen } from '../../../renderer/features/screening/round-to-open';
import { ROLE_USERS, signIn } from '../helpers/runtime';
import { makeScreeningFixture, type ScreeningFixture } from './fixture';

let f: ScreeningFixture;
beforeEach(() => {
  f = makeScreeningFixture();
});
afterEach(() => f.runtime.close());

describe('the round the 入户摸排 page opens on', () => {
  it('is, for a grid worker, the round they are working, even after a newer one starts over their grids', async () => {
    const staff = await signIn(f.runtime, ROLE_USERS.staff);
    const worker = await signIn(f.runtime, ROLE_USERS.grid_worker);
    const theirs = await staff.callJob('screening.start', { name: '第1网格复查', scope: { type: 'grids', ids: [f.territory.grid] } });
    const elsewhere = await staff.callJob('screening.start', { name: '观海社区复查', scope: { type: 'communities', ids: [f.community2] } });
    // Nothing visited yet: the newest open round covering their grids (not the one elsewhere).
    expect(roundToOpen(await worker.call('screening.rounds'), null)?.id).toBe(theirs.id);
    const household = f.households.get(f.territory.buildings[0]!)![0]!;
    await worker.call('screening.visit', { roundId: theirs.id, householdId: household, result: 'visited' });
    const street = await staff.callJob('screening.start', { scope: { type: 'street' } });
    const seen = await worker.call('screening.rounds');
    expect(seen.map((r) => r.id)).toEqual([street.id, theirs.id]);
    expect(roundToOpen(seen, null)?.id).toBe(theirs.id);
    // Named in the address, a round opens as asked; an ended round is not worked any more.
    expect(roundToOpen(seen, street.id)?.id).toBe(street.id);
    await staff.call('screening.close', { roundId: theirs.id });
    expect(roundToOpen(await worker.call('screening.rounds'), null)?.id).toBe(street.id);
    expect(roundToOpen(await staff.call('screening.rounds'), null)?.id).toBe(street.id);
    void elsewhere;
  });
});
