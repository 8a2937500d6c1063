import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../electron/shell/app-files';
import { isSpaRoute, resolveAppPath } from '../../../electron/shell/app-path';
import { contentTypeFor } from '../../../electron/shell/mime-types';
import { withCsp } from '../../../electron/shell/response-headers';
import { tempDir } from '../helpers/tmp';

const root = resolve('/srv/griddesk/dist/renderer');
/** The desktop policy (tests/unit/shell/csp.test.ts pins it down). */
const DESKTOP_CSP = String(withCsp(undefined)['Content-Security-Policy']);

describe('resolveAppPath', () => {
  it('maps our URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://griddesk/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://griddesk/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://griddesk/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://griddesk')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://griddesk/maps/')).toBe(join(root, 'maps', 'index.html'));
    expect(resolveAppPath(root, 'app://griddesk/fonts/%E6%80%9D%E6%BA%90.woff2')).toBe(join(root, 'fonts', '思源.woff2'));
  });

  it('ignores query strings and fragments', () => {
    expect(resolveAppPath(root, 'app://griddesk/index.html?x=../../etc/passwd')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://griddesk/index.html#/briefing')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://griddesk/a.js?v=1#../../x')).toBe(join(root, 'a.js'));
  });

  it('never leaves the root, however `..` is spelt', () => {
    const attempts = [
      'app://griddesk/../../etc/passwd',
      'app://griddesk/%2e%2e/%2e%2e/etc/passwd',
      'app://griddesk/%2E%2E/secret',
      'app://griddesk/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://griddesk/..%2f..%2fetc%2fpasswd',
      'app://griddesk/..%5c..%5cwindows%5cwin.ini',
      'app://griddesk/assets\\..\\..\\secret',
      'app://griddesk/%252e%252e/x',
    ];
    for (const url of attempts) {
      const file = resolveAppPath(root, url);
      expect(file === null || file.startsWith(root + sep), `${url} → ${file}`).toBe(true);
    }
    expect(resolveAppPath(root, 'app://griddesk/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppPath(root, 'app://griddesk/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppPath(root, 'app://griddesk/..%5c..%5cwindows%5cwin.ini')).toBeNull();
  });

  it('refuses absolute paths smuggled into the URL', () => {
    expect(resolveAppPath(root, 'app://griddesk/%2Fetc%2Fpasswd')).not.toBe('/etc/passwd');
    expect(resolveAppPath(root, 'app://griddesk/C:%5CWindows%5Cwin.ini')).toBeNull();
    expect(resolveAppPath(root, 'app://griddesk/C:/Windows/win.ini')).toBeNull();
    expect(resolveAppPath(root, 'app://griddesk/%5C%5Cserver%5Cshare')).toBeNull();
    const abs = resolveAppPath(root, 'app://griddesk//etc/passwd');
    expect(abs === null || abs.startsWith(root + sep)).toBe(true);
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(resolveAppPath(root, 'app://griddesk/index.html%00.png')).toBeNull();
    expect(resolveAppPath(root, 'app://griddesk/%E0%A4%A')).toBeNull();
  });

  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://griddesk.evil/index.html',
      'app://griddesk:81/index.html',
      'app://u:p@griddesk/index.html',
      'file:///srv/griddesk/dist/renderer/index.html',
      'https://griddesk/index.html',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });
});

describe('isSpaRoute / contentTypeFor', () => {
  it('falls back to index.html only for extension-less paths', () => {
    expect(isSpaRoute(join(root, 'buildings', '42'))).toBe(true);
    expect(isSpaRoute(join(root, 'assets', 'missing.js'))).toBe(false);
  });

  it('gives module scripts a JavaScript type', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.MJS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/x.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  function build(): string {
    const dir = tempDir('griddesk-renderer-');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>GridDesk</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', `${dir.split(sep).pop()}-secret.txt`), 'secret');
    return dir;
  }

  it('serves files with their type and the CSP header', async () => {
    const dir = build();
    const res = await serveAppRequest(dir, new Request('app://griddesk/assets/index-abc.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with index.html and missing assets with 404', async () => {
    const dir = build();
    const route = await serveAppRequest(dir, new Request('app://griddesk/buildings/42'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>GridDesk</title>');
    const missing = await serveAppRequest(dir, new Request('app://griddesk/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
  });

  it('does not serve files outside the build', async () => {
    const dir = build();
    const name = `${dir.split(sep).pop()}-secret.txt`;
    const res = await serveAppRequest(dir, new Request(`app://griddesk/..%2f${name}`));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });

  it('says the build is missing when there is no index.html', async () => {
    const empty = tempDir('griddesk-renderer-');
    const res = await serveAppRequest(empty, new Request('app://griddesk/'));
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('npm run build');
  });

  it('only answers GET and HEAD', async () => {
    const dir = build();
    expect((await serveAppRequest(dir, new Request('app://griddesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await serveAppRequest(dir, new Request('app://griddesk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
