import { describe, expect, it } from 'vitest';
import { SAFE_COMPOUND_FLAG_COLOR, STATUS_ORDER, isControlStatus, statusColor, statusLabel } from '../../../maps/status';

describe('control status scale', () => {
  it('orders statuses from most severe and labels them in both locales', () => {
    expect(STATUS_ORDER).toEqual(['sealed', 'controlled', 'precaution', 'normal']);
    expect(STATUS_ORDER.map((s) => statusLabel(s, 'zh-CN'))).toEqual(['封控', '管控', '防范', '正常']);
    expect(STATUS_ORDER.map((s) => statusLabel(s, 'en'))).toEqual(['Sealed', 'Controlled', 'Precaution', 'Normal']);
    expect(statusLabel('sealed')).toBe('封控');
  });

  it('gives every status its own colour, distinct from the safe-compound flag', () => {
    const colours = STATUS_ORDER.map(statusColor);
    expect(new Set(colours).size).toBe(4);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(colours).not.toContain(SAFE_COMPOUND_FLAG_COLOR);
  });

  it('keeps the colours apart by lightness, so they read without hue too', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const l = STATUS_ORDER.map((s) => lum(statusColor(s)));
    const sorted = [...l].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(0.04);
  });

  it('recognises status values', () => {
    expect(isControlStatus('controlled')).toBe(true);
    expect(isControlStatus('closed')).toBe(false);
  });
});
