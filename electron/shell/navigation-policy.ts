import { APP_SCHEME, isAppUrl } from './app-url';

/** A window or frame may only ever show our own pages. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * `window.open`, `target=_blank`, middle clicks: never a new window, for any URL, ours included.
 *
 * Nothing is handed to the system browser either (no `shell.openExternal`): GridDesk works
 * offline and none of its pages links out, so opening another program from a renderer is a
 * capability it does not need. Should a link out ever be wanted, it belongs in a fixed table of
 * literal https addresses in the main process, never a URL taken from the page.
 */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Requests the renderer may make at all (checked in `session.webRequest.onBeforeRequest`, on
 * top of the CSP): our own scheme, in-page data and blobs, and the DevTools' own pages. GridDesk
 * works offline; nothing goes to the network.
 */
export function isRequestAllowed(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:';
}
