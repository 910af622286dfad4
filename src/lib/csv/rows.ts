import { cleanDecodedText, decodeWithEncoding } from "./decode";
import { tooManyRowsMessage } from "./limits";
import { isBlankRecord, readRecords, trimmedWidth, type CsvRecord } from "./parse";
import type { CsvRowError, TeamCsvPlan, TeamRowResult } from "./types";
import { createRowValidator } from "./validate";
import { quoteCell } from "./values";

/** Thrown by `iterateTeamRows` when the file has more rows than the plan allows (it changed since the preview). */
export class TeamCsvRowLimitError extends Error {
  constructor(readonly maxRows: number) {
    super(tooManyRowsMessage(maxRows));
    this.name = "TeamCsvRowLimitError";
  }
}

export function textForPlan(input: string | Uint8Array, plan: Pick<TeamCsvPlan, "decoding">): string {
  return typeof input === "string" ? cleanDecodedText(input) : decodeWithEncoding(input, plan.decoding);
}

/** Problems with the shape of a record: quotes, or a cell count that differs from the header's. */
export function shapeErrors(record: CsvRecord, width: number, delimiter: string): CsvRowError[] {
  const { row, cells } = record;
  if (record.quoteProblem === "unclosed") {
    return [
      {
        row,
        column: null,
        value: "",
        message:
          'A value in this row opens a double quote (") that is never closed, so the rest of the file was read as one value; remove the stray quote or close it.',
      },
    ];
  }
  if (record.quoteProblem === "malformed") {
    return [
      {
        row,
        column: null,
        value: "",
        message:
          'A double quote (") inside a quoted value is not doubled; inside quotes write "" for each ", or remove the quote.',
      },
    ];
  }
  if (cells.length > width && trimmedWidth(cells) > width) {
    const extra = cells.slice(width).join(delimiter);
    const hint =
      delimiter === ","
        ? " A value that contains a comma (such as $42,833.00) must be in double quotes."
        : delimiter === ";"
          ? " A value that contains a semicolon must be in double quotes."
          : "";
    return [
      {
        row,
        column: null,
        value: quoteCell(extra).slice(1, -1),
        message: `This row has ${trimmedWidth(cells)} cells but the header has ${width} columns.${hint}`,
      },
    ];
  }
  if (cells.length < width) {
    return [
      {
        row,
        column: null,
        value: "",
        message: `This row has ${cells.length} ${cells.length === 1 ? "cell" : "cells"} but the header has ${width} columns.`,
      },
    ];
  }
  return [];
}

/**
 * Read the data rows of a file under a plan from `analyzeTeamCsv`, one at a time, in file order: each is a
 * rep, or the errors that keep it from being one. Blank rows are skipped (their numbers still count, as in
 * a spreadsheet). Memory stays bounded by the chunk being parsed plus the set of emails seen, so the caller
 * can insert reps in batches as they come. Throws TeamCsvRowLimitError past `plan.maxRows` data rows.
 */
export function iterateTeamRows(
  input: string | Uint8Array,
  plan: TeamCsvPlan,
): Generator<TeamRowResult, void, undefined> {
  return iterateDecodedTeamRows(textForPlan(input, plan), plan);
}

/** `iterateTeamRows` over text already decoded and cleaned the plan's way (`analyzeTeamCsvText`'s `text`). */
export function* iterateDecodedTeamRows(
  text: string,
  plan: TeamCsvPlan,
): Generator<TeamRowResult, void, undefined> {
  const validator = createRowValidator(plan);
  let dataRows = 0;
  for (const record of readRecords(text, plan)) {
    if (record.row <= plan.headerRow || (record.quoteProblem === null && isBlankRecord(record.cells)))
      continue;
    dataRows++;
    if (dataRows > plan.maxRows) throw new TeamCsvRowLimitError(plan.maxRows);
    const shape = shapeErrors(record, plan.width, plan.delimiter);
    yield shape.length > 0
      ? { row: record.row, errors: shape }
      : validator.validate(record.row, record.cells);
  }
}
