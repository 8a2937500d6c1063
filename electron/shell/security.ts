import { app, shell, type Session, type WebContents } from 'electron';
import { isNavigationAllowed, isRequestAllowed, windowOpenDecision } from './navigation-policy';
import { isPermissionGranted } from './permission-policy';
import { withCsp } from './response-headers';

function openExternally(url: string): void {
  shell.openExternal(url).catch((err: unknown) => console.warn(`[security] could not open ${url}:`, err));
}

/** Navigation and window rules for one webContents (every one Electron creates, ours or not). */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) openExternally(url);
    else console.warn(`[security] blocked window.open(${url.slice(0, 100)})`);
    return { action: decision.action };
  });
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    // A plain https link clicked in the page opens in the system browser, as with target=_blank.
    if (event.isMainFrame && windowOpenDecision(event.url).openExternally) openExternally(event.url);
    else console.warn(`[security] blocked navigation to ${event.url.slice(0, 100)}`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  // webviewTag is off in every window; refuse any attempt regardless.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide rules: permissions, the CSP header, and no request leaves the app. */
export function secureSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url);
    if (!allowed) console.warn(`[security] blocked request to ${details.url.slice(0, 100)}`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
}

/** Before ready: every renderer sandboxed, and the guard on every webContents ever created. */
export function installSecurityBeforeReady(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
