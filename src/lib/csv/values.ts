import { compatibleMarks, scanOptionsFor } from "./column-rules";
import { fieldSpec, type TeamField } from "./fields";
import { MAX_ERROR_VALUE_CHARS } from "./limits";
import { numberValue, scanNumber } from "./numbers";
import type { ColumnRule } from "./types";

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A cell as it may be quoted in a message: shortened, on one line. */
export function quoteCell(cell: string): string {
  const oneLine = cell.trim().replace(/\s+/g, " ");
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

/**
 * One numeric cell read with its column's rule: null when empty (or a placeholder such as "n/a" or "-"),
 * the number otherwise (possibly negative or out of range: the row schema reports those), or a message.
 */
export function parseNumericCell(
  cell: string | undefined,
  field: TeamField,
  rule: ColumnRule | undefined,
  organizationCurrency: string | null,
): CellResult<number | null> {
  if (cell === undefined) return { ok: true, value: null };
  const spec = fieldSpec(field);
  const scan = scanNumber(cell, scanOptionsFor(field));
  if (scan.kind === "empty") return { ok: true, value: null };
  if (scan.kind === "invalid") {
    const noun = spec.kind === "money" ? "an amount" : spec.kind === "percent" ? "a percentage" : "a number";
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
    if (
      organizationCurrency === null &&
      rule?.currencies &&
      !compatibleMarks(scan.currency, rule.currencies)
    ) {
      return {
        ok: false,
        message: `${quoteCell(cell)} is in ${scan.currency}, but the rest of the column is in ${rule.currencies.join("/")}`,
      };
    }
  }
  const ambiguousAsDecimal =
    scan.body.ambiguous &&
    spec.kind !== "money" &&
    spec.kind !== "count" &&
    scan.body.separator === (rule?.decimalSeparator ?? ".");
  const asPercent = spec.kind === "percent" && !scan.percent && rule?.percentScale === "percent";
  const value = numberValue(asPercent ? { ...scan, shift: scan.shift - 2 } : scan, ambiguousAsDecimal);
  if (!Number.isFinite(value))
    return { ok: false, message: `${quoteCell(cell)} is too large to be a number` };
  return { ok: true, value };
}

/** A number as a message shows it: 1200000 → "1,200,000"; percent fields as percents (1.2 → "120 %"). */
export function formatForMessage(value: number, field: TeamField): string {
  const percent = fieldSpec(field).kind === "percent";
  const shown = percent ? value * 100 : value;
  const text = shown.toLocaleString("en-US", { maximumFractionDigits: 4 });
  return percent ? `${text} %` : text;
}
