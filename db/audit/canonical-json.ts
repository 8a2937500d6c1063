/**
 * Canonical JSON as RFC 8785 (JSON Canonicalization Scheme) defines it: object keys sorted by
 * UTF-16 code units, no whitespace, strings escaped as ECMAScript `JSON.stringify` does (only
 * `"`, `\`, control characters and lone surrogates; everything else as raw UTF-8), numbers in
 * ECMAScript's shortest round-trip form. The same value always gives the same text, so anyone
 * can recompute a hash over it with any JCS library.
 *
 * Values JSON cannot carry exactly are refused rather than silently changed: NaN, ±Infinity,
 * bigint, functions, symbols, `undefined` in arrays, and cycles. `undefined` object members are
 * left out (as `JSON.stringify` does); objects with `toJSON` (Date) are serialised through it.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set(), '$');
}

function write(value: unknown, seen: Set<object>, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} 不能写成 JSON`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`${path}: ${typeof value} 类型的值不能写成 JSON`);
  }
  const obj = value as object;
  if ('toJSON' in obj && typeof (obj as { toJSON: unknown }).toJSON === 'function') {
    return write((obj as { toJSON: () => unknown }).toJSON(), seen, path);
  }
  if (seen.has(obj)) throw new TypeError(`${path}: 循环引用不能写成 JSON`);
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((item, i) => {
      if (item === undefined) throw new TypeError(`${path}[${i}]: undefined 不能写成 JSON`);
      return write(item, seen, `${path}[${i}]`);
    }).join(',')}]`;
  } else {
    const keys = Object.keys(obj).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const member = (obj as Record<string, unknown>)[key];
      if (member === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(member, seen, `${path}.${key}`)}`);
    }
    out = `{${parts.join(',')}}`;
  }
  seen.delete(obj);
  return out;
}
