/**
 * Folds what a Chinese IME types in full-width form back to ASCII: digits ０–９, letters,
 * ＋, －, （ ）, and the ideographic space U+3000. Everything else is left as it is.
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
