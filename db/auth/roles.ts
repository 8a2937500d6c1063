/** The roles of GridDesk's local accounts. */
export const roles = ['admin', 'staff', 'leader', 'analyst', 'grid_worker'] as const;
export type Role = (typeof roles)[number];

/** Who is calling a service. Every service receives one and checks it. */
export interface Actor {
  /** Account id, or `system` for the command line and first-start seeding. */
  id: string;
  name: string;
  role: Role;
  /** For grid workers: the grids they may read and edit. */
  gridIds?: readonly string[];
  /** May see unmasked ID numbers and phone numbers. */
  seesPersonalData: boolean;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', role: 'admin', seesPersonalData: true };
