import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, BRIEFING_URL, isAppUrl, MAIN_URL } from '../../../electron/shell/app-url';
import { isNavigationAllowed, isRequestAllowed, windowOpenDecision } from '../../../electron/shell/navigation-policy';
import { isPermissionGranted } from '../../../electron/shell/permission-policy';

const denied = [
  'http://evil.example/',
  'https://evil.example/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://griddesk/1234',
  'app://evil/index.html',
  'app://griddesk.evil.example/index.html',
  'app://griddesk:8080/index.html',
  'app://user:pw@griddesk/index.html',
  'griddesk://griddesk/index.html',
  'about:blank',
  'chrome://gpu',
  'devtools://devtools/bundled/inspector.html',
  '',
  'not a url',
];

describe('isAppUrl / isNavigationAllowed', () => {
  it('allows our pages', () => {
    for (const url of [MAIN_URL, BRIEFING_URL, 'app://griddesk/', 'app://griddesk/buildings/42?tab=1#x', 'app://GRIDDESK/index.html']) {
      expect(isAppUrl(url), url).toBe(true);
      expect(isNavigationAllowed(url), url).toBe(true);
    }
  });

  it('denies everything else', () => {
    for (const url of denied) {
      expect(isAppUrl(url), url).toBe(false);
      expect(isNavigationAllowed(url), url).toBe(false);
    }
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('registers app:// as standard and secure, with fetch, without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.corsEnabled).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBeFalsy();
  });
});

describe('windowOpenDecision', () => {
  it('never opens a window, and hands nothing to another program', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('isRequestAllowed', () => {
  it('lets through our scheme, in-page data and blobs, and DevTools', () => {
    for (const url of ['app://griddesk/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://griddesk/1-2', 'devtools://devtools/x']) {
      expect(isRequestAllowed(url), url).toBe(true);
    }
  });

  it('blocks the network and the file system', () => {
    for (const url of ['http://127.0.0.1:5170/api/rpc', 'https://tile.openstreetmap.org/1/1/1.png', 'ws://x/', 'file:///etc/passwd', 'app://evil/x.js']) {
      expect(isRequestAllowed(url), url).toBe(false);
    }
  });
});

describe('isPermissionGranted', () => {
  it('denies every permission by default, to our pages too', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'clipboard-read', 'hid', 'serial', 'usb', 'display-capture', 'unknown']) {
      expect(isPermissionGranted(permission, MAIN_URL), permission).toBe(false);
    }
  });

  it('allows writing to the clipboard for our pages only', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', MAIN_URL)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://griddesk')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false);
  });
});
