import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../db/audit/canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every depth by UTF-16 code units and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' }, A: false })).toBe(
      '{"A":false,"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
    // U+20AC sorts after U+00E9 but before an astral character (surrogate D83D).
    expect(canonicalJson({ '😀': 3, '€': 2, é: 1 })).toBe('{"é":1,"€":2,"😀":3}');
  });

  it('writes the RFC 8785 test values the same way', () => {
    const rfc = { numbers: [Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000000000000000000000000001], string: '€$\u000f\nA\'B"\\\\"/', literals: [null, true, false] };
    expect(canonicalJson(rfc)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('leaves out undefined members, serialises dates through toJSON, keeps -0 as 0', () => {
    expect(canonicalJson({ a: undefined, b: new Date(Date.UTC(2026, 10, 23)), c: -0 })).toBe('{"b":"2026-11-23T00:00:00.000Z","c":0}');
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson([Number.NaN])).toThrow(TypeError);
    expect(() => canonicalJson({ n: 10n })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/循环引用/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
