import { CSV_BOM, csvCell } from "./export";
import { readRecords, trimmedWidth, type CsvRecord } from "./parse";
import { textForPlan } from "./rows";
import type { CsvRowError, TeamCsvPlan } from "./types";

/**
 * Fixing a file in the preview. The user's corrections are cells by spreadsheet row and column index; they are
 * written into a copy of the file, which is then read again exactly as an upload is (the same analysis, in the
 * browser and then on the server), so a fix that is still wrong stays an error with the same message.
 */

/** Errors the preview lets the user fix one by one; past this many the file must be fixed elsewhere. */
export const MAX_INLINE_FIXES = 100;

/** Corrections: row number → column index → the new cell text. */
export type CellEdits = ReadonlyMap<number, ReadonlyMap<number, string>>;

export type InlineFixRefusal = "too-many-errors" | "quote-problems";

export function inlineFixRefusalMessage(reason: InlineFixRefusal, errorCount: number): string {
  return reason === "too-many-errors"
    ? `The file has ${errorCount.toLocaleString("en-US")} problems, more than the ${MAX_INLINE_FIXES} that can be fixed here: download the file with its errors, fix it in a spreadsheet and upload it again.`
    : "The file has rows with broken quotes, which cannot be fixed here: fix them in the file and upload it again.";
}

/** A cell written back so it reads as the same text: quoted when it holds a quote, the delimiter, a line break or edge spaces. */
function rawCell(value: string, delimiter: string): string {
  return value.includes('"') ||
    value.includes(delimiter) ||
    value.includes("\n") ||
    value.includes("\r") ||
    /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** The file's records; the empty record after a final line break is not one. */
function* fileRecords(text: string, plan: TeamCsvPlan): Generator<CsvRecord, void, undefined> {
  let pending: CsvRecord | null = null;
  for (const record of readRecords(text, plan)) {
    if (pending) yield pending;
    pending = record;
  }
  const endsWithBreak = text.endsWith("\n") || text.endsWith("\r");
  if (pending && !(endsWithBreak && pending.cells.length === 1 && pending.cells[0] === "")) yield pending;
}

/**
 * The file with the corrections written in, as text (the caller encodes it as UTF-8). Every record is written
 * again, blank ones included, so row numbers stay those of the original; a `sep=` line is kept. Returns null when
 * a record has broken quotes (rewriting it would change what the rest of the file means).
 */
export function applyCellEdits(
  input: string | Uint8Array,
  plan: TeamCsvPlan,
  edits: CellEdits,
): string | null {
  const text = textForPlan(input, plan);
  const lines: string[] = [];
  if (plan.sepLine) lines.push(`sep=${plan.delimiter}`);
  for (const record of fileRecords(text, plan)) {
    if (record.quoteProblem !== null) return null;
    const rowEdits = edits.get(record.row);
    let cells = record.cells;
    if (rowEdits) {
      cells = [...cells];
      for (const [column, value] of rowEdits) {
        while (cells.length <= column) cells.push("");
        cells[column] = value;
      }
    }
    lines.push(cells.map((cell) => rawCell(cell, plan.delimiter)).join(plan.delimiter));
  }
  const endsWithBreak = text.endsWith("\n") || text.endsWith("\r");
  return lines.join(plan.newline) + (endsWithBreak ? plan.newline : "");
}

/**
 * The original file with one more column, "Errors", holding each row's problems ("column: message; …"), for
 * fixing in a spreadsheet: UTF-8 with a byte-order mark, the file's own delimiter, formulas neutralised as in
 * every export. Blank rows are kept so row numbers match the messages.
 */
export function fileWithErrorColumn(
  input: string | Uint8Array,
  plan: TeamCsvPlan,
  errors: readonly CsvRowError[],
): string {
  const byRow = new Map<number, string[]>();
  for (const error of errors) {
    const list = byRow.get(error.row) ?? [];
    list.push(error.column === null ? error.message : `${error.column}: ${error.message}`);
    byRow.set(error.row, list);
  }
  const lines: string[] = [];
  for (const record of fileRecords(textForPlan(input, plan), plan)) {
    // Extra empty cells at the end are dropped, so the errors column lines up; extra values are kept.
    const cells = record.cells.slice(0, Math.max(plan.width, trimmedWidth(record.cells)));
    while (cells.length < plan.width) cells.push("");
    const extra =
      record.row === plan.headerRow
        ? "Errors"
        : record.row < plan.headerRow
          ? ""
          : (byRow.get(record.row)?.join("; ") ?? "");
    lines.push([...cells, extra].map(csvCell).join(plan.delimiter));
  }
  return CSV_BOM + lines.join("\r\n") + "\r\n";
}
