import { briefingPanels, staffingRules, type AuditEntry, type StaffingRule } from '../../../electron/api';
import { requestKindWords, requestLevelWords, requestSourceWords, requestStateWords, satisfactionWords, type Localized } from '../../../messages';
import type { Translate } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';

/** A field of an entry's detail (the log stores what each action wrote; older entries may lack some). */
function field(detail: unknown, name: string): unknown {
  return detail !== null && typeof detail === 'object' ? (detail as Record<string, unknown>)[name] : undefined;
}
const text = (detail: unknown, name: string): string => {
  const v = field(detail, name);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const count = (detail: unknown, name: string): string => formatNumber(Number(field(detail, name) ?? 0));

type Summary = (e: AuditEntry, t: Translate, status: (key: string) => string, what: string) => string;

const BRIEFING_PANELS = new Set<string>(briefingPanels);

const VISIT_RESULTS = new Set(['pending', 'visited', 'nobody_home', 'refused']);
function visitResult(value: string, t: Translate): string {
  return VISIT_RESULTS.has(value) ? t(`screening.result.${value as 'visited'}`) : value;
}

const REQUEST_WORDS = { kind: requestKindWords, source: requestSourceWords, state: requestStateWords, level: requestLevelWords, satisfaction: satisfactionWords } as const;
/** A request's kind, source, state, level or satisfaction in the UI's language; an unknown value as written. */
function requestWord(group: keyof typeof REQUEST_WORDS, value: string, t: Translate): string {
  const words = REQUEST_WORDS[group] as Record<string, Localized>;
  return words[value]?.[t.locale] ?? value;
}
const requestStep: Summary = (e, t, _s, what) =>
  t('audit.sum.requestStep', {
    what,
    from: requestWord('state', text(e.detail, 'from'), t),
    to: requestWord('state', text(e.detail, 'to'), t),
    level: requestWord('level', text(e.detail, 'level'), t),
  });

const staffingShift: Summary = (e, t) => t('audit.sum.staffingShift', { post: text(e.detail, 'post'), date: text(e.detail, 'date'), shift: text(e.detail, 'shift') });
const staffingPost: Summary = (e, t) => t('audit.sum.staffingPost', { name: text(e.detail, 'name'), staff: text(e.detail, 'staffNeeded') });
const RULES = new Set<string>(staffingRules);
const ruleNames = (detail: unknown, t: Translate): string => {
  const rules = field(detail, 'rules');
  return Array.isArray(rules) ? rules.map((r) => (RULES.has(String(r)) ? t(`staffing.rule.${r as StaffingRule}`) : String(r))).join('、') : '';
};

/** What each kind of action did, in words: one line per entry. */
const SUMMARIES: Record<string, Summary> = {
  'buildings.status.set': (e, t, status, what) => t('audit.sum.statusSet', { what, status: status(text(e.detail, 'status')), reason: text(e.detail, 'reason') }),
  'buildings.status.bulk': (e, t, status, what) =>
    t('audit.sum.statusBulk', { what, count: count(e.detail, 'count'), status: status(text(e.detail, 'status')), reason: text(e.detail, 'reason') }),
  'buildings.status.undo': (e, t) => t('audit.sum.statusUndo', { count: count(e.detail, 'count'), skipped: count(e.detail, 'skipped') }),
  'buildings.export': (e, t, _s, what) => t('audit.sum.export', { count: count(e.detail, 'rows'), what }),
  'report.export_pdf': (e, t) =>
    t(text(e.detail, 'scope') === 'grids' ? 'audit.sum.reportPdfGrids' : 'audit.sum.reportPdf', { date: text(e.detail, 'date'), file: e.target ?? '' }),
  'statuses.create': (e, t) => t('audit.sum.statusDef', { label: text(e.detail, 'label'), key: e.target ?? '', rank: text(e.detail, 'rank') }),
  'statuses.update': (e, t) => t('audit.sum.statusDef', { label: text(e.detail, 'label'), key: e.target ?? '', rank: text(e.detail, 'rank') }),
  'screening.start': (e, t) => t('audit.sum.roundStart', { name: text(e.detail, 'name'), count: count(e.detail, 'households') }),
  'screening.close': (e, t) => t('audit.sum.roundClose', { name: text(e.detail, 'name') }),
  'screening.visit': (e, t, _s, what) =>
    t('audit.sum.visit', { round: text(e.detail, 'round'), what, room: text(e.detail, 'room'), result: visitResult(text(e.detail, 'result'), t) }),
  'screening.visit.correct': (e, t, _s, what) =>
    t('audit.sum.visitCorrect', {
      round: text(e.detail, 'round'),
      what,
      room: text(e.detail, 'room'),
      previous: visitResult(text(e.detail, 'previous'), t),
      result: visitResult(text(e.detail, 'result'), t),
    }),
  'compounds.safe.designate': (e, t, _s, what) => {
    const criteria = field(e.detail, 'criteria');
    return t('audit.sum.safeGrant', { what, criteria: Array.isArray(criteria) ? criteria.join('、') : '' });
  },
  'compounds.safe.revoke': (e, t, _s, what) => t('audit.sum.safeRevoke', { what, reason: text(e.detail, 'reason') }),
  'person.reveal': (e, t) => t('audit.sum.reveal', { field: t(text(e.detail, 'field') === 'phone' ? 'audit.field.phone' : 'audit.field.idNumber'), reason: text(e.detail, 'reason') }),
  'resident.reveal': (e, t) => t('audit.sum.reveal', { field: t(text(e.detail, 'field') === 'phone' ? 'audit.field.phone' : 'audit.field.idNumber'), reason: text(e.detail, 'reason') }),
  'requests.create': (e, t, _s, what) =>
    t('audit.sum.requestCreate', {
      what,
      kind: requestWord('kind', text(e.detail, 'kind'), t),
      source: requestWord('source', text(e.detail, 'source'), t),
      level: requestWord('level', text(e.detail, 'level'), t),
    }),
  'requests.accept': requestStep,
  'requests.assign': requestStep,
  'requests.resolve': requestStep,
  'requests.revisit': (e, t, _s, what) => t('audit.sum.requestRevisit', { what, satisfaction: requestWord('satisfaction', text(e.detail, 'satisfaction'), t) }),
  'requests.escalate': (e, t, _s, what) =>
    t('audit.sum.requestEscalate', { what, limit: t(text(e.detail, 'limit') === 'resolve' ? 'audit.sum.requestEscalate.resolve' : 'audit.sum.requestEscalate.respond') }),
  'requests.export': (e, t, _s, what) => t('audit.sum.requestExport', { count: count(e.detail, 'rows'), what }),
  'briefing.settings': (e, t) => {
    const panels = field(e.detail, 'panels');
    const names = Array.isArray(panels) ? panels.map((p) => (BRIEFING_PANELS.has(String(p)) ? t(`briefing.panel.${p as 'map'}`) : String(p))).join('、') : '';
    const rotate = field(e.detail, 'rotate') === true ? t('audit.sum.briefingRotate', { n: text(e.detail, 'intervalSeconds') }) : t('audit.sum.briefingFixed');
    return t('audit.sum.briefingSettings', { panels: names, rotate, stale: text(e.detail, 'staleAfterSeconds') });
  },
  'wall.code_create': (e, t) => t('audit.sum.wallCode', { name: text(e.detail, 'name'), at: formatDateTime(Number(field(e.detail, 'expiresAt') ?? 0)) }),
  'wall.pair': (e, t) => t('audit.sum.wallPair', { name: text(e.detail, 'name'), from: text(e.detail, 'from') }),
  'wall.revoke': (e, t) => t('audit.sum.wallRevoke', { name: text(e.detail, 'name') }),
  'briefing.export_pdf': (e, t) => t('audit.sum.briefingPdf', { scope: text(e.detail, 'scope') }),
  'bundles.export': (e, t) => {
    const to = field(e.detail, 'recipients');
    if (field(e.detail, 'report')) return t('audit.sum.bundleReportExport', { sequence: text(e.detail, 'sequence'), to: Array.isArray(to) ? to.join('、') : '', rows: count(e.detail, 'rows') });
    return t('audit.sum.bundleExport', { sequence: text(e.detail, 'sequence'), to: Array.isArray(to) ? to.join('、') : '', rows: count(e.detail, 'rows') });
  },
  'bundles.import': (e, t) =>
    field(e.detail, 'report') ? t('audit.sum.bundleReportImport', { from: text(e.detail, 'sender'), sequence: text(e.detail, 'sequence'), rows: count(e.detail, 'report') }) : t('audit.sum.bundleImport', {
      from: text(e.detail, 'sender'),
      sequence: text(e.detail, 'sequence'),
      create: count(e.detail, 'create'),
      update: count(e.detail, 'update'),
      conflict: count(e.detail, 'conflict'),
    }),
  'bundles.partner_add': (e, t) => t('audit.sum.bundlePartner', { name: text(e.detail, 'name'), code: text(e.detail, 'officeCode') }),
  'bundles.partner_revoke': (e, t) => t('audit.sum.bundlePartner', { name: text(e.detail, 'name'), code: text(e.detail, 'officeCode') }),
  'bundles.resolve': (e, t, _s, what) =>
    t('audit.sum.bundleResolve', { what, choice: t(text(e.detail, 'choice') === 'mine' ? 'exchange.conflicts.keepMine' : 'exchange.conflicts.takeTheirs') }),
  'staffing.post.create': staffingPost,
  'staffing.post.update': staffingPost,
  'staffing.post.delete': (e, t) => t('audit.sum.staffingPostDelete', { name: text(e.detail, 'name'), count: count(e.detail, 'futureRemoved') }),
  'staffing.template.save': (e, t) => text(e.detail, 'name') && t('audit.sum.staffingShift', { post: '', date: '', shift: text(e.detail, 'name') }).trim(),
  'staffing.template.delete': (e, t) => t('audit.sum.staffingShift', { post: '', date: '', shift: text(e.detail, 'name') }).trim(),
  'staffing.assign': staffingShift,
  'staffing.assign.override': (e, t) =>
    t('audit.sum.staffingOverride', { post: text(e.detail, 'post'), date: text(e.detail, 'date'), shift: text(e.detail, 'shift'), rules: ruleNames(e.detail, t), reason: text(e.detail, 'reason') }),
  'staffing.assign.bulk': (e, t) => t('audit.sum.staffingBulk', { from: text(e.detail, 'from'), to: text(e.detail, 'to'), count: count(e.detail, 'created') }),
  'staffing.unassign': staffingShift,
  'staffing.attend.sign_in': staffingShift,
  'staffing.attend.sign_out': staffingShift,
  'staffing.attend.no_show': staffingShift,
  'staffing.attend.clear': staffingShift,
  'staffing.autofill.accept': (e, t) => t('audit.sum.staffingAccept', { created: count(e.detail, 'created'), skipped: count(e.detail, 'skipped') }),
  'staffing.export': (e, t, _s, what) => t('audit.sum.staffingExport', { from: text(e.detail, 'from'), what }),
  'staffing.export_pdf': (e, t, _s, what) => t(text(e.detail, 'days') === '1' ? 'audit.sum.staffingPdfDay' : 'audit.sum.staffingPdfWeek', { from: text(e.detail, 'from'), gaps: count(e.detail, 'gaps'), what }),
  'staffing.handover.write': (e, t) => t('audit.sum.staffingHandover', { post: text(e.detail, 'post'), date: text(e.detail, 'date'), shift: text(e.detail, 'shift'), watch: text(e.detail, 'watch') }),
  'staffing.duty.assign': (e, t) => t('audit.sum.staffingDuty', { name: text(e.detail, 'name'), role: text(e.detail, 'roleName'), place: text(e.detail, 'place') }),
  'imports.apply': (e, t) =>
    t('audit.sum.import', { file: text(e.detail, 'file'), created: count(field(e.detail, 'counts'), 'create'), updated: count(field(e.detail, 'counts'), 'update') }),
  'territory.office': (e, t) => t('audit.sum.territoryOffice', { name: text(e.detail, 'name'), code: e.target ?? '' }),
  'territory.import': (e, t) =>
    t('audit.sum.territoryImport', { layer: text(e.detail, 'layer'), created: count(e.detail, 'created'), updated: count(e.detail, 'updated'), rejected: count(e.detail, 'rejected') }),
  'territory.export': (e, t) => t('audit.sum.territoryExport', { format: text(e.detail, 'format'), features: count(e.detail, 'features') }),
  'territory.split': (e, t) => t('audit.sum.territorySplit', { grid: text(e.detail, 'grid'), code: text(e.detail, 'newCode'), moved: count(e.detail, 'moved') }),
  'territory.split_undo': (e, t) => t('audit.sum.territorySplitUndo', { grid: text(e.detail, 'grid'), moved: count(e.detail, 'moved') }),
  'territory.move_building': (e, t) => t('audit.sum.territoryMoveBuilding', { address: text(e.detail, 'address'), grid: text(e.detail, 'grid') }),
  'teams.create': (e, t) => t('audit.sum.team', { name: text(e.detail, 'name'), kind: text(e.detail, 'kind') }),
  'teams.update': (e, t) => t('audit.sum.team', { name: text(e.detail, 'name'), kind: text(e.detail, 'kind') }),
  'teams.delete': (e, t) => t('audit.sum.teamDelete', { name: text(e.detail, 'name'), members: count(e.detail, 'members') }),
  'teams.group': (e, t) => t('audit.sum.teamGroup', { teams: count(e.detail, 'teams'), people: count(e.detail, 'people'), kind: text(e.detail, 'kind') }),
  'teams.move': (e, t) => t('audit.sum.teamMove', { name: text(e.detail, 'name'), from: text(e.detail, 'from'), to: text(e.detail, 'to') }),
  'hours.add': (e, t) => t('audit.sum.hours', { name: text(e.detail, 'name'), date: text(e.detail, 'date'), hours: text(e.detail, 'hours'), activity: text(e.detail, 'activity') }),
  'hours.remove': (e, t) => t('audit.sum.hours', { name: text(e.detail, 'name'), date: text(e.detail, 'date'), hours: text(e.detail, 'hours'), activity: text(e.detail, 'activity') }),
  'hours.threshold': (e, t) => t('audit.sum.hoursThreshold', { from: text(e.detail, 'from'), to: text(e.detail, 'to') }),
  'hours.export': (e, t) => t('audit.sum.hoursExport', { month: text(e.detail, 'month'), rows: count(e.detail, 'rows') }),
  'hours.certificate': (e, t) => t('audit.sum.hoursCertificate', { name: text(e.detail, 'name'), from: text(e.detail, 'from'), to: text(e.detail, 'to'), hours: text(e.detail, 'hours') }),
  'recognition.nominate': (e, t) => t('audit.sum.recognition', { name: text(e.detail, 'name'), month: text(e.detail, 'month'), title: text(e.detail, 'title') }),
  'recognition.vote': (e, t) => t('audit.sum.recognition', { name: text(e.detail, 'name'), month: text(e.detail, 'month'), title: text(e.detail, 'title') }),
  'recognition.close': (e, t) => t('audit.sum.recognitionClose', { month: text(e.detail, 'month'), elected: text(e.detail, 'elected') }),
  'volunteers.status': (e, t) => t('audit.sum.volunteerStatus', { from: text(e.detail, 'from') && t(`volunteers.status.${text(e.detail, 'from')}` as 'volunteers.status.active'), to: t(`volunteers.status.${text(e.detail, 'to')}` as 'volunteers.status.active'), reason: text(e.detail, 'reason') }),
  'volunteers.merge_duplicate': (e, t) => t('audit.sum.volunteerMergeDuplicate', { survivor: text(e.detail, 'survivorId'), other: text(e.detail, 'otherId'), moved: count(e.detail, 'movedTotal') }),
  'volunteers.export': (e, t) => t('audit.sum.volunteerExport', { rows: count(e.detail, 'rows'), filters: text(e.detail, 'filters') }),
  'volunteers.specialty.create': (e, t) => t('audit.sum.volunteerSpecialty', { name: text(e.detail, 'name') }),
  'volunteers.specialty.rename': (e, t) => t('audit.sum.volunteerSpecialtyRename', { from: text(e.detail, 'from'), name: text(e.detail, 'name') }),
  'volunteers.specialty.delete': (e, t) => t('audit.sum.volunteerSpecialty', { name: text(e.detail, 'name') }),
  'territory.merge_grids': (e, t) => t('audit.sum.territoryMerge', { grid: text(e.detail, 'grid'), merged: text(e.detail, 'merged'), moved: count(e.detail, 'moved') }),
  'territory.reshape_grid': (e, t) =>
    t('audit.sum.territoryReshapeGrid', {
      grid: text(e.detail, 'grid'),
      neighbours: count(e.detail, 'neighbours'),
      moved: count(e.detail, 'moved'),
      overlaps: count(e.detail, 'overlaps'),
      gaps: count(e.detail, 'gaps'),
    }),
  'territory.add_building': (e, t) => t('audit.sum.territoryAddBuilding', { address: text(e.detail, 'address'), grid: text(e.detail, 'grid') }),
  'territory.reshape_building': (e, t) => t('audit.sum.territoryReshapeBuilding', { address: text(e.detail, 'address'), grid: text(e.detail, 'grid') }),
  'territory.delete_building': (e, t) => t('audit.sum.territoryDeleteBuilding', { address: text(e.detail, 'address') }),
  'territory.undo': (e, t) => t('audit.sum.territoryUndo', { edit: text(e.detail, 'edit') }),
  'territory.basemap': (e, t) =>
    t('audit.sum.territoryBasemap', { name: text(e.detail, 'name'), kind: text(e.detail, 'kind').toUpperCase(), minZoom: text(e.detail, 'minZoom'), maxZoom: text(e.detail, 'maxZoom') }),
  'territory.basemap_remove': (e, t) => t('audit.sum.territoryBasemapRemove', { name: text(e.detail, 'name') }),
  'territory.reshape_community': (e, t) =>
    t('audit.sum.territoryReshapeCommunity', {
      community: text(e.detail, 'community'),
      neighbours: count(e.detail, 'neighbours'),
      grids: count(e.detail, 'grids'),
      regrouped: count(e.detail, 'regrouped'),
      overlaps: count(e.detail, 'overlaps'),
      gaps: count(e.detail, 'gaps'),
    }),
  'territory.tianditu': (e, t) => t(field(e.detail, 'on') === true ? 'audit.sum.territoryTiandituOn' : 'audit.sum.territoryTiandituOff'),
};

/**
 * One entry in words: what was done to what, by action kind (the building's address, the round's
 * name rather than ids); an action without a summary of its own shows its target.
 */
export function auditSummary(e: AuditEntry, t: Translate, status: (key: string) => string): string {
  const what = e.targetName ?? e.target ?? '';
  const summary = SUMMARIES[e.action];
  return summary ? summary(e, t, status, what) : what;
}
