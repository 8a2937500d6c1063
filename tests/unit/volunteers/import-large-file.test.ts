import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { directJob } from '../../../db/imports/direct-job';
import { importJobs } from '../../../electron/rpc/domains/import-kinds';
import { ADMIN } from '../helpers/actors';
import { dataState, openImportStreet, upload, xlsx, type ImportStreet } from './street';

let s: ImportStreet | undefined;
afterEach(() => s?.close());

const MB = 1024 * 1024;
const HEADER = ['姓名', '性别', '联系电话', '志愿者类型'];
const ROWS = [
  ['张三', '男', '13812345678', '群众'],
  ['李四', '女', '13912345678', '青年'],
];

/** The parts of a real sign-up sheet, re-zipped with the part `name` added (or written by `part` in its place). */
async function withPart(name: string, part: Uint8Array | ((zip: Zip) => void)): Promise<Buffer> {
  const parts = unzipSync(new Uint8Array(await xlsx([HEADER, ...ROWS], {}, '报名表')));
  if (part instanceof Uint8Array) return Buffer.from(zipSync({ ...parts, [name]: [part, { level: 0 }] }));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [n, bytes] of Object.entries(parts)) {
    if (n === name) continue;
    const entry = new ZipPassThrough(n);
    zip.add(entry);
    entry.push(bytes, true);
  }
  part(zip);
  zip.end();
  return Buffer.concat(chunks);
}

async function stage(file: Buffer) {
  s = openImportStreet();
  const ctx = s.host.context(ADMIN);
  const before = dataState(s.sqlite);
  const fileId = upload(s, '报名表.xlsx', file);
  return { ctx, before, run: () => importJobs.stage(ctx, { kind: 'volunteers', fileId }, directJob(ctx)) };
}

describe('a 50 MB sign-up sheet', () => {
  it('with a 50 MB picture in it is read: the reader passes over media and imports the rows', async () => {
    const file = await withPart('xl/media/image1.png', randomBytes(50 * MB));
    expect(file.length).toBeGreaterThan(50 * MB);
    const { run } = await stage(file);
    const staged = await run();
    expect(staged.status).toBe('ready');
    expect(staged.counts).toMatchObject({ total: 2, create: 2 });
  });

  it('whose shared strings unpack past the limit is refused naming the limit, nothing written', async () => {
    // 50 MB of picture, and shared strings of 300 MB that deflate to little: what the reader would have to hold.
    const picture = randomBytes(50 * MB);
    const chunk = strToU8('<si><t>志愿者报名表填写说明</t></si>'.repeat(30_000));
    const file = await withPart('xl/sharedStrings.xml', (zip) => {
      const media = new ZipPassThrough('xl/media/image1.png');
      zip.add(media);
      media.push(picture, true);
      const strings = new ZipDeflate('xl/sharedStrings.xml', { level: 1 });
      zip.add(strings);
      strings.push(strToU8('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'));
      for (let written = 0; written < 300 * MB; written += chunk.length) strings.push(chunk);
      strings.push(strToU8('</sst>'), true);
    });
    expect(file.length).toBeGreaterThan(50 * MB);
    const { run, before, ctx } = await stage(file);
    await expect(run()).rejects.toThrow(/解压后有 3\d\d\.\d MB，超过上限 256 MB/);
    expect(dataState(ctx.sqlite)).toEqual(before);
  });
});
