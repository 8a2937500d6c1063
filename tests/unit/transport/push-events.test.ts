import { describe, expect, expectTypeOf, it } from 'vitest';
import { pushEventNames, type PushEventName, type PushEvents } from '../../../electron/api';
import type { ServiceEvents } from '../../../db/context';

describe('push events', () => {
  it('are the contract’s, name by name and payload by payload, as the services send them', () => {
    // The services send every contract event but the two a window's own event stream makes up.
    expectTypeOf<keyof ServiceEvents>().toEqualTypeOf<Exclude<PushEventName, 'events.resumed' | 'events.dropped'>>();
    expectTypeOf<ServiceEvents['map.changed']>().toEqualTypeOf<PushEvents['map.changed']>();
    expectTypeOf<ServiceEvents['data.changed']>().toEqualTypeOf<PushEvents['data.changed']>();
    expectTypeOf<ServiceEvents['jobs.changed']>().toEqualTypeOf<PushEvents['jobs.changed']>();
    expectTypeOf<ServiceEvents['database.health']>().toEqualTypeOf<PushEvents['database.health']>();
    expect([...pushEventNames].sort()).toEqual(['data.changed', 'database.health', 'events.dropped', 'events.resumed', 'jobs.changed', 'map.changed']);
  });
});
