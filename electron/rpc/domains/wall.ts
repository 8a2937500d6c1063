import { listDisplays, revokeDisplay } from '../../../db/briefing/wall/displays';
import { SESSION_ENDED } from '../../host/audience';
import { wallStreamId } from '../../host/wall';
import type { wallMethods } from '../../api/wall';
import type { HandlerMap } from '../handler-types';

export const wallHandlers: HandlerMap<keyof typeof wallMethods> = {
  'wall.createCode': (ctx, input, env) => env.runtime.wall.createCode(ctx, input.name),
  'wall.list': (ctx) => listDisplays(ctx),
  'wall.revoke': (ctx, input, env) => {
    const revoked = revokeDisplay(ctx, input.id, env.runtime.now());
    // Its live stream is cut now, not at its next request.
    env.runtime.emit(SESSION_ENDED, { sessionId: wallStreamId(revoked.id) });
    return revoked;
  },
};
