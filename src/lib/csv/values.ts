import { compatibleMarks, scanOptionsFor } from "./column-rules";
import { fieldSpec, type TeamField } from "./fields";
import { MAX_ERROR_VALUE_CHARS } from "./limits";
import { numberValue, scanNumber } from "./numbers";
import type { ColumnRule } from "./types";

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A cell as it may be quoted in a message: shortened, on one line. */
export function quoteCell(cell: string): string {
  // Only as much as can be shown is looked at.
  const oneLine = cell
    .trim()
    .slice(0, MAX_ERROR_VALUE_CHARS * 4)
    .replace(/\s+/g, " ");
  const short =
    oneLine.length > MAX_ERROR_VALUE_CHARS ? `${oneLine.slice(0, MAX_ERROR_VALUE_CHARS)}…` : oneLine;
  return `"${short}"`;
}

/**
 * Text cells: trimmed, empty → null. A leading apostrophe that protects a formula character (our own
 * export writes "'=x" for "=x", as spreadsheets do) is removed, so exports read back unchanged.
 */
export function cleanText(cell: string | undefined): string | null {
  if (cell === undefined) return null;
  const trimmed = cell.trim();
  if (trimmed === "") return null;
  return /^'+[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/** 1 to 15 ASCII digits and nothing else: exactly representable, no sign, separator, mark or space. */
function isShortDigitRun(cell: string): boolean {
  const length = cell.length;
  if (length === 0 || length > 15) return false;
  for (let i = 0; i < length; i++) {
    const code = cell.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

export type NumericCellReader = (cell: string | undefined) => CellResult<number | null>;

const EMPTY_CELL: CellResult<number | null> = { ok: true, value: null };

/**
 * A reader for one numeric column under its rule, with everything that does not depend on the cell worked
 * out once. Each cell gives null when empty (or a placeholder such as "n/a" or "-"), the number otherwise
 * (possibly negative or out of range: the row schema reports those), or a message.
 */
export function numericCellReader(
  field: TeamField,
  rule: ColumnRule | undefined,
  organizationCurrency: string | null,
): NumericCellReader {
  const kind = fieldSpec(field).kind;
  const options = scanOptionsFor(field);
  const noun = kind === "money" ? "an amount" : kind === "percent" ? "a percentage" : "a number";
  // Money and counts read "1,250" as thousands; other columns use the column's decimal separator.
  const ambiguousSeparatorIsDecimal: string | null =
    kind === "money" || kind === "count" ? null : (rule?.decimalSeparator ?? ".");
  const plainIsPercent = kind === "percent" && rule?.percentScale === "percent";
  const columnCurrencies = organizationCurrency === null ? (rule?.currencies ?? null) : null;

  return (cell) => {
    if (cell === undefined) return EMPTY_CELL;
    // Most cells are a few plain digits: their value is what scanNumber would read, without its structure.
    if (!plainIsPercent && isShortDigitRun(cell)) return { ok: true, value: Number(cell) };
    const scan = scanNumber(cell, options);
    if (scan.kind === "empty") return EMPTY_CELL;
    if (scan.kind === "invalid") {
      return {
        ok: false,
        message: `${quoteCell(cell)} is not ${noun}${scan.reason ? ` (${scan.reason})` : ""}`,
      };
    }
    if (scan.currency !== null) {
      if (organizationCurrency !== null && !compatibleMarks(scan.currency, [organizationCurrency])) {
        return {
          ok: false,
          message: `${quoteCell(cell)} is in ${scan.currency}, but the organization's currency is ${organizationCurrency}`,
        };
      }
      if (columnCurrencies && !compatibleMarks(scan.currency, columnCurrencies)) {
        return {
          ok: false,
          message: `${quoteCell(cell)} is in ${scan.currency}, but the rest of the column is in ${columnCurrencies.join("/")}`,
        };
      }
    }
    const ambiguousAsDecimal = scan.body.ambiguous && scan.body.separator === ambiguousSeparatorIsDecimal;
    const value =
      plainIsPercent && !scan.percent
        ? numberValue({ ...scan, shift: scan.shift - 2 }, ambiguousAsDecimal)
        : numberValue(scan, ambiguousAsDecimal);
    if (!Number.isFinite(value))
      return { ok: false, message: `${quoteCell(cell)} is too large to be a number` };
    return { ok: true, value };
  };
}

/** One numeric cell read with its column's rule (see `numericCellReader`). */
export function parseNumericCell(
  cell: string | undefined,
  field: TeamField,
  rule: ColumnRule | undefined,
  organizationCurrency: string | null,
): CellResult<number | null> {
  return numericCellReader(field, rule, organizationCurrency)(cell);
}

/** A number as a message shows it: 1200000 → "1,200,000"; percent fields as percents (1.2 → "120%"). */
export function formatForMessage(value: number, field: TeamField): string {
  const percent = fieldSpec(field).kind === "percent";
  const shown = percent ? value * 100 : value;
  const text = shown.toLocaleString("en-US", { maximumFractionDigits: 4 });
  return percent ? `${text}%` : text;
}
