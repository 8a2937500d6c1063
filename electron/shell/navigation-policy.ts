import { APP_SCHEME, isAppUrl } from './app-url';

/** A window or frame may only ever show our own pages. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Links the operator may open in the system browser: plain https addresses without embedded
 * credentials. Everything else (http, file, javascript:, data:, custom schemes that could start
 * local programs) is dropped.
 */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export interface WindowOpenDecision {
  /** Never a new Electron window. */
  action: 'deny';
  /** Hand the link to the system browser instead. */
  openExternally: boolean;
}

/** `window.open` and `target=_blank`: no new windows; https links go to the system browser. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isExternalLinkAllowed(url) };
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
