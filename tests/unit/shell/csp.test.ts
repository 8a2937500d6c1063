import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/server/csp';
import { APP_ORIGIN } from '../../../electron/shell/app-url';
import { appResponseHeaders, withCsp } from '../../../electron/shell/response-headers';
import viteConfig from '../../../vite.config';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('the Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('runs only our own scripts: no eval, no inline scripts, no other hosts', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });

  it('defaults to self and forbids plugins, framing, base and form targets', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

/** The desktop policy, as withCsp applies it. */
const DESKTOP_CSP = String(withCsp(undefined)['Content-Security-Policy']);

describe('the desktop Content-Security-Policy', () => {
  const desktop = directives(DESKTOP_CSP);

  it("is browser mode's policy, directive by directive, except script-src", () => {
    const shared = directives(CONTENT_SECURITY_POLICY);
    expect([...desktop.keys()].sort()).toEqual([...shared.keys()].sort());
    for (const [name, values] of shared) {
      if (name !== 'script-src') expect(desktop.get(name), name).toEqual(values);
    }
  });

  it("runs scripts only from the renderer build's assets folder on app://griddesk", () => {
    expect(desktop.get('script-src')).toEqual([`${APP_ORIGIN}/assets/`]);
    // Vite must keep emitting its bundles there (its default assetsDir).
    expect(viteConfig.build?.assetsDir ?? 'assets').toBe('assets');
  });
});

describe('withCsp', () => {
  it('adds the desktop policy to every response', () => {
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': DESKTOP_CSP });
  });

  it('replaces any policy the response brought, in any letter case, and keeps other headers', () => {
    const out = withCsp({
      'content-security-policy': ["script-src * 'unsafe-eval'"],
      'Content-Security-Policy-Report-Only': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': DESKTOP_CSP });
  });
});

describe('appResponseHeaders', () => {
  it('carries the desktop CSP (once) and the browser-mode security headers', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(DESKTOP_CSP);
    expect(Object.keys(headers).filter((h) => h.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
