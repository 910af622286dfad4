import { FRACTION_THRESHOLD, fieldSpec, type TeamField } from "./fields";
import { CURRENCY_MARKS, numberValue, scanNumber, type DecimalSeparator, type ScanOptions } from "./numbers";
import type { ColumnRule, CsvDelimiter, PercentScale } from "./types";

/**
 * Column-level reading rules, decided over every value of a column before any row is validated, so the
 * preview can state them and every row is read the same way:
 *
 * - Decimal separator, for values that do not show it ("1,250": one separator, three digits after). Values
 *   that do show it ("42.833,00", "0,87", "1,234,567") are evidence. Evidence of one kind only decides;
 *   none, or both kinds, falls back to the file: a ";"-delimited file uses the decimal comma, others the
 *   point. Money and count columns never need this: there "1,250" and "1.250" are always 1250, because money
 *   is not written with three decimals and counts are whole.
 * - Percent scale, for plain numbers (without %) in a percent column: read as fractions (0.87 = 87 %) when
 *   at least half of the non-zero plain values are at or below the field's threshold (1.5 for attainment,
 *   1 for remote share), else as percents (87 = 87 %). Values written with % are always read as written.
 * - Currency: the most frequent currency mark; cells carrying an incompatible mark are errors.
 */

export interface NumericColumnStats {
  columnIndex: number;
  header: string;
  field: TeamField;
  evidence: Record<DecimalSeparator, number>;
  ambiguous: number;
  withPercentSign: number;
  /** Non-zero plain values at or below / above the fraction threshold, for either decimal reading. */
  plain: Record<DecimalSeparator, { low: number; high: number }>;
  currencies: Map<string, number>;
  numbers: number;
  scanOptions: ScanOptions;
}

export function createColumnStats(columnIndex: number, header: string, field: TeamField): NumericColumnStats {
  return {
    columnIndex,
    header,
    field,
    evidence: { ".": 0, ",": 0 },
    ambiguous: 0,
    withPercentSign: 0,
    plain: { ".": { low: 0, high: 0 }, ",": { low: 0, high: 0 } },
    currencies: new Map(),
    numbers: 0,
    scanOptions: scanOptionsFor(field),
  };
}

export function scanOptionsFor(field: TeamField): ScanOptions {
  const kind = fieldSpec(field).kind;
  return { money: kind === "money", percent: kind === "percent", days: field === "salesCycleDays" };
}

export function addToColumnStats(stats: NumericColumnStats, cell: string): void {
  const scan = scanNumber(cell, stats.scanOptions);
  if (scan.kind !== "number") return;
  stats.numbers++;
  if (scan.evidence) stats.evidence[scan.evidence]++;
  if (scan.body.ambiguous) stats.ambiguous++;
  if (scan.currency) stats.currencies.set(scan.currency, (stats.currencies.get(scan.currency) ?? 0) + 1);
  if (scan.percent) {
    stats.withPercentSign++;
    return;
  }
  const threshold = FRACTION_THRESHOLD[stats.field];
  if (threshold === undefined) return;
  for (const separator of [".", ","] as const) {
    const ambiguousAsDecimal = scan.body.ambiguous && scan.body.separator === separator;
    const value = Math.abs(numberValue(scan, ambiguousAsDecimal));
    if (value === 0) continue;
    if (value <= threshold) stats.plain[separator].low++;
    else stats.plain[separator].high++;
  }
}

function formatCount(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

export function resolveColumnRule(stats: NumericColumnStats, delimiter: CsvDelimiter): ColumnRule {
  const spec = fieldSpec(stats.field);
  const sentences: string[] = [];

  const fileDefault: DecimalSeparator = delimiter === ";" ? "," : ".";
  const { ".": pointEvidence, ",": commaEvidence } = stats.evidence;
  const decimalSeparator: DecimalSeparator =
    commaEvidence > 0 && pointEvidence === 0
      ? ","
      : pointEvidence > 0 && commaEvidence === 0
        ? "."
        : fileDefault;
  const decimalName = decimalSeparator === "," ? "decimal comma" : "decimal point";
  if (spec.kind === "count") {
    sentences.push(`Whole numbers; a single "," or "." before three digits groups thousands (1,050 = 1050).`);
  } else if (spec.kind === "money") {
    if (stats.ambiguous > 0) {
      sentences.push(
        `A single "," or "." followed by three digits is a thousands separator (1,250 and 1.250 are 1250).`,
      );
    }
    if (commaEvidence > 0 && pointEvidence === 0) sentences.push(`Decimals use a comma (42.833,00 = 42833).`);
  } else if (stats.ambiguous > 0) {
    const why =
      commaEvidence > 0 || pointEvidence > 0
        ? commaEvidence > 0 && pointEvidence > 0
          ? `the column mixes both styles, so the file's delimiter decides`
          : `other values in the column use it`
        : delimiter === ";"
          ? `the file is separated by ";"`
          : `the file is separated by "${delimiter === "," ? "," : "tab"}"`;
    const example = decimalSeparator === "," ? "1,250 = 1.25" : "1,250 = 1250";
    sentences.push(
      `Numbers with one separator and three digits after it use the ${decimalName} (${example}), because ${why}.`,
    );
  }

  let percentScale: PercentScale | null = null;
  if (spec.kind === "percent") {
    const { low, high } = stats.plain[decimalSeparator];
    const threshold = FRACTION_THRESHOLD[stats.field] ?? 1;
    if (low + high > 0) {
      percentScale = low >= high ? "fraction" : "percent";
      if (percentScale === "fraction") {
        sentences.push(
          `Plain numbers are read as fractions (0.87 = 87%), because ${high === 0 ? "all" : "most"} non-zero values are at most ${threshold}` +
            (high > 0
              ? `; ${formatCount(high, "value")} above ${threshold} ${high === 1 ? "is" : "are"} read as more than ${threshold * 100}%.`
              : "."),
        );
      } else {
        sentences.push(
          `Plain numbers are read as percents (87 = 87%), because ${low === 0 ? "all" : "most"} non-zero values are above ${threshold}` +
            (low > 0
              ? `; ${formatCount(low, "value")} at or below ${threshold} ${low === 1 ? "is" : "are"} read as that many percent (0.9 = 0.9%).`
              : "."),
        );
      }
    }
    if (stats.withPercentSign > 0) sentences.push(`Values written with % are read as written.`);
  }

  let currencies: string[] | null = null;
  if (stats.currencies.size > 0) {
    const [dominant] = [...stats.currencies.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (dominant !== undefined) {
      const codes = CURRENCY_MARKS[dominant] ?? [dominant];
      currencies = [...codes];
      const mixed = [...stats.currencies.keys()].some((mark) => !compatibleMarks(mark, codes));
      sentences.push(`Amounts are in ${dominant}${mixed ? "; cells in another currency are errors" : ""}.`);
    }
  }

  if (sentences.length === 0)
    sentences.push(spec.kind === "count" ? "Whole numbers." : "Numbers as written.");
  return {
    columnIndex: stats.columnIndex,
    header: stats.header,
    field: stats.field,
    decimalSeparator,
    percentScale,
    currencies,
    description: sentences.join(" "),
  };
}

/** Whether a currency mark can stand for one of the given ISO codes ("$" can be USD; "€" cannot). */
export function compatibleMarks(mark: string, codes: readonly string[]): boolean {
  const markCodes = CURRENCY_MARKS[mark] ?? [mark];
  return markCodes.some((code) => codes.includes(code));
}
