import {
  addToColumnStats,
  createColumnStats,
  resolveColumnRule,
  type NumericColumnStats,
} from "./column-rules";
import { cleanDecodedText, decodeCsvBytes, decodeGb18030, describeEncoding } from "./decode";
import { fieldSpec, isNumericKind, type TeamField } from "./fields";
import { resolveMapping, type MappingResult } from "./headers";
import {
  MAX_BYTES,
  MAX_COLUMNS,
  MAX_REPORTED_ERRORS,
  MAX_ROWS,
  SAMPLE_ROWS,
  checkCsvByteSize,
  tooManyColumnsMessage,
  tooManyRowsMessage,
} from "./limits";
import {
  describeDelimiter,
  detectDialect,
  isBlankRecord,
  readRecords,
  trimmedWidth,
  type CsvDialect,
} from "./parse";
import { iterateDecodedTeamRows } from "./rows";
import type {
  ColumnMapping,
  ColumnOverride,
  ColumnRule,
  CsvDecoding,
  CsvDelimiter,
  CsvFileError,
  CsvRowError,
  MappingProblem,
  PlanColumn,
  RememberedMapping,
  TeamCsvPlan,
  TeamRowResult,
} from "./types";

export interface AnalyzeTeamCsvOptions {
  /** The user's choices in the preview, by column. */
  overrides?: readonly ColumnOverride[];
  /** The organization's last mapping (from `mappingToRemember`). */
  remembered?: RememberedMapping;
  /** ISO code; money cells marked with another currency are errors. */
  organizationCurrency?: string | null;
  maxBytes?: number;
  maxRows?: number;
  sampleRows?: number;
  maxReportedErrors?: number;
  /**
   * false skips the second (validation) pass: the caller validates while it reads the rows anyway (the import
   * commit does, to read the file one time fewer). Counts, errors and sample rows are then empty.
   */
  validateRows?: boolean;
}

export interface TeamCsvPreview {
  encoding: CsvDecoding;
  encodingLabel: string;
  delimiter: CsvDelimiter;
  delimiterLabel: string;
  headerRow: number;
  /** Header cells as in the file, up to the last non-empty one. */
  headers: string[];
  mapping: ColumnMapping[];
  /** Columns that fill no field; shown to the user, never silently dropped. */
  unmapped: ColumnMapping[];
  /** Mapping problems that block the import until the user changes the mapping. */
  mappingProblems: MappingProblem[];
  /** How each mapped numeric column is read (decimal mark, percent scale, currency), in words too. */
  columnRules: ColumnRule[];
  /** Data rows (blank rows not counted). */
  rowCount: number;
  validCount: number;
  invalidRowCount: number;
  errorCount: number;
  /** Errors in row order, at most `maxReportedErrors`; the caller paginates. */
  errors: CsvRowError[];
  errorsTruncated: boolean;
  /** The first rows as interpreted. */
  sampleRows: TeamRowResult[];
  /** The first rows' cells as written (each cut to 100 characters), for the mapping screen. */
  sampleCells: string[][];
  notes: string[];
  /** What `iterateTeamRows` needs; null while the mapping has problems. */
  plan: TeamCsvPlan | null;
  /** No mapping problem and no row error. */
  canImportAll: boolean;
  /** No mapping problem and at least one valid row ("import the N valid rows only"). */
  canImportValidOnly: boolean;
}

export type TeamCsvAnalysis = { ok: true; preview: TeamCsvPreview } | { ok: false; error: CsvFileError };
export type TeamCsvAnalysisWithText =
  | { analysis: { ok: true; preview: TeamCsvPreview }; text: string }
  | { analysis: { ok: false; error: CsvFileError }; text: null };

interface HeaderInfo {
  dialect: CsvDialect;
  headerRow: number;
  headers: string[];
  width: number;
}

function readHeader(text: string): HeaderInfo | null {
  const dialect = detectDialect(text);
  for (const record of readRecords(text, dialect)) {
    if (isBlankRecord(record.cells)) continue;
    const width = trimmedWidth(record.cells);
    return {
      dialect,
      headerRow: record.row,
      headers: record.cells.slice(0, width).map((h) => h.trim()),
      width,
    };
  }
  return null;
}

function mappedCount(mapping: MappingResult): number {
  return mapping.columns.filter((c) => c.target !== null).length;
}

/** UTF-8 size of a string without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const fail = (code: CsvFileError["code"], message: string): { ok: false; error: CsvFileError } => ({
  ok: false,
  error: { code, message },
});

/**
 * Read a team CSV for the preview: decode, detect the dialect, map headers, decide column rules over the
 * whole file (first pass), then validate every row (second pass) keeping only counts, the errors and the
 * first rows. Never throws on bad input: unreadable files come back as `{ ok: false, error }`.
 */
export function analyzeTeamCsv(
  input: string | Uint8Array,
  options: AnalyzeTeamCsvOptions = {},
): TeamCsvAnalysis {
  return analyzeTeamCsvText(input, options).analysis;
}

/**
 * `analyzeTeamCsv`, and the file's text as decoded for it (null when the file was refused), so a caller that
 * reads the rows next (`iterateDecodedTeamRows`) decodes the file once.
 */
