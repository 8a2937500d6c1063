/**
 * The record kinds a bundle may be limited to, declared once for the contract, the export, the
 * CLI and the page: each with its words and the travelling tables it holds (every travelling
 * table is in exactly one kind; `tests/unit/bundles/kinds.test.ts` checks it against the registry).
 */
export const BUNDLE_KINDS = {
  territory: { 'zh-CN': '辖区', en: 'Territory', tables: ['street_offices', 'communities', 'zones', 'grids', 'compounds'] },
  buildings: {
    'zh-CN': '楼栋及状态记录',
    en: 'Buildings and status history',
    tables: ['buildings', 'units', 'status_definitions', 'status_batches', 'building_status_history', 'safe_compounds'],
  },
  residents: { 'zh-CN': '居民与住户', en: 'Residents and households', tables: ['households', 'residents', 'resident_tags'] },
  people: { 'zh-CN': '人员与职责', en: 'People and duties', tables: ['people', 'duty_assignments'] },
  screening: { 'zh-CN': '入户摸排', en: 'Screening rounds', tables: ['screening_rounds', 'screening_visits'] },
  staffing: { 'zh-CN': '岗位与排班', en: 'Posts and shifts', tables: ['duty_posts', 'shift_templates', 'shift_assignments', 'shift_handovers'] },
  volunteers: {
    'zh-CN': '志愿者与服务时长',
    en: 'Volunteers and hours',
    tables: [
      'volunteer_profiles',
      'volunteer_specialties',
      'volunteer_status_changes',
      'volunteer_teams',
      'team_members',
      'service_hours',
      'recognition_nominations',
      'recognition_votes',
    ],
  },
  requests: { 'zh-CN': '诉求', en: 'Requests', tables: ['requests', 'request_events'] },
} as const;

export type BundleKind = keyof typeof BUNDLE_KINDS;
export const bundleKinds = Object.keys(BUNDLE_KINDS) as [BundleKind, ...BundleKind[]];
