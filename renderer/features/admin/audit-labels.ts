import type { MessageKey, Translate } from '../../i18n';

/** Known audit actions in Chinese (English); any other action is shown as written. */
const ACTION_LABELS: Record<string, MessageKey> = {
  'auth.login': 'audit.action.auth.login',
  'auth.login_failed': 'audit.action.auth.login_failed',
  'auth.recover_failed': 'audit.action.auth.recover_failed',
  'audit.anchor_refused': 'audit.action.audit.anchor_refused',
  'office_key.create': 'audit.action.office_key.create',
  'auth.logout': 'audit.action.auth.logout',
  'auth.setup': 'audit.action.auth.setup',
  'account.create': 'audit.action.account.create',
  'account.update': 'audit.action.account.update',
  'account.password': 'audit.action.account.password',
  'person.reveal': 'audit.action.person.reveal',
  'resident.reveal': 'audit.action.resident.reveal',
  'backup.create': 'audit.action.backup.create',
  'backup.restore': 'audit.action.backup.restore',
  'seed.demo': 'audit.action.seed.demo',
  'buildings.status.set': 'audit.action.buildings.status.set',
  'buildings.status.bulk': 'audit.action.buildings.status.bulk',
  'buildings.status.undo': 'audit.action.buildings.status.undo',
  'buildings.export': 'audit.action.buildings.export',
  'report.export_pdf': 'audit.action.report.export_pdf',
  'statuses.create': 'audit.action.statuses.create',
  'statuses.update': 'audit.action.statuses.update',
  'imports.apply': 'audit.action.imports.apply',
  'compounds.safe.designate': 'audit.action.compounds.safe.designate',
  'compounds.safe.revoke': 'audit.action.compounds.safe.revoke',
  'screening.start': 'audit.action.screening.start',
  'screening.close': 'audit.action.screening.close',
  'screening.visit': 'audit.action.screening.visit',
  'screening.visit.correct': 'audit.action.screening.visit.correct',
  'requests.create': 'audit.action.requests.create',
  'requests.accept': 'audit.action.requests.accept',
  'requests.assign': 'audit.action.requests.assign',
  'requests.resolve': 'audit.action.requests.resolve',
  'requests.revisit': 'audit.action.requests.revisit',
  'requests.escalate': 'audit.action.requests.escalate',
  'requests.export': 'audit.action.requests.export',
  'briefing.settings': 'audit.action.briefing.settings',
  'territory.office': 'audit.action.territory.office',
  'territory.import': 'audit.action.territory.import',
  'territory.export': 'audit.action.territory.export',
  'territory.split': 'audit.action.territory.split',
  'territory.split_undo': 'audit.action.territory.split_undo',
  'territory.move_building': 'audit.action.territory.move_building',
};

export function actionLabel(action: string, t: Translate): string {
  const key = ACTION_LABELS[action];
  return key ? t(key) : action;
}

export function isKnownAction(action: string): boolean {
  return action in ACTION_LABELS;
}
