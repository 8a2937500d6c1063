import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /** Each page's text runs joined, in order. */
  pages: string[];
  /** Every page's text, joined. */
  text: string;
  /** The text without any white space: a sentence wrapped at a space reads the same. */
  squashed: string;
  /** The page size in points, of the first page. */
  size: { width: number; height: number };
}

/** Without white space, to compare with `PdfText.squashed`. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** Reads a PDF's text as a reader would select it (pdf.js: getDocument, getTextContent). */
export async function pdfText(file: string): Promise<PdfText> {
  const task = getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    const [, , width, height] = (await pdf.getPage(1)).view as [number, number, number, number];
    const text = pages.join('\n');
    return { pages, text, squashed: squash(text), size: { width, height } };
  } finally {
    await task.destroy();
  }
}
