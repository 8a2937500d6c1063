import type { Messages } from './zh-CN';
import { authEn } from './auth-messages';
import { adminEn } from './admin-messages';
import { mapStatusEn } from './map-status-messages';
import { buildingsEn } from './buildings-messages';
import { screeningEn } from './screening-messages';
import { configEn } from './config-messages';
import { importsEn } from './import-messages';
import { jobsEn } from './jobs-messages';
import { healthEn } from './health-messages';
import { searchEn } from './search-messages';
import { overviewEn } from './overview-messages';
import { reportEn } from './report-messages';
import { requestsEn } from './requests-messages';
import { briefingEn } from './briefing-messages';
import { wallEn } from './wall-messages';
import { exchangeEn } from './exchange-messages';
import { staffingEn } from './staffing-messages';
import { volunteerServiceEn } from './volunteer-service-messages';
import { territoryEn } from './territory-messages';
import { volunteersEn } from './volunteers-messages';
import { volunteerMergeEn } from './volunteer-merge-messages';
import { territoryEditEn } from './territory-edit-messages';
import { basemapEn } from './territory-basemap-messages';

/** English: the second language. */
export const en: Messages = {
  ...authEn,
  ...adminEn,
  ...mapStatusEn,
  ...buildingsEn,
  ...screeningEn,
  ...configEn,
  ...importsEn,
  ...jobsEn,
  ...healthEn,
  ...searchEn,
  ...overviewEn,
  ...reportEn,
  ...requestsEn,
  ...briefingEn,
  ...wallEn,
  ...exchangeEn,
  ...staffingEn,
  ...territoryEn,
  ...volunteerServiceEn,
  ...volunteersEn,
  ...volunteerMergeEn,
  ...territoryEditEn,
  ...basemapEn,

  'app.name': 'GridDesk',
  'app.subtitle': 'Command Center',
  'app.loading': 'Loading…',
  'app.language': 'Language',

  'nav.label': 'Main navigation',
  'nav.map': 'Map',
  'nav.buildings': 'Buildings',
  'nav.staffing': 'Duty rota',
  'nav.volunteers': 'Volunteers',
  'nav.exchange': 'Data exchange',
  'nav.briefing': 'Wall display',

  'header.noStreet': 'No street office loaded yet',
  'header.communities': 'Communities',
  'header.grids': 'Grids',
  'header.own': 'My grids',
  'header.buildings': 'Buildings',
  'header.residents': 'Residents',
  'header.mode.browser': 'Browser mode',
  'header.mode.electron': 'Desktop',

  'soon.title': 'Coming soon',
  'soon.description': 'The {page} page is being built. The map is ready to use.',
  'soon.backToMap': 'Back to the map',

  'error.title': 'The operation did not complete',
  'error.retry': 'Retry',
  'error.network': 'Cannot reach the GridDesk service. Check that it is still running and try again.',
  'error.unauthenticated': 'Sign in again, then retry.',
  'error.noApi': 'No connection to the services (window.api). Start this page from the desktop app or browser mode.',
  'error.unexpected': 'Unexpected error: {message}. Try again; if it keeps happening, contact your administrator.',
  'error.field': 'Field at fault: {field}',

  'map.title': 'Street grid map',
  'map.loading': 'Loading map data…',
  'map.drawing': 'Drawing {count} buildings…',
  'map.layers': 'Layers',
  'map.layer.communities': 'Communities',
  'map.layer.grids': 'Grids',
  'map.layer.buildings': 'Buildings',
  'map.layer.labels': 'Labels',
  'map.legend': 'Building status',
  'map.legend.total': 'Total',
  'map.legend.unit': '',
  'map.empty': 'No map data yet: import or generate the street office data first.',
  'map.fit': 'Fit all',
  'map.live': 'Live',
  'map.updated': '{count} building statuses updated',

  'building.panel': 'Building details',
  'building.close': 'Close',
  'building.loading': 'Loading building details…',
  'building.kind.building': 'Building',
  'building.kind.alley': 'Alley',
  'building.address': 'Address',
  'building.compound': 'Compound',
  'building.grid': 'Grid',
  'building.community': 'Community',
  'building.zone': 'Zone',
  'building.status': 'Control status',
  'building.since': 'since {date}',
  'building.duration': 'for {duration}',
  'building.asOf': 'as of {date}',
  'building.floors': 'Floors',
  'building.units': 'Units',
  'building.households': 'Households',
  'building.residents': 'Residents',
  'building.property': 'Property mgmt',
  'building.property.yes': 'Managed',
  'building.property.no': 'None',
  'building.open': 'Open compound',
  'building.heads': 'Responsible people',
  'building.heads.none': 'No one assigned yet',
  'building.party': 'Party member',
  'building.history': 'Recent status changes',
  'building.history.none': 'No status changes recorded',
  'building.history.by': 'by {who}',
  'building.history.until': 'until {date}',

  'compound.gated': 'Gated compound',
  'compound.open': 'Open compound',
  'compound.old': 'Old, no property mgmt',
  'compound.bungalow': 'Bungalow yard',

  'role.building_head': 'Building head',
  'role.alley_head': 'Alley head',
  'role.unit_head': 'Unit head',
  'role.grid_worker': 'Grid worker',
  'role.grid_head': 'Grid head',
  'role.zone_head': 'Zone head',

  'unit.floor': '{n} floors',
  'unit.people': '{n}',
  'unit.households': '{n}',
  'unit.units': '{n}',
  'duration.days': '{n} d',
  'duration.hours': '{n} h',
  'duration.minutes': '{n} min',
};
