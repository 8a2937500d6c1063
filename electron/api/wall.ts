import { z } from 'zod';
import { mutation, query } from './define';
import { idSchema } from './common';

/** A wall PC paired to show the 大屏 in browser mode (`npm run serve -- --wall ADDR:PORT`). */
export interface WallDisplay {
  id: string;
  name: string;
  pairedAt: number;
  pairedBy: string;
  /** The wall PC's address when it paired. */
  pairedFrom: string;
  revokedAt: number | null;
  revokedBy: string | null;
}

/** A pairing code, shown once to whoever made it; it works once, until `expiresAt`. */
export interface WallPairingCode {
  code: string;
  name: string;
  expiresAt: number;
}

/** How long a pairing code works, and how many may wait unused at once. */
export const WALL_CODE_MINUTES = 5;
export const WALL_CODE_MAX_OPEN = 10;

/**
 * The only methods a paired wall display may call, acting with the leader role's rights: the
 * briefing's reads and what its map panel draws with. None of them returns personal data; every
 * other method of the contract is refused (`wall.methodRefused`).
 */
export const WALL_METHODS = ['briefing.get', 'briefing.settings', 'map.layers', 'map.changesSince', 'statuses.list'] as const;

/** The push events a wall display's stream receives. */
export const WALL_EVENTS = ['map.changed', 'data.changed'] as const;

export const wallMethods = {
  /** A pairing code for a wall PC, named for where it hangs (administrators and leaders; audited, the code itself never). */
  'wall.createCode': mutation<WallPairingCode>({ permission: 'briefing.configure', invalidates: ['briefing'] })(
    z.object({ name: z.string().trim().min(1, '请填写显示器名称').max(40, '显示器名称不能超过 40 个字') }).strict(),
  ),
  /** The paired wall displays, newest first, revoked ones included. */
  'wall.list': query<WallDisplay[]>({ permission: 'briefing.configure' })(z.object({}).strict()),
  /** Revokes a wall display: its credential stops working and its live stream is cut at once; audited. */
  'wall.revoke': mutation<WallDisplay>({ permission: 'briefing.configure', invalidates: ['briefing'] })(z.object({ id: idSchema }).strict()),
};
