import type { Briefing, BriefingFigure } from '../../../electron/api';
import type { MessageKey, Translate } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { deltaText, figureText, percent } from './compare';

export const SNAPSHOT_SIZE = { width: 1920, height: 1080 } as const;

const BG = '#081529';
const TILE = '#14294c';
const INK = '#e6f0ff';
const MUTED = '#8aa4c8';
const RED = '#ff4d4f';
const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

function comparison(f: BriefingFigure, t: Translate): string {
  if (f.yesterday !== null) {
    const d = deltaText(f.value, f.yesterday, f.format);
    return d ? t('briefing.vsYesterday', { delta: d }) : t('briefing.sameAsYesterday');
  }
  return f.new24h === undefined ? '' : t('briefing.new24h', { n: formatNumber(f.new24h) });
}

/**
 * Today's 大屏 drawn on a 1920×1080 canvas from its figures, the same in the desktop app and in a
 * browser: the title and time, the key figures as tiles, the buildings by status as bars, and each
 * community's figures — whatever panel happens to be on screen. Text is drawn with the system's
 * Chinese font.
 */
export function drawBriefingSnapshot(canvas: HTMLCanvasElement, b: Briefing, t: Translate, at: number): void {
  const { width: W, height: H } = SNAPSHOT_SIZE;
  canvas.width = W;
  canvas.height = H;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas 2d context unavailable');
  const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT}`;
  g.fillStyle = BG;
  g.fillRect(0, 0, W, H);
  g.textBaseline = 'top';

  g.fillStyle = INK;
  g.font = font(44, 700);
  g.fillText(`${b.street} · ${t('briefing.title')}`, 48, 36);
  g.font = font(24);
  g.fillStyle = MUTED;
  g.textAlign = 'right';
  g.fillText(t('briefing.updatedAt', { at: formatDateTime(at) }), W - 48, 50);
  g.textAlign = 'left';

  // Key figures: four to a row.
  const cols = 4;
  const gap = 24;
  const tileW = (W - 96 - gap * (cols - 1)) / cols;
  const tileH = 150;
  b.figures.forEach((f, i) => {
    const x = 48 + (i % cols) * (tileW + gap);
    const y = 120 + Math.floor(i / cols) * (tileH + gap);
    g.fillStyle = TILE;
    g.fillRect(x, y, tileW, tileH);
    if (f.attention) {
      g.strokeStyle = RED;
      g.lineWidth = 4;
      g.strokeRect(x + 2, y + 2, tileW - 4, tileH - 4);
    }
    g.fillStyle = MUTED;
    g.font = font(24);
    g.fillText(t(`briefing.figure.${f.key}` as MessageKey), x + 20, y + 16);
    g.fillStyle = INK;
    g.font = font(56, 700);
    g.fillText(figureText(f), x + 20, y + 50);
    g.fillStyle = f.attention ? RED : MUTED;
    g.font = font(22);
    g.fillText([f.attention ? t('briefing.attention') : '', comparison(f, t)].filter(Boolean).join(' · '), x + 20, y + 114);
  });

  const top = 120 + Math.ceil(b.figures.length / cols) * (tileH + gap) + 16;
  // Buildings by status, as bars.
  g.fillStyle = INK;
  g.font = font(28, 700);
  g.fillText(t('briefing.panel.charts'), 48, top);
  const max = Math.max(1, ...b.byStatus.map((s) => s.buildings));
  const barTop = top + 56;
  const row = Math.min(64, (H - barTop - 40) / Math.max(1, b.byStatus.length));
  b.byStatus.forEach((s, i) => {
    const def = b.statuses.find((d) => d.key === s.status);
    const y = barTop + i * row;
    g.fillStyle = INK;
    g.font = font(24);
    g.fillText(def?.label ?? s.status, 48, y + 6);
    g.fillStyle = def?.color ?? MUTED;
    g.fillRect(160, y, (560 * s.buildings) / max, row - 18);
    g.fillStyle = INK;
    g.fillText(formatNumber(s.buildings), 170 + (560 * s.buildings) / max, y + 6);
  });

  // Communities: name, buildings under control, watched residents, screening.
  const x0 = 880;
  g.fillStyle = INK;
  g.font = font(28, 700);
  g.fillText(t('briefing.panel.communities'), x0, top);
  const heads = [t('briefing.community.controlled'), t('briefing.community.observation'), t('briefing.community.isolation'), t('briefing.community.screening'), t('briefing.community.needs')];
  const colX = [x0 + 260, x0 + 400, x0 + 560, x0 + 680, x0 + 840];
  const lineH = Math.min(40, (H - top - 100) / Math.max(1, b.communities.length + 1));
  const size = Math.max(12, Math.min(24, Math.floor(lineH * 0.6)));
  g.font = font(size);
  g.fillStyle = MUTED;
  heads.forEach((h, i) => g.fillText(h, colX[i]!, top + 48));
  b.communities.forEach((c, i) => {
    const y = top + 48 + (i + 1) * lineH;
    g.fillStyle = INK;
    g.fillText(c.name, x0, y);
    const share = c.screening.households === 0 ? '—' : percent(c.screening.done / c.screening.households);
    [formatNumber(c.controlled), formatNumber(c.homeObservation), formatNumber(c.isolation), share, formatNumber(c.openNeeds)].forEach((v, j) => g.fillText(v, colX[j]!, y));
  });
}

/** The snapshot as a PNG file, named for the street and the time. */
export async function briefingSnapshotFile(b: Briefing, t: Translate, at: number): Promise<File> {
  const canvas = document.createElement('canvas');
  drawBriefingSnapshot(canvas, b, t, at);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return new File([blob], `${b.street}大屏快照-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}.png`, { type: 'image/png' });
}
