import Papa from "papaparse";
import type { CsvDelimiter, CsvNewline } from "./types";

/**
 * The CSV grammar (quotes, escaped quotes, delimiters and line breaks inside quotes) is Papa Parse's. This
 * file decides the dialect, feeds the text to Papa's low-level parser in chunks so rows can be pulled one at a
 * time without building them all, and numbers the records the way a spreadsheet numbers its rows.
 */

export interface CsvDialect {
  delimiter: CsvDelimiter;
  newline: CsvNewline;
  /** The first line is Excel's `sep=;` hint; it is not a row (Excel hides it). */
  sepLine: boolean;
}

export type QuoteProblem = "unclosed" | "malformed";

export interface CsvRecord {
  /** Spreadsheet row number: 1 for the first line after any `sep=` line; one per record, blank lines included. */
  row: number;
  cells: string[];
  quoteProblem: QuoteProblem | null;
}

export const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

export function describeDelimiter(delimiter: CsvDelimiter): string {
  return delimiter === "," ? "comma (,)" : delimiter === ";" ? "semicolon (;)" : "tab";
}

const SEP_LINE = /^sep=([,;\t])(\r\n|\n|\r|$)/i;
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;
export const CHUNK_CHARS = 64 * 1024;

interface PapaChunkResult {
  data: string[][];
  errors: Array<{ code?: string; row?: number }>;
  meta: { cursor: number };
}

/**
 * The line break that ends the first record (outside quotes): the header's. Counting every line break
 * instead would be fooled by exports whose rows end in CRLF while multi-line cells hold bare LFs.
 * "\n" when the file is one line.
 */
export function detectNewline(text: string): CsvNewline {
  let inQuotes = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 13) return text.charCodeAt(i + 1) === 10 ? "\r\n" : "\r";
    else if (!inQuotes && c === 10) return "\n";
  }
  return "\n";
}

function sepLineLength(text: string): number {
  const match = SEP_LINE.exec(text);
  return match ? match[0].length : 0;
}

export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** Cells up to the last non-empty one. */
export function trimmedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? "").trim() === "") width--;
  return width;
}

/** Where a quote-aware scan for the end of a long record has got to (see `readRecords`). */
interface RecordScan {
  /** The record's first character. */
  start: number;
  /** The next character to look at. */
  at: number;
  quoted: boolean;
}

/**
 * Scan `text` from `scan.at` for the first line break outside double quotes (every `"` toggles being inside
 * quotes, so doubled quotes leave it unchanged), looking at no more than `budget` characters. Returns the index just
 * after that line break, or -1 when the budget ran out first; `scan` keeps the position, so scanning one record
 * costs its length once however many times it is resumed.
 */
function scanForRecordEnd(text: string, scan: RecordScan, newline: CsvNewline, budget: number): number {
  const end = Math.min(text.length, scan.at + budget);
  const first = newline.charCodeAt(0);
  let { at, quoted } = scan;
  for (; at < end; at++) {
    const c = text.charCodeAt(at);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === first && (newline.length === 1 || text.charCodeAt(at + 1) === 10)) {
      scan.at = at + newline.length;
      scan.quoted = false;
      return scan.at;
    }
  }
  scan.at = at;
  scan.quoted = quoted;
  return -1;
}

/**
 * Pull records one at a time. Papa's parser gets 64 K characters at a time and is told to leave the last,
 * possibly incomplete record for the next round; a record longer than the chunk doubles the chunk. Small
 * chunks keep the rows alive at any moment few (less garbage-collector work, and a rep the caller keeps
 * pins at most 64 K of the text).
 */
