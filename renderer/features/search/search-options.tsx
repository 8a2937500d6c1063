import type { ReactNode } from 'react';
import type { SearchArea, SearchBuilding, SearchGroup, SearchResident, SearchResults } from '../../../electron/api';
import type { MessageKey, Translate } from '../../i18n';
import { areaOnMapHref, buildingOnMapHref } from '../map/map-href';
import { StatusTag } from '../statuses/StatusTag';

/** One choice of the search box: what it shows and where Enter takes. */
export interface SearchChoice {
  value: string;
  href: string;
  label: ReactNode;
}

export interface SearchOptionGroup {
  key: keyof Omit<SearchResults, 'text'>;
  label: ReactNode;
  options: SearchChoice[];
}

function area(a: SearchArea, t: Translate): SearchChoice {
  return {
    value: `${a.kind}:${a.id}`,
    // Without a box (no buildings, no boundary) the map still opens, at the whole street.
    href: a.bounds ? areaOnMapHref(a.bounds) : '#/map',
    label: (
      <div className="gd-search-option" data-testid={`search-option-${a.kind}`} data-id={a.id}>
        <span className="gd-search-main">{a.name}</span>
        <span className="gd-search-sub">
          {a.within} · {t('search.area.buildings', { n: a.buildings })}
        </span>
      </div>
    ),
  };
}

function building(b: SearchBuilding): SearchChoice {
  return {
    value: `building:${b.id}`,
    href: buildingOnMapHref(b.id),
    label: (
      <div className="gd-search-option" data-testid="search-option-building" data-id={b.id}>
        <span className="gd-search-main">{b.label}</span>
        <span className="gd-search-sub">
          <StatusTag status={b.status} /> {b.gridName}
        </span>
      </div>
    ),
  };
}

function resident(r: SearchResident, t: Translate): SearchChoice {
  return {
    value: `resident:${r.id}`,
    href: buildingOnMapHref(r.buildingId),
    label: (
      <div className="gd-search-option" data-testid="search-option-resident" data-id={r.id} data-building-id={r.buildingId}>
        <span className="gd-search-main">
          {r.name} {r.phone ? <span className="gd-search-phone">{r.phone}</span> : null}
        </span>
        <span className="gd-search-sub">{t('search.resident.at', { address: r.address, room: r.room })}</span>
      </div>
    ),
  };
}

function group<T>(key: SearchOptionGroup['key'], title: MessageKey, found: SearchGroup<T> | null, toChoice: (item: T) => SearchChoice, t: Translate): SearchOptionGroup | null {
  if (!found || found.items.length === 0) return null;
  const more = found.total - found.items.length;
  return {
    key,
    label: (
      <div className="gd-search-group" data-testid={`search-group-${key}`}>
        <span>{t(title)}</span>
        {more > 0 ? <span className="gd-search-more">{t('search.more', { n: more })}</span> : null}
      </div>
    ),
    options: found.items.map(toChoice),
  };
}

/** The results grouped by kind, in the order a duty officer looks for them: places first, then people. */
export function searchOptions(results: SearchResults, t: Translate): SearchOptionGroup[] {
  return [
    group('buildings', 'search.group.buildings', results.buildings, building, t),
    group('compounds', 'search.group.compounds', results.compounds, (a) => area(a, t), t),
    group('grids', 'search.group.grids', results.grids, (a) => area(a, t), t),
    group('communities', 'search.group.communities', results.communities, (a) => area(a, t), t),
    group('residents', 'search.group.residents', results.residents, (r) => resident(r, t), t),
  ].filter((g): g is SearchOptionGroup => g !== null);
}
