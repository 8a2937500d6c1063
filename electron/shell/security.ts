import { app, type Session, type WebContents } from 'electron';
import { isNavigationAllowed, isRequestAllowed, windowOpenDecision } from './navigation-policy';
import { isPermissionGranted } from './permission-policy';
import { withCsp } from './response-headers';

/**
 * Navigation and window rules for one webContents (every one Electron creates, ours or not):
 * no new windows, no navigation or redirect away from `app://griddesk/`, no webviews. Nothing
 * is ever handed to another program (see `windowOpenDecision`).
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open(${url.slice(0, 100)})`);
    return windowOpenDecision();
  });
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    console.warn(`[security] blocked navigation to ${event.url.slice(0, 100)}`);
  });
  // Subframes too (it also fires for the main frame, which will-navigate already logs).
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    console.warn(`[security] blocked redirect to ${event.url.slice(0, 100)}`);
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
