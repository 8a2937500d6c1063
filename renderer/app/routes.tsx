import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BgColorsOutlined,
  CustomerServiceOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GlobalOutlined,
  ScheduleOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n';
import type { Permission, Role } from '../../electron/api';

export interface RouteDef {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  /** Built already; the others show "coming soon". */
  ready: boolean;
  /** Shown only to users with this permission (or any of these): the service would refuse the rest. */
  permission: Permission | readonly Permission[];
}

export const ROUTES: readonly RouteDef[] = [
  { key: 'overview', label: 'nav.overview', icon: <DashboardOutlined />, ready: true, permission: 'buildings.read' },
  { key: 'report', label: 'nav.report', icon: <FileTextOutlined />, ready: true, permission: 'buildings.read' },
  { key: 'map', label: 'nav.map', icon: <EnvironmentOutlined />, ready: true, permission: 'territory.read' },
  { key: 'buildings', label: 'nav.buildings', icon: <ApartmentOutlined />, ready: true, permission: 'buildings.read' },
  {
    key: 'screening',
    label: 'nav.screening',
    icon: <FileSearchOutlined />,
    ready: true,
    permission: ['screening.run', 'screening.visit', 'buildings.read'],
  },
  { key: 'requests', label: 'nav.requests', icon: <CustomerServiceOutlined />, ready: true, permission: 'requests.read' },
  { key: 'staffing', label: 'nav.staffing', icon: <ScheduleOutlined />, ready: true, permission: 'staffing.read' },
  { key: 'volunteers', label: 'nav.volunteers', icon: <TeamOutlined />, ready: true, permission: 'volunteers.read' },
  {
    key: 'exchange',
    label: 'nav.exchange',
    icon: <SwapOutlined />,
    ready: true,
    permission: ['bundles.export', 'bundles.import'],
  },
  { key: 'briefing', label: 'nav.briefing', icon: <DesktopOutlined />, ready: true, permission: 'briefing.view' },
  { key: 'accounts', label: 'nav.accounts', icon: <UserOutlined />, ready: true, permission: 'accounts.manage' },
  { key: 'statuses', label: 'nav.statuses', icon: <BgColorsOutlined />, ready: true, permission: 'statuses.configure' },
  { key: 'audit', label: 'nav.audit', icon: <AuditOutlined />, ready: true, permission: 'audit.read' },
  { key: 'backups', label: 'nav.backups', icon: <CloudServerOutlined />, ready: true, permission: 'backups.manage' },
  { key: 'territory', label: 'nav.territory', icon: <GlobalOutlined />, ready: true, permission: 'territory.manage' },
];

/** Routes that became tabs of another page: an old link lands on the tab (`#/service-hours` → `#/volunteers?tab=hours`). */
export const FORMER_ROUTES: Readonly<Record<string, { route: string; tab: string }>> = {
  'volunteer-teams': { route: 'volunteers', tab: 'teams' },
  'service-hours': { route: 'volunteers', tab: 'hours' },
  recognition: { route: 'volunteers', tab: 'recognition' },
};

/** Where an account lands: the 总览 for those on duty (grid workers see their grids), the map for leaders and analysts. */
export function landingRoute(role: Role): string {
  return role === 'leader' || role === 'analyst' ? 'map' : 'overview';
}

/** The route of `key` among those the user may see; the first of them when it is not one. */
export function findRoute(key: string, allowed: readonly RouteDef[] = ROUTES): RouteDef | null {
  return allowed.find((r) => r.key === key) ?? allowed[0] ?? null;
}