export function* readRecords(text: string, dialect: CsvDialect): Generator<CsvRecord, void, undefined> {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
  let start = dialect.sepLine ? sepLineLength(text) : 0;
  let chunkChars = CHUNK_CHARS;
  let scan: RecordScan = { start: -1, at: 0, quoted: false };
  let row = 0;
  while (start < text.length) {
    const end = Math.min(text.length, start + chunkChars);
    const isLast = end >= text.length;
    const result: PapaChunkResult = parser.parse(text.slice(start, end), 0, !isLast);
    if (!isLast && result.data.length === 0) {
      // A record longer than the chunk: the parser starts it again with a longer chunk. Doubling alone parses a
      // 1 MB record about three times over (64 K, 128 K, … 2 M), and the parser is slow on quotes; a scan for the
      // line break that ends it (outside quotes) sizes the next chunk to hold it, so it is usually parsed twice at
      // most. The chunk at least doubles each time, so a scan misled by stray quotes costs no more than before.
      if (scan.start !== start) scan = { start, at: start, quoted: false };
      const recordEnd = scanForRecordEnd(text, scan, dialect.newline, chunkChars * 16);
      const scanned = (recordEnd === -1 ? scan.at : recordEnd) - start;
      chunkChars = Math.max(chunkChars * 2, scanned + CHUNK_CHARS);
      continue;
    }
    chunkChars = CHUNK_CHARS;
    const problems = new Map<number, QuoteProblem>();
    for (const error of result.errors) {
      if (error.row === undefined || error.row >= result.data.length) continue;
      if (error.code === "MissingQuotes") problems.set(error.row, "unclosed");
      else if (error.code === "InvalidQuotes" && !problems.has(error.row))
        problems.set(error.row, "malformed");
    }
    for (let i = 0; i < result.data.length; i++) {
      row++;
      yield { row, cells: result.data[i] ?? [], quoteProblem: problems.get(i) ?? null };
    }
    if (isLast) return;
    start += result.meta.cursor;
  }
}

interface DelimiterScore {
  delimiter: CsvDelimiter;
  splits: boolean;
  consistency: number;
  width: number;
}

function scoreDelimiter(
  sample: string,
  delimiter: CsvDelimiter,
  newline: CsvNewline,
  complete: boolean,
): DelimiterScore {
  const counts: number[] = [];
  for (const record of readRecords(sample, { delimiter, newline, sepLine: false })) {
    if (isBlankRecord(record.cells)) continue;
    counts.push(record.cells.length);
    if (counts.length > SAMPLE_RECORDS) break;
  }
  // The sample may end mid-record; its last record says nothing about the file.
  if (!complete && counts.length > 2) counts.pop();
  const header = counts[0] ?? 0;
  const rows = counts.slice(1);
  const consistent = rows.filter((count) => count === header).length;
  return {
    delimiter,
    splits: header > 1,
    consistency: rows.length === 0 ? 1 : consistent / rows.length,
    width: header,
  };
}

/**
 * The delimiter that splits the header into more than one column and gives the most rows the same number
 * of cells as the header; then the one giving more columns; then comma, semicolon, tab in that order.
 */
export function detectDelimiter(text: string, newline: CsvNewline): CsvDelimiter {
  const complete = text.length <= SAMPLE_CHARS;
  const sample = complete ? text : text.slice(0, SAMPLE_CHARS);
  let best: DelimiterScore | null = null;
  for (const delimiter of DELIMITERS) {
    const score = scoreDelimiter(sample, delimiter, newline, complete);
    if (!score.splits) continue;
    if (
      best === null ||
      score.consistency > best.consistency ||
      (score.consistency === best.consistency && score.width > best.width)
    ) {
      best = score;
    }
  }
  if (best) return best.delimiter;
  // Nothing splits the header (a one-column file, or only blank rows): the most frequent candidate, else ",".
  let mostFrequent: CsvDelimiter = ",";
  let highest = 0;
  for (const delimiter of DELIMITERS) {
    const count = sample.split(delimiter).length - 1;
    if (count > highest) {
      highest = count;
      mostFrequent = delimiter;
    }
  }
  return mostFrequent;
}

export function detectDialect(text: string): CsvDialect {
  const sep = SEP_LINE.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  const newline = detectNewline(body);
  const hinted = sep?.[1];
  if (hinted === "," || hinted === ";" || hinted === "\t")
    return { delimiter: hinted, newline, sepLine: true };
  return { delimiter: detectDelimiter(body, newline), newline, sepLine: sep !== null };
}
