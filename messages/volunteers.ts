/** The volunteer registry's lists, declared once for every layer, with their Chinese words. */

/** 党员志愿者, 青年志愿者, 巾帼志愿者, 群众志愿者, 在职党员报到 (with work unit), 下沉干部 (with unit). */
export const VOLUNTEER_KIND_LABELS = {
  party: '党员志愿者',
  youth: '青年志愿者',
  women: '巾帼志愿者',
  public: '群众志愿者',
  registered_party: '在职党员报到',
  cadre: '下沉干部',
} as const;
export type VolunteerKind = keyof typeof VOLUNTEER_KIND_LABELS;
export const volunteerKinds = Object.keys(VOLUNTEER_KIND_LABELS) as [VolunteerKind, ...VolunteerKind[]];

/** 在岗, 暂停, 退出. */
export const VOLUNTEER_STATUS_LABELS = { active: '在岗', paused: '暂停', left: '退出' } as const;
export type VolunteerStatus = keyof typeof VOLUNTEER_STATUS_LABELS;
export const volunteerStatuses = Object.keys(VOLUNTEER_STATUS_LABELS) as [VolunteerStatus, ...VolunteerStatus[]];
