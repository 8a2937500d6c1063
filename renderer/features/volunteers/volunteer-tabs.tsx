import type { ReactNode } from 'react';
import type { Permission } from '../../../electron/api';
import type { MessageKey } from '../../i18n';
import { RecognitionPage } from '../recognition/RecognitionPage';
import { ServiceHoursPage } from '../service-hours/ServiceHoursPage';
import { VolunteerTeamsPage } from '../volunteer-teams/VolunteerTeamsPage';
import { DuplicatesTab } from './DuplicatesTab';
import { RosterTab } from './RosterTab';
import { SpecialtiesTab } from './SpecialtiesTab';

/** The tabs of the 志愿者 page, in order; each feature of the registry adds its own here. `#/volunteers?tab=<key>` opens one. */
export interface VolunteerTab {
  key: string;
  label: MessageKey;
  /** Shown only with this permission: the service would refuse the rest. */
  permission: Permission;
  render(open: (id: string) => void): ReactNode;
}

export const VOLUNTEER_TABS: readonly VolunteerTab[] = [
  { key: 'roster', label: 'volunteers.tab.roster', permission: 'volunteers.read', render: (open) => <RosterTab onOpen={open} /> },
  { key: 'teams', label: 'volunteers.tab.teams', permission: 'hours.read', render: () => <VolunteerTeamsPage /> },
  { key: 'hours', label: 'volunteers.tab.hours', permission: 'hours.read', render: () => <ServiceHoursPage /> },
  { key: 'recognition', label: 'volunteers.tab.recognition', permission: 'hours.read', render: () => <RecognitionPage /> },
  { key: 'duplicates', label: 'volunteers.tab.duplicates', permission: 'volunteers.edit', render: () => <DuplicatesTab /> },
  { key: 'specialties', label: 'volunteers.specialties', permission: 'volunteers.configure', render: () => <SpecialtiesTab /> },
];

