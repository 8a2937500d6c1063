/**
 * The Content-Security-Policy of every page GridDesk serves, in the desktop window and in
 * browser mode: only its own scripts; inline styles for Ant Design's CSS-in-JS; map data and
 * glyphs from itself only; no plugins, no framing, no foreign form targets.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
