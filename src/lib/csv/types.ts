import type { Rep } from "@/lib/team/types";
import type { MappingTarget, TeamField } from "./fields";

export type CsvDelimiter = "," | ";" | "\t";
export type CsvNewline = "\r\n" | "\n" | "\r";

/** How the bytes were turned into text. "text" means the caller passed an already decoded string. */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "gb18030" | "text";

export interface CsvDecoding {
  encoding: CsvEncoding;
  /** The file started with a byte-order mark. */
  bom: boolean;
}

/** A problem that stops the file from being read at all. */
export type CsvFileErrorCode =
  "too-large" | "too-many-rows" | "too-many-columns" | "empty" | "binary" | "no-data-rows";
export interface CsvFileError {
  code: CsvFileErrorCode;
  message: string;
}

/**
 * One problem in one row. `row` is the row number a spreadsheet shows for that record (the first line of
 * the file is row 1; a value with a line break inside quotes is still one row). `column` is the header as
 * written in the file (or "column C" when that header cell is empty); null for problems with the whole row.
 * `value` is the cell as written, shortened to MAX_ERROR_VALUE_CHARS.
 */
export interface CsvRowError {
  row: number;
  column: string | null;
  value: string;
  message: string;
}

export type TeamRowResult = { row: number; rep: Rep } | { row: number; errors: CsvRowError[] };

export type MatchKind = "exact" | "alias" | "remembered" | "override" | "none";

export interface ColumnMapping {
  columnIndex: number;
  /** Header as in the file (trimmed). */
  header: string;
  /** How the UI and messages name the column: the header, or "column C" when it is empty. */
  label: string;
  /** Key under which a remembered mapping stores this column. */
  normalizedHeader: string;
  target: MappingTarget | null;
  match: MatchKind;
  /** Why a likely column was left unmapped (e.g. another column already fills that field). */
  note: string | null;
}

export interface ColumnOverride {
  columnIndex: number;
  target: MappingTarget | null;
}

/** A mapping the organization used before, keyed by normalized header; null means "ignore this column". */
export type RememberedMapping = Readonly<Record<string, MappingTarget | null>>;

export type MappingProblemCode =
  "required-unmapped" | "duplicate-target" | "name-conflict" | "unknown-column";
export interface MappingProblem {
  code: MappingProblemCode;
  message: string;
  columnIndexes: number[];
}

export type PercentScale = "fraction" | "percent";

/** How one numeric column is read; decided over the whole column before any row is validated. */
export interface ColumnRule {
  columnIndex: number;
  header: string;
  field: TeamField;
  /** Decimal separator for values where it cannot be told from the value itself (e.g. "1,250"). */
  decimalSeparator: "." | ",";
  /** Plain numbers (without %) in a percent column: 0.87 as a fraction, or 87 as a percent. */
  percentScale: PercentScale | null;
  /** ISO codes the column's currency marks are compatible with; null when no cell carries one. */
  currencies: string[] | null;
  /** The rule in words, for the preview. */
  description: string;
}

export interface PlanColumn {
  columnIndex: number;
  header: string;
  label: string;
  target: MappingTarget;
}

/**
 * Everything `iterateTeamRows` needs to read the file exactly as the preview described it. Plain data, so it
 * can be serialized; the server should recompute it from the stored bytes and the user's overrides rather
 * than trust a copy sent back by the browser.
 */
export interface TeamCsvPlan {
  decoding: CsvDecoding;
  delimiter: CsvDelimiter;
  newline: CsvNewline;
  /** The file's first line was an Excel `sep=` hint (not a spreadsheet row). */
  sepLine: boolean;
  headerRow: number;
  /** Header cells up to the last non-empty one; rows may have extra cells only if they are empty. */
  width: number;
  columns: PlanColumn[];
  rules: ColumnRule[];
  organizationCurrency: string | null;
  maxRows: number;
}
