import type { Privileges } from 'electron';

/**
 * The one origin the desktop shell trusts: the renderer build served over the privileged
 * `app://griddesk/` scheme. Every window, navigation and IPC check compares against it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'griddesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * How `app://` is registered: standard (an origin of its own, relative URLs resolve), secure (a
 * secure context, like https), fetch() allowed, V8 code cache. Not `corsEnabled`, not
 * `bypassCSP`: other origins must not read from it and our CSP applies.
 */
export const APP_SCHEME_PRIVILEGES: Privileges = { standard: true, secure: true, supportFetchAPI: true, codeCache: true };

/** The operator's window. */
export const MAIN_URL = `${APP_ORIGIN}/index.html`;
/** The leaders' read-only wall display: the same build, opened on the briefing route; `window=briefing` tells the page it may change nothing. */
export const BRIEFING_URL = `${APP_ORIGIN}/index.html?window=briefing#/briefing`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether `url` is a page of ours: exactly `app://griddesk/…`, no credentials, no port. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.pathname === '' || parsed.pathname.startsWith('/'))
  );
}