export function analyzeTeamCsvText(
  input: string | Uint8Array,
  options: AnalyzeTeamCsvOptions = {},
): TeamCsvAnalysisWithText {
  const refused = (analysis: Extract<TeamCsvAnalysis, { ok: false }>) => ({ analysis, text: null });
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const maxRows = options.maxRows ?? MAX_ROWS;
  const sampleSize = options.sampleRows ?? SAMPLE_ROWS;
  const maxErrors = options.maxReportedErrors ?? MAX_REPORTED_ERRORS;
  const notes: string[] = [];

  const size = typeof input === "string" ? utf8Length(input) : input.length;
  const sizeProblem = checkCsvByteSize(size, maxBytes);
  if (sizeProblem) return refused(fail(size === 0 ? "empty" : "too-large", sizeProblem));

  let text: string;
  let decoding: CsvDecoding;
  if (typeof input === "string") {
    text = cleanDecodedText(input);
    decoding = { encoding: "text", bom: input.charCodeAt(0) === 0xfeff };
  } else {
    const decoded = decodeCsvBytes(input);
    if (!decoded.ok) return refused({ ok: false, error: decoded.error });
    text = decoded.text;
    decoding = decoded.decoding;
  }

  let header = readHeader(text);
  if (!header) return refused(fail("empty", "The file is empty: it has no header row and no data."));
  if (header.width > MAX_COLUMNS)
    return refused(fail("too-many-columns", tooManyColumnsMessage(header.width)));
  let mapping = resolveMapping(header.headers, options);

  // Not UTF-8: Windows-1252 is the usual answer, but Chinese Excel writes GBK; keep whichever reads more headers.
  if (typeof input !== "string" && decoding.encoding === "windows-1252") {
    const gbText = decodeGb18030(input);
    const gbHeader = gbText === null ? null : readHeader(gbText);
    if (gbText !== null && gbHeader) {
      const gbMapping = resolveMapping(gbHeader.headers, options);
      if (mappedCount(gbMapping) > mappedCount(mapping)) {
        text = gbText;
        header = gbHeader;
        mapping = gbMapping;
        decoding = { encoding: "gb18030", bom: false };
      }
    }
  }
  if (mappedCount(mapping) === 0) {
    notes.push(
      `No header matched a field. Row ${header.headerRow} is read as the header; if the file has no header row, add one (the template shows the names).`,
    );
  }
  if (header.dialect.sepLine)
    notes.push(`The first line "sep=" sets the delimiter; it is not counted as a row.`);

  // First pass: count rows, sample cells, gather what the column rules are decided on.
  const numericColumns = mapping.columns.filter(
    (c): c is ColumnMapping & { target: TeamField } =>
      c.target !== null && isNumericKind(fieldSpec(c.target).kind),
  );
  const stats: NumericColumnStats[] = numericColumns.map((c) =>
    createColumnStats(c.columnIndex, c.label, c.target),
  );
  // Count columns need no statistics: their rule is fixed (whole numbers; "1,050" is 1050).
  const collected = stats.filter((s) => fieldSpec(s.field).kind !== "count");
  const sampleCells: string[][] = [];
  let rowCount = 0;
  for (const record of readRecords(text, header.dialect)) {
    if (record.row <= header.headerRow || (record.quoteProblem === null && isBlankRecord(record.cells)))
      continue;
    rowCount++;
    if (rowCount > maxRows) return refused(fail("too-many-rows", tooManyRowsMessage(maxRows)));
    if (sampleCells.length < sampleSize) {
      sampleCells.push(record.cells.slice(0, header.width).map((cell) => cell.slice(0, 100)));
    }
    for (const columnStats of collected) {
      const cell = record.cells[columnStats.columnIndex];
      if (cell !== undefined) addToColumnStats(columnStats, cell);
    }
  }
  if (rowCount === 0) {
    return refused(
      fail(
        "no-data-rows",
        "The file has a header row but no data rows: add one row per rep below the header.",
      ),
    );
  }
  const columnRules = stats.map((s) => resolveColumnRule(s, header.dialect.delimiter));

  const planColumns: PlanColumn[] = mapping.columns
    .filter((c): c is ColumnMapping & { target: NonNullable<ColumnMapping["target"]> } => c.target !== null)
    .map((c) => ({ columnIndex: c.columnIndex, header: c.header, label: c.label, target: c.target }));
  const plan: TeamCsvPlan | null =
    mapping.problems.length > 0
      ? null
      : {
          decoding,
          delimiter: header.dialect.delimiter,
          newline: header.dialect.newline,
          sepLine: header.dialect.sepLine,
          headerRow: header.headerRow,
          width: header.width,
          columns: planColumns,
          rules: columnRules,
          organizationCurrency: options.organizationCurrency ?? null,
          maxRows,
        };

  // Second pass: validate every row; keep counts, errors (bounded) and the first rows.
  let validCount = 0;
  let invalidRowCount = 0;
  let errorCount = 0;
  const errors: CsvRowError[] = [];
  const sampleRows: TeamRowResult[] = [];
  if (plan && options.validateRows !== false) {
    for (const result of iterateDecodedTeamRows(text, plan)) {
      if (sampleRows.length < sampleSize) sampleRows.push(result);
      if ("rep" in result) {
        validCount++;
        continue;
      }
      invalidRowCount++;
      errorCount += result.errors.length;
      for (const error of result.errors) {
        if (errors.length < maxErrors) errors.push(error);
      }
    }
  }

  return {
    text,
    analysis: {
      ok: true,
      preview: {
        encoding: decoding,
        encodingLabel: describeEncoding(decoding),
        delimiter: header.dialect.delimiter,
        delimiterLabel: describeDelimiter(header.dialect.delimiter),
        headerRow: header.headerRow,
        headers: header.headers,
        mapping: mapping.columns,
        unmapped: mapping.unmapped,
        mappingProblems: mapping.problems,
        columnRules,
        rowCount,
        validCount,
        invalidRowCount,
        errorCount,
        errors,
        errorsTruncated: errorCount > errors.length,
        sampleRows,
        sampleCells,
        notes,
        plan,
        canImportAll: plan !== null && errorCount === 0 && validCount > 0,
        canImportValidOnly: plan !== null && validCount > 0,
      },
    },
  };
}
