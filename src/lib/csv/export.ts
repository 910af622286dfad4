import type { Rep } from "@/lib/team/types";
import { TEAM_FIELDS, type TeamField } from "./fields";
import { plainDecimal, shiftDecimalText } from "./numbers";
import type { CsvRowError } from "./types";

/**
 * Writing CSV for people to open in Excel: UTF-8 with a byte-order mark (the string starts with U+FEFF;
 * encode it as UTF-8), comma-separated, CRLF line ends, quotes only where needed. Every cell that a
 * spreadsheet would run as a formula is neutralised (see `neutralizeCell`). Numbers are written plainly:
 * "42833.5", never "4.2e+4", never grouped, never negative (all rep values are non-negative), and a value
 * such as 1.25 that would read as "1.250" is never written with exactly three decimals, so the file reads
 * back to the same numbers. Percent fields are written with % ("87%").
 */

export const CSV_BOM = "\uFEFF";
const LINE_END = "\r\n";

/**
 * Cells starting with = + - @ tab or carriage return are formulas to Excel, LibreOffice and Google Sheets
 * (CSV injection). They get a leading apostrophe, which spreadsheets show as text and hide. A value that
 * already starts with apostrophes before such a character gets one more, so the importer (which removes one
 * apostrophe in exactly that case) reads every exported text back unchanged.
 */
export function neutralizeCell(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quoteIfNeeded(value: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One cell, neutralised and quoted. */
export function csvCell(value: string): string {
  return quoteIfNeeded(neutralizeCell(value));
}

/** "1.250" would be read as 1250 (thousands); "1.2500" is unambiguous. */
function unambiguousDecimal(text: string): string {
  return /^[1-9]\d{0,2}[.,]\d{3}$/.test(text) ? `${text}0` : text;
}

export function formatNumberCell(value: number | null, percent: boolean): string {
  if (value === null || !Number.isFinite(value)) return "";
  const decimal = plainDecimal(Math.abs(value));
  return percent ? `${unambiguousDecimal(shiftDecimalText(decimal, 2))}%` : unambiguousDecimal(decimal);
}

function repCells(rep: Rep): string[] {
  return TEAM_FIELDS.map((spec) => {
    const field = spec.target as TeamField;
    const value = rep[field];
    if (value === null) return "";
    if (typeof value === "number") return csvCell(formatNumberCell(value, spec.kind === "percent"));
    return csvCell(value);
  });
}

export const TEMPLATE_HEADERS: readonly string[] = TEAM_FIELDS.map((spec) => spec.header);

/** The export line by line (BOM and header first), for streaming a large snapshot. */
export function* iterateRepsCsv(reps: Iterable<Rep>): Generator<string, void, undefined> {
  yield CSV_BOM + TEMPLATE_HEADERS.map(csvCell).join(",") + LINE_END;
  for (const rep of reps) yield repCells(rep).join(",") + LINE_END;
}

/** Reps as a CSV with the template's headers. */
export function repsToCsv(reps: Iterable<Rep>): string {
  return [...iterateRepsCsv(reps)].join("");
}

/** The preview's errors as a CSV: row, column, value, message. */
export function errorsToCsv(errors: Iterable<CsvRowError>): string {
  const lines = [CSV_BOM + ["row", "column", "value", "message"].join(",")];
  for (const error of errors) {
    lines.push([String(error.row), error.column ?? "", error.value, error.message].map(csvCell).join(","));
  }
  return lines.join(LINE_END) + LINE_END;
}
