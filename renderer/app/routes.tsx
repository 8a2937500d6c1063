import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  ScheduleOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n';

export interface RouteDef {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  /** Built already; the others show "coming soon". */
  ready: boolean;
}

export const ROUTES: readonly RouteDef[] = [
  { key: 'map', label: 'nav.map', icon: <EnvironmentOutlined />, ready: true },
  { key: 'buildings', label: 'nav.buildings', icon: <ApartmentOutlined />, ready: false },
  { key: 'staffing', label: 'nav.staffing', icon: <ScheduleOutlined />, ready: false },
  { key: 'volunteers', label: 'nav.volunteers', icon: <TeamOutlined />, ready: false },
  { key: 'exchange', label: 'nav.exchange', icon: <SwapOutlined />, ready: false },
  { key: 'briefing', label: 'nav.briefing', icon: <DesktopOutlined />, ready: false },
];

export const DEFAULT_ROUTE = 'map';

export function findRoute(key: string): RouteDef {
  return ROUTES.find((r) => r.key === key) ?? (ROUTES[0] as RouteDef);
}
