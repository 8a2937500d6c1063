import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * The file under `root` that an `app://griddesk/…` URL names, or null when the URL is not ours
 * or tries to leave `root`. Query and fragment are ignored; `/` is `index.html`. Percent-encoded
 * separators and dots are decoded first and then refused like their plain forms, as are
 * backslashes, NUL bytes and drive letters, so no spelling of `..` gets out.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;

  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;

  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return null;
  if (segments.length === 0 || path.endsWith('/')) segments.push('index.html');

  const base = resolve(root);
  const file = join(base, ...segments);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

/**
 * Whether a missing file should be answered with `index.html` (a client-side route such as
 * `/buildings/123`) rather than 404: only paths without a file extension. A missing script or
 * image stays a 404, so a broken build fails loudly instead of parsing HTML as JavaScript.
 */
export function isSpaRoute(file: string): boolean {
  return extname(file) === '';
}
