/** A cell value as exceljs gives it, turned into the text a person would read in the cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (typeof v.error === 'string') return v.error;
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value);
}

/** Dates as 2026-03-01 (or 2026-03-01 08:30 when the cell has a time). Excel dates carry no zone: read as UTC. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** A row of cells from exceljs (`row.values`: 1-based, sparse) as texts, trailing blanks dropped. */
export function rowTexts(values: unknown): string[] {
  const list = Array.isArray(values) ? (values as unknown[]).slice(1) : [];
  const texts = Array.from(list, (v) => cellText(v).trim());
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts;
}

/** Whether the first non-blank row's cells are all text: a header row holds names, not numbers or dates. */
export function isTextCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return true;
  if (typeof value === 'object' && !(value instanceof Date)) return Array.isArray((value as { richText?: unknown }).richText);
  return false;
}
