import { protocol, type Session } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-url';
import { serveAppRequest } from './app-files';

/** Registers `app://` with its privileges (see `APP_SCHEME_PRIVILEGES`). Must run before ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES },
  ]);
}

/** Serves the renderer build (and the imported basemap of `dataDir`) over `app://griddesk/` in this session. Never `file://`. */
export function handleAppProtocol(session: Session, rendererDir: string, dataDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, dataDir));
}
