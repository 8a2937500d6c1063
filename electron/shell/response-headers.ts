import { CONTENT_SECURITY_POLICY } from '../server/csp';
import { securityHeaders } from '../server/static-files';

export type HeaderMap = Record<string, string | string[]>;

/**
 * Response headers with GridDesk's Content-Security-Policy in force: any CSP the response
 * brought (in any letter case) is replaced by ours, so no response can loosen it.
 */
export function withCsp(headers: HeaderMap | undefined): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** Headers of a file served over `app://`: the same security headers as browser mode. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return { ...securityHeaders(), 'content-type': contentType, 'cache-control': 'no-cache' };
}
