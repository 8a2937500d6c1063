import { describe, expect, it } from 'vitest';
import { OwnChanges } from '../../../renderer/features/statuses/own-changes';

/** The verdicts given so far, by batch id. */
function verdicts(own: OwnChanges) {
  const got = new Map<string, boolean>();
  return { got, push: (batchId: string) => own.classify(batchId, (mine) => got.set(batchId, mine)) };
}

describe('telling this window’s own changes from other windows’', () => {
  it('knows its change by the batch id of the answer, and another window’s change right after it as not its own', () => {
    const own = new OwnChanges();
    const v = verdicts(own);
    own.begin()('mine-1');
    v.push('mine-1');
    // Another window's change a moment later is announced, not taken for this window's own.
    v.push('theirs-1');
    expect(v.got).toEqual(new Map([['mine-1', true], ['theirs-1', false]]));
  });

  it('waits for the answer when the echo comes first', () => {
    const own = new OwnChanges();
    const v = verdicts(own);
    const end = own.begin();
    v.push('mine-2');
    expect(v.got.size).toBe(0);
    end('mine-2');
    expect(v.got.get('mine-2')).toBe(true);
  });

  it('decides a change of another window pushed while its own call is in flight once that call answers', () => {
    const own = new OwnChanges();
    const v = verdicts(own);
    const first = own.begin();
    const second = own.begin();
    v.push('theirs-2');
    first('mine-3');
    expect(v.got.size).toBe(0);
    second();
    expect(v.got).toEqual(new Map([['theirs-2', false]]));
    v.push('mine-3');
    expect(v.got.get('mine-3')).toBe(true);
  });
});
