/** What an account may be allowed to do. The role matrix (db/auth/permissions.ts) grants them. */
export const permissions = [
  'territory.read',
  'buildings.read',
  'buildings.edit',
  'statuses.configure',
  'screening.run',
  'screening.visit',
  'requests.read',
  'requests.handle',
  'people.read',
  'personal.reveal',
  'stats.read',
  'briefing.view',
  'briefing.configure',
  'bundles.export',
  'bundles.import',
  'accounts.manage',
  'audit.read',
  'backups.manage',
  'staffing.read',
  'staffing.edit',
  'staffing.attend',
  'territory.manage',
  'hours.read',
  'hours.edit',
  'hours.configure',
  'recognition.vote',
  'volunteers.read',
  'volunteers.edit',
  'volunteers.configure',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Who may call a method: anyone (`public`: signing in), any signed-in and unlocked account
 * (`signedIn`), or an account holding the permission. The dispatcher checks it before the
 * service runs; services may check more (a grid worker's own grids).
 */
export type Access = 'public' | 'signedIn' | Permission;

/**
 * Data the windows cache, by domain. A mutation names the domains it changes; the renderer
 * refetches what shows them. `*`: everything (a restored database).
 */
export type DataDomain = 'buildings' | 'map' | 'statuses' | 'compounds' | 'screening' | 'accounts' | 'backups' | 'jobs' | 'imports' | 'requests' | 'briefing' | 'bundles' | 'staffing' | 'volunteers' | 'volunteerService' | 'basemap' | '*';
