/**
 * A dBASE III attribute table of text fields, each as wide as its longest value in bytes.
 * @mapbox/shp-write sizes fields in characters, which cuts Chinese text written as UTF-8; this
 * writes the bytes the encoder gives (UTF-8 for export, with a .cpg saying so).
 */
export function writeDbf(rows: Record<string, string | number>[], encode: (text: string) => Uint8Array = (t) => new TextEncoder().encode(t)): Uint8Array {
  const fields = Object.keys(rows[0] ?? { name: '' });
  const cells = rows.map((row) => fields.map((f) => encode(String(row[f] ?? ''))));
  const widths = fields.map((_, i) => Math.min(254, Math.max(1, ...cells.map((c) => c[i]!.length))));
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const buf = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(buf.buffer);
  const now = new Date();
  buf[0] = 0x03;
  buf[1] = now.getFullYear() - 1900;
  buf[2] = now.getMonth() + 1;
  buf[3] = now.getDate();
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + i * 32;
    buf.set(new TextEncoder().encode(f.slice(0, 10)), at);
    buf[at + 11] = 0x43; // C: text
    buf[at + 16] = widths[i]!;
  });
  buf[headerLength - 1] = 0x0d;
  cells.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    buf[at++] = 0x20;
    row.forEach((cell, i) => {
      buf.fill(0x20, at, at + widths[i]!);
      buf.set(cell.subarray(0, widths[i]!), at);
      at += widths[i]!;
    });
  });
  buf[buf.length - 1] = 0x1a;
  return buf;
}
