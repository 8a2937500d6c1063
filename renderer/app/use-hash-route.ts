import { useEffect, useState } from 'react';

/**
 * The route is the hash: `#/map`, `#/buildings`, `#/buildings/<id>`, `#/screening?round=<id>` …
 * (works from app:// and from / alike). The first path segment picks the page; the rest of the
 * path and the query belong to the page.
 */
export interface HashLocation {
  route: string;
  /** Path segments after the route: `#/buildings/abc` → ['abc']. */
  rest: string[];
  query: URLSearchParams;
}

function parse(hash: string): HashLocation {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const search = q >= 0 ? raw.slice(q + 1) : '';
  const [route = '', ...rest] = path.split('/').filter((s, i) => i === 0 || s !== '');
  return { route, rest: rest.map((s) => decodeURIComponent(s)), query: new URLSearchParams(search) };
}

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    window.addEventListener('griddesk:hashreplace', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('griddesk:hashreplace', update);
    };
  }, []);
  return hash;
}

export function useHashRoute(): string {
  return parse(useHash()).route;
}

export function useHashLocation(): HashLocation {
  return parse(useHash());
}

export function currentHashLocation(): HashLocation {
  return parse(window.location.hash);
}

/** `#/route/seg…?query`; segments are encoded, empty query values are left out. */
export function hashHref(route: string, rest: readonly string[] = [], query?: URLSearchParams | Record<string, string>): string {
  const path = [route, ...rest.map((s) => encodeURIComponent(s))].join('/');
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(query ?? {});
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function navigate(route: string, rest: readonly string[] = [], query?: URLSearchParams | Record<string, string>): void {
  window.location.hash = hashHref(route, rest, query);
}

/**
 * Rewrites the hash without a new history entry (filters, sort and page of a table): a reload
 * keeps them, the back button does not step through every keystroke.
 */
export function replaceHash(route: string, rest: readonly string[] = [], query?: URLSearchParams | Record<string, string>): void {
  const href = hashHref(route, rest, query);
  if (href === window.location.hash) return;
  window.history.replaceState(window.history.state, '', href);
  window.dispatchEvent(new Event('griddesk:hashreplace'));
}
