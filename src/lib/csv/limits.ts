/** Upload limits. The page states them; the server enforces them before and while reading. */
export const MAX_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
/**
 * Columns of the header row. A team file has a few dozen, a wide CRM export some thousands; past this many the
 * header is refused before any of it is matched, so a million one-character header cells cannot make it slow.
 */
export const MAX_COLUMNS = 10_000;

/**
 * Errors kept in one preview. Every error is counted (`errorCount`), but a file where every row is wrong
 * would otherwise hold millions of error objects; past this many the preview says the list is truncated.
 */
export const MAX_REPORTED_ERRORS = 50_000;

/** Rows shown as interpreted in the preview. */
export const SAMPLE_ROWS = 20;

/** Longest text kept for a name, title or team, and longest value echoed back in an error. */
export const MAX_TEXT_CHARS = 200;
export const MAX_ERROR_VALUE_CHARS = 80;

/**
 * Longest cells the readers look at: a longer header is not matched (the user maps it by hand), a longer
 * numeric or role cell is refused before any pattern runs, so no cell can make matching slow. Numbers allow
 * the longest plain decimal our own export writes (5e-324 in full is 326 characters) with room for marks.
 */
export const MAX_HEADER_CHARS = 200;
export const MAX_NUMBER_CHARS = 400;
export const MAX_ROLE_CHARS = 100;

export function formatLimitBytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function tooManyRowsMessage(maxRows: number): string {
  return `The file has more than ${maxRows.toLocaleString("en-US")} rows; split it into files of at most ${maxRows.toLocaleString("en-US")} rows.`;
}

export function tooManyColumnsMessage(columns: number, maxColumns: number = MAX_COLUMNS): string {
  return `The header row has ${columns.toLocaleString("en-US")} columns; a team file can have at most ${maxColumns.toLocaleString("en-US")}. Check that the file uses one delimiter (comma, semicolon or tab) and remove the columns that are not needed.`;
}

/**
 * Check a file's size before reading it (from `File.size` in the browser or `Content-Length` on the server).
 * Returns the message to show, or null when the size is within the limit.
 */
export function checkCsvByteSize(byteSize: number, maxBytes: number = MAX_BYTES): string | null {
  if (!Number.isFinite(byteSize) || byteSize < 0) return "The file size could not be read.";
  if (byteSize === 0) return "The file is empty.";
  if (byteSize > maxBytes) {
    return `The file is ${formatLimitBytes(byteSize)}; the limit is ${formatLimitBytes(maxBytes)}.`;
  }
  return null;
}
