import { isAppUrl } from './app-url';

/**
 * Web permissions GridDesk's own pages may use without asking. Everything else (camera,
 * microphone, geolocation, notifications, USB/HID/serial, clipboard reading, full screen via the
 * page, opening external programs, …) is refused, for our pages and any other.
 */
const GRANTED_TO_APP: ReadonlySet<string> = new Set([
  // "Copy" buttons (addresses, ids): write-only, sanitised text.
  'clipboard-sanitized-write',
]);

/** The decision for both Electron permission hooks (request and check). */
export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined): boolean {
  return GRANTED_TO_APP.has(permission) && isAppUrl(requestingUrl);
}
