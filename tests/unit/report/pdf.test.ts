import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../db/auth/roles';
import { filesDir, openStoredFile } from '../../../db/files/store';
import { dailyReport } from '../../../db/report';
import { exportReportPdf } from '../../../db/report/export-pdf';
import { findReportFont, FONT_ENV, FONT_FACE_ENV, knownFonts } from '../../../db/report/pdf/font';
import { pdfText, squash } from '../../shared/pdf-text';
import { addIncidentRow, addNeedRow, grantSafeCompound, openStreet, STAFF, type Street } from '../buildings/fixture';

const HOUR = 3_600_000;
const D0 = new Date(2026, 11, 2).getTime();
const NOW = new Date(2026, 11, 3).getTime() + 10 * HOUR;
const fmt = (n: number) => n.toLocaleString('zh-CN');
const worker = (grids: string[]): Actor => ({ id: 'acc-grid', name: '网格员小王', role: 'grid_worker', gridIds: grids, seesPersonalData: false });

let s: Street;
beforeEach(() => {
  s = openStreet();
  addNeedRow(s.sqlite, s.territory.buildings[0]!, D0 + 9 * HOUR);
  addNeedRow(s.sqlite, s.territory.buildings[1]!, D0 + 10 * HOUR, D0 + 15 * HOUR);
  addIncidentRow(s.sqlite, s.other.buildings[0]!, D0 + 11 * HOUR);
  grantSafeCompound(s.sqlite, s.other.compound, D0 + 8 * HOUR);
});
afterEach(() => s.close());

const partFiles = () => readdirSync(filesDir(s.ctx(STAFF).dataDir)).filter((f) => f.endsWith('.part') || f.endsWith('.bin'));

describe('report.exportPdf: the 日报 as a PDF', () => {
  it('writes an A4 PDF whose selectable text has the title, the date and the service’s figures, and audits it', async () => {
    const out = await exportReportPdf(s.ctx(STAFF), { date: '2026-12-02' }, undefined, NOW);
    const r = dailyReport(s.ctx(STAFF), { date: '2026-12-02' }, NOW);
    expect(out).toMatchObject({ fileName: '中山路街道疫情防控工作日报-2026-12-02.pdf', date: '2026-12-02', scope: 'street' });
    const pdf = await pdfText(openStoredFile(s.ctx(STAFF).dataDir, out.file.id, STAFF).path);
    expect(pdf.size).toEqual({ width: 595.28, height: 841.89 });
    expect(pdf.text).toContain('中山路街道疫情防控工作日报');
    expect(pdf.squashed).toContain(squash('2026年12月2日（截至当日 24 时）'));
    expect(pdf.squashed).toContain(squash('报送单位：中山路街道（青岛市市南区）'));
    for (const heading of ['一、楼栋管控情况', '二、入户摸排情况', '三、群众求助和事件处置情况', '四、放心楼院']) expect(pdf.text).toContain(heading);
    const { needs, incidents } = r.requests;
    expect(needs.received).toBe(2);
    expect(pdf.squashed).toContain(squash(`截至当日 24 时，全街道共有楼栋 ${fmt(r.buildings.total)} 栋`));
    expect(pdf.squashed).toContain(squash(`当日新收群众求助 ${needs.received} 件、办结 ${needs.resolved} 件；新报事件 ${incidents.received} 件`));
    expect(pdf.squashed).toContain(squash(`尚未办结的求助 ${needs.open} 件、事件 ${incidents.open} 件`));
    expect(pdf.squashed).toContain(squash(`全街道共有放心楼院 ${r.safeCompounds.total} 个；当日新授予 ${r.safeCompounds.grantedToday} 个`));
    expect(r.safeCompounds.grantedToday).toBe(1);
    // The requests table: a row per kind, its figures in the service's order.
    expect(pdf.squashed).toContain(squash(`群众求助${needs.received}${needs.resolved}${needs.open}${needs.overdue}`));
    expect(pdf.squashed).toContain('报送人：值班员小李');
    expect(pdf.squashed).toContain('审核人：');
    const audit = s.sqlite.prepare(`SELECT actor_name, target, detail FROM audit_log WHERE action = 'report.export_pdf'`).get() as { actor_name: string; target: string; detail: string };
    expect(audit).toMatchObject({ actor_name: '值班员小李', target: out.fileName });
    expect(JSON.parse(audit.detail)).toMatchObject({ date: '2026-12-02', scope: 'street' });
  });

  it('covers only a grid worker’s grids, naming them', async () => {
    const mine = worker([s.territory.grid]);
    const out = await exportReportPdf(s.ctx(mine), { date: '2026-12-02' }, undefined, NOW);
    const r = dailyReport(s.ctx(mine), { date: '2026-12-02' }, NOW);
    expect(r.scope).toBe('grids');
    const pdf = await pdfText(openStoredFile(s.ctx(mine).dataDir, out.file.id, mine).path);
    expect(pdf.squashed).toContain(squash(`统计范围：${r.gridNames.join('、')}`));
    expect(pdf.squashed).toContain(squash(`所辖网格共有楼栋 ${fmt(r.buildings.total)} 栋`));
    expect(pdf.squashed).toContain(squash(`新报事件 ${r.requests.incidents.received} 件`));
    expect(r.requests.incidents.received).toBe(0);
  });

  it('stops at a cancel and leaves no file behind', async () => {
    const before = partFiles();
    let checks = 0;
    const job = {
      progress: () => undefined,
      throwIfCancelled: () => {
        if (++checks === 2) throw new Error('cancelled');
      },
    } as unknown as Parameters<typeof exportReportPdf>[2];
    await expect(exportReportPdf(s.ctx(STAFF), { date: '2026-12-02' }, job, NOW)).rejects.toThrow('cancelled');
    expect(partFiles()).toEqual(before);
    expect(s.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'report.export_pdf'`).pluck().get()).toBe(0);
  });

  it('refuses a font without Chinese glyphs, and a machine without a known font, naming what to install', async () => {
    const latin = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    if (existsSync(latin)) {
      await expect(exportReportPdf(s.ctx(STAFF), { date: '2026-12-02' }, undefined, NOW, { path: latin })).rejects.toMatchObject({
        key: 'report.fontMissingGlyphs',
        message: expect.stringContaining('缺少这些字'),
      });
    }
    expect(() => findReportFont({}, 'linux', () => false)).toThrow(expect.objectContaining({ key: 'report.noFont', message: expect.stringContaining('fonts-noto-cjk') }));
    expect(() => findReportFont({ [FONT_ENV]: '/nowhere/font.ttc' }, 'linux', () => false)).toThrow(expect.objectContaining({ message: expect.stringContaining('/nowhere/font.ttc') }));
    expect(findReportFont({ [FONT_ENV]: '/fonts/x.ttc', [FONT_FACE_ENV]: 'XSC' }, 'linux', () => true)).toEqual({ path: '/fonts/x.ttc', face: 'XSC' });
    expect(findReportFont({ WINDIR: 'C:\\Windows' }, 'win32', (p) => p.endsWith('simhei.ttf')).path).toMatch(/simhei\.ttf$/);
    expect(knownFonts('darwin', {})[0]).toEqual({ path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' });
    await expect(
      exportReportPdf(s.ctx(STAFF), { date: '2026-12-02' }, undefined, NOW, { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NoSuchFace' }),
    ).rejects.toMatchObject({ key: 'report.fontUnreadable' });
  });
});
