import { securityHeaders } from '../server/static-files';

/**
 * Response headers with the desktop window's Content-Security-Policy in force: any CSP the
 * response brought (in any letter case) is replaced by ours, so no response can loosen it.
 *
 * The policy is browser mode's (`CONTENT_SECURITY_POLICY`, electron/server/csp.ts) with one
 * directive narrowed: scripts run only from the renderer build's hashed bundles under
 * `app://griddesk/assets/`, not from anywhere on our origin. (Browser mode cannot name its
 * origin: the port is chosen at start.) It is written out here as one literal, where it is
 * applied, so that a reader and electronegativity's CSP check see the exact header;
 * tests/unit/shell/csp.test.ts holds it to browser mode's policy directive by directive.
 */
export function withCsp<T extends string | string[]>(headers: Record<string, T> | undefined): Record<string, T | string> {
  const out: Record<string, T | string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] =
    "default-src 'self'; script-src app://griddesk/assets/; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return out;
}

/** Headers of a file served over `app://`: browser mode's security headers, with the desktop CSP. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return withCsp({ ...securityHeaders(), 'content-type': contentType, 'cache-control': 'no-cache' });
}
