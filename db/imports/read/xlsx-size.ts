import { readFileSync, statSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { ServiceError } from '../../errors';

const MB = 1024 * 1024;
/** The largest .xlsx an import reads: beyond it the sheet is to be split (the upload itself allows more). */
export const XLSX_MAX_FILE_MB = 100;
/** The most the worksheets and the shared strings may unpack to: the reader holds the strings and the rows in memory. */
export const XLSX_MAX_UNPACKED_MB = 256;

/** The parts the reader parses: worksheets and the shared strings (media, drawings and the rest are passed over). */
const PARSED = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

const mb = (bytes: number) => (bytes / MB).toFixed(1);

/**
 * Refuses, before reading, an .xlsx too large to read without holding the page or the memory: the
 * file over 100 MB, or worksheets and shared strings that unpack to more than 256 MB (a sheet of a
 * few MB can unpack to gigabytes). The sizes come from the zip's central directory; nothing is
 * inflated. A file whose directory cannot be read is left to the reader, which names it broken.
 */
export function checkXlsxSize(path: string, fileName: string): void {
  const size = statSync(path).size;
  if (size > XLSX_MAX_FILE_MB * MB) throw new ServiceError('INVALID_INPUT', 'import.xlsxTooLarge', { file: fileName, size: mb(size), limit: XLSX_MAX_FILE_MB }, 'fileId');
  let unpacked = 0;
  try {
    unzipSync(readFileSync(path), {
      filter: (entry) => {
        if (PARSED.test(entry.name)) unpacked += entry.originalSize;
        return false;
      },
    });
  } catch {
    return;
  }
  if (unpacked > XLSX_MAX_UNPACKED_MB * MB) {
    throw new ServiceError('INVALID_INPUT', 'import.xlsxUnpackedTooLarge', { file: fileName, size: mb(unpacked), limit: XLSX_MAX_UNPACKED_MB }, 'fileId');
  }
}
