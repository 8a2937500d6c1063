import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n';
import { RosterTab } from './RosterTab';

/** The tabs of the 志愿者 page, in order; each feature of the registry adds its own here. */
export interface VolunteerTab {
  key: string;
  label: MessageKey;
  render(open: (id: string) => void): ReactNode;
}

export const VOLUNTEER_TABS: readonly VolunteerTab[] = [{ key: 'roster', label: 'volunteers.tab.roster', render: (open) => <RosterTab onOpen={open} /> }];
