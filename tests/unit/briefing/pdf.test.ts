import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefing } from '../../../db/briefing';
import { exportBriefingPdf } from '../../../db/briefing/export-pdf';
import { figureValue } from '../../../db/briefing/pdf/words';
import { BRIEFING_PDF_WORDS } from '../../../messages/briefing-words';
import { filesDir, openStoredFile } from '../../../db/files/store';
import { pdfText, squash } from '../../shared/pdf-text';
import { addIncidentRow, addNeedRow, grantSafeCompound, LEADER, openStreet, type Street } from '../buildings/fixture';

const HOUR = 3_600_000;
const NOW = new Date(2026, 11, 3, 10, 5).getTime();

let s: Street;
beforeEach(() => {
  s = openStreet();
  addNeedRow(s.sqlite, s.territory.buildings[0]!, NOW - 3 * HOUR);
  addIncidentRow(s.sqlite, s.other.buildings[0]!, NOW - 2 * HOUR);
  grantSafeCompound(s.sqlite, s.other.compound, NOW - 30 * HOUR);
});
afterEach(() => s.close());

describe('briefing.exportPdf: today’s 大屏 on one page', () => {
  it('writes one landscape A4 page holding every figure, status and community as the service counts them, and audits it', async () => {
    const out = await exportBriefingPdf(s.ctx(LEADER), undefined, NOW);
    const data = briefing(s.ctx(LEADER), {}, NOW);
    const file = openStoredFile(s.ctx(LEADER).dataDir, out.file.id, LEADER);
    expect(out.fileName).toBe(`${data.street}大屏快照-2026-12-03-1005.pdf`);
    const pdf = await pdfText(file.path);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.size).toEqual({ width: 841.89, height: 595.28 });
    expect(pdf.squashed).toContain(squash(`${data.street}指挥大屏快照`));
    expect(pdf.squashed).toContain(squash('截至 2026年12月3日 10:05'));
    expect(data.figures.length).toBeGreaterThanOrEqual(8);
    for (const f of data.figures) {
      const label = BRIEFING_PDF_WORDS[`briefing.figure.${f.key}`];
      expect(pdf.squashed, f.key).toContain(squash(`${label}${f.attention ? '（需关注）' : ''}${figureValue(f, f.value)}`));
    }
    expect(data.figures.find((f) => f.key === 'openNeeds')).toMatchObject({ value: 1 });
    expect(pdf.squashed).toContain(squash(`未完成求助1—24 小时新增 1`));
    for (const st of data.byStatus) expect(pdf.squashed).toContain(squash(`${data.statuses.find((d) => d.key === st.status)!.label}${st.buildings}${st.yesterday}`));
    for (const c of data.communities) expect(pdf.squashed).toContain(squash(`${c.name}${c.buildings}${c.controlled}${c.safeCompounds}`));
    const audit = s.sqlite.prepare("SELECT actor_name, target, detail FROM audit_log WHERE action = 'briefing.export_pdf'").all();
    expect(audit).toEqual([{ actor_name: LEADER.name, target: out.fileName, detail: expect.stringContaining('全街道') }]);
  });

  it('stays on one page for a street of thirty communities', async () => {
    const columns = (s.sqlite.prepare('PRAGMA table_info(communities)').all() as { name: string }[]).map((c) => c.name).filter((c) => !['id', 'code', 'name'].includes(c));
    const insert = s.sqlite.prepare(`INSERT INTO communities (id, code, name, ${columns.join(', ')}) SELECT ?, code || ?, ? || name, ${columns.join(', ')} FROM communities LIMIT 1`);
    for (let i = 0; i < 28; i++) insert.run(`01900000-0000-7000-8000-0000000${String(i).padStart(5, '0')}`, `-${i}`, `第${i}`);
    const out = await exportBriefingPdf(s.ctx(LEADER), undefined, NOW);
    const data = briefing(s.ctx(LEADER), {}, NOW);
    expect(data.communities.length).toBeGreaterThanOrEqual(30);
    const pdf = await pdfText(openStoredFile(s.ctx(LEADER).dataDir, out.file.id, LEADER).path);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.squashed).toContain(squash(data.communities.at(-1)!.name));
  });

  it('leaves no file when cancelled', async () => {
    const job = { progress: () => undefined, throwIfCancelled: () => { throw new Error('cancelled'); } } as unknown as Parameters<typeof exportBriefingPdf>[1];
    await expect(exportBriefingPdf(s.ctx(LEADER), job, NOW)).rejects.toThrow('cancelled');
    expect(readdirSync(filesDir(s.ctx(LEADER).dataDir))).toEqual([]);
  });
});
