import { ServiceError } from '../../errors';

/**
 * The text of a CSV file. Excel on a Chinese Windows saves 「CSV（逗号分隔）」 in GBK (read here as
 * GB18030, its superset), 「CSV UTF-8」 with a byte-order mark, and 「Unicode 文本」 as UTF-16 with a
 * mark; a file that is valid UTF-8 is read as UTF-8, anything else as GB18030.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw new ServiceError('INVALID_INPUT', 'import.encodingUnknown', {}, 'fileId');
    }
  }
}

/** The delimiter of the first line: Excel's 「Unicode 文本」 uses tabs, some European settings semicolons. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semis = count(';');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}
