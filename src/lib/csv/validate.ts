import { z } from "zod";
import { REP_ROLES, type Rep } from "@/lib/team/types";
import { TEAM_FIELDS, fieldSpec, isNumericKind, type TeamField, type TeamFieldSpec } from "./fields";
import { MAX_ERROR_VALUE_CHARS, MAX_TEXT_CHARS } from "./limits";
import { parseRole } from "./roles";
import type { ColumnRule, CsvRowError, PlanColumn, TeamCsvPlan } from "./types";
import { cleanText, formatForMessage, numericCellReader, quoteCell, type CellResult } from "./values";

/**
 * One row becomes a rep in two steps. First each cell is read by its column's rule (numbers, currencies,
 * percents, roles: "abc" is not a number). Then the rep as read is validated with zod: required fields,
 * non-negative, whole counts, plausible ranges (TEAM_FIELDS' max), email format, text length, and OTE not
 * below base pay. The range checks live in one object-level refinement rather than a zod check per field:
 * the same rules, all of a row's problems reported together, at about a fifth of the cost per row.
 */

const EMAIL = z.regexes.email;
const NUMERIC_SPECS = TEAM_FIELDS.filter((spec) => isNumericKind(spec.kind));
const BASE_MAX = fieldSpec("baseSalary").max ?? Number.MAX_SAFE_INTEGER;

function numericProblem(spec: TeamFieldSpec, value: number): string | null {
  const field = spec.target as TeamField;
  if (value < 0) return `${spec.label} cannot be negative (${String(value)})`;
  if (spec.kind === "count" && !Number.isInteger(value)) {
    return `${spec.label} must be a whole number, not ${String(value)}`;
  }
  if (spec.max !== null && value > spec.max) {
    return `${spec.label} of ${formatForMessage(value, field)} is over the limit of ${spec.maxLabel ?? spec.max}`;
  }
  return null;
}

/** Where a check reports a problem with one field of a rep. */
type IssueSink = (field: TeamField, message: string) => void;

function checkRep(rep: Record<TeamField, unknown>, issue: IssueSink): void {
  const name = rep.name;
  if (typeof name !== "string" || name === "") issue("name", "name is required");
  else if (name.length > MAX_TEXT_CHARS) issue("name", `name is longer than ${MAX_TEXT_CHARS} characters`);
  if (rep.role === null) issue("role", "role is required (inside, outside or hybrid)");
  if (typeof rep.email === "string" && !EMAIL.test(rep.email)) {
    issue("email", `${quoteCell(rep.email)} is not an email address`);
  }
  for (const field of ["title", "team"] as const) {
    const text = rep[field];
    if (typeof text === "string" && text.length > MAX_TEXT_CHARS) {
      issue(field, `${field} is longer than ${MAX_TEXT_CHARS} characters`);
    }
  }
  for (const spec of NUMERIC_SPECS) {
    const value = rep[spec.target as TeamField];
    if (typeof value !== "number") continue;
    const problem = numericProblem(spec, value);
    if (problem) issue(spec.target as TeamField, problem);
  }
  // OTE is base plus variable pay, so it cannot be below the base salary.
  const { baseSalary: base, ote } = rep;
  if (
    typeof base === "number" &&
    typeof ote === "number" &&
    base >= 0 &&
    base <= BASE_MAX &&
    ote >= 0 &&
    ote < base
  ) {
    issue(
      "ote",
      `OTE (${formatForMessage(ote, "ote")}) is below the base salary (${formatForMessage(base, "baseSalary")}); OTE includes base pay`,
    );
  }
}

const nullableNumber = z.number().nullable();

/** A rep as read from one row, validated. Cells that could not be read are null here (already reported). */
export const repSchema = z
  .object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    role: z.enum(REP_ROLES).nullable(),
    title: z.string().nullable(),
    team: z.string().nullable(),
    baseSalary: nullableNumber,
    ote: nullableNumber,
    annualQuota: nullableNumber,
    quotaAttainment: nullableNumber,
    calls: nullableNumber,
    voicemails: nullableNumber,
    emails: nullableNumber,
    socialTouches: nullableNumber,
    meetings: nullableNumber,
    dealsWon: nullableNumber,
    avgDealSize: nullableNumber,
    salesCycleDays: nullableNumber,
    decisionMakers: nullableNumber,
    remoteSellingPct: nullableNumber,
  })
  .superRefine((rep, ctx) =>
    checkRep(rep, (field, message) => ctx.addIssue({ code: "custom", path: [field], message })),
  );

type CellReader = (cell: string) => CellResult<unknown>;

function readerFor(
  field: TeamField,
  rule: ColumnRule | undefined,
  organizationCurrency: string | null,
): CellReader {
  const spec = fieldSpec(field);
  switch (spec.kind) {
    case "name":
      return (cell) => ({ ok: true, value: cleanText(cell) ?? "" });
    case "email":
      return (cell) => ({ ok: true, value: cleanText(cell)?.toLowerCase() ?? null });
    case "role":
      return (cell) => {
        const role = parseRole(cell);
        return role.ok ? { ok: true, value: role.role } : { ok: false, message: role.message };
      };
    case "text":
      return (cell) => ({ ok: true, value: cleanText(cell) });
    default:
      return numericCellReader(field, rule, organizationCurrency);
  }
}

/** A fresh all-null row, written out so every row object has the same shape (fast to build and to read). */
function nullCandidate(): Record<TeamField, unknown> {
  return {
    name: null,
    email: null,
    role: null,
    title: null,
    team: null,
    baseSalary: null,
    ote: null,
    annualQuota: null,
    quotaAttainment: null,
    calls: null,
    voicemails: null,
    emails: null,
    socialTouches: null,
    meetings: null,
    dealsWon: null,
    avgDealSize: null,
    salesCycleDays: null,
    decisionMakers: null,
    remoteSellingPct: null,
  };
}

/**
 * A copy of a short string that does not keep the parsed chunk alive. Cells are substrings of a ~1 MB
 * chunk of the file, and JavaScript engines keep the whole chunk while any substring of it lives; values kept
 * for the whole file (emails seen, error values) must be copies or the file would stay in memory.
 */
export function detach(text: string): string {
  return (" " + text).slice(1);
}

function shortValue(cell: string): string {
  return detach(cell.length > MAX_ERROR_VALUE_CHARS ? `${cell.slice(0, MAX_ERROR_VALUE_CHARS)}…` : cell);
}

export interface RowValidator {
  /** Validate the cells of one data row (already checked for shape) and remember its email. */
  validate(
    row: number,
    cells: readonly string[],
  ): { row: number; rep: Rep } | { row: number; errors: CsvRowError[] };
}

/**
 * Validates rows one at a time under a plan and reports duplicate emails (case-insensitive) against every
 * earlier row of the file.
 */
export function createRowValidator(plan: TeamCsvPlan): RowValidator {
  const readers = plan.columns
    .filter((column) => column.target !== "firstName" && column.target !== "lastName")
    .map((column) => {
      const field = column.target as TeamField;
      const rule = plan.rules.find((r) => r.columnIndex === column.columnIndex);
      return { column, field, read: readerFor(field, rule, plan.organizationCurrency) };
    });
  const nameParts = plan.columns.filter((c) => c.target === "firstName" || c.target === "lastName");
  const hasNameColumn = readers.some((r) => r.field === "name");
  const columnByField = new Map<TeamField, PlanColumn>(readers.map((r) => [r.field, r.column]));
  if (!hasNameColumn && nameParts[0]) columnByField.set("name", nameParts[0]);
  const firstRowByEmail = new Map<string, number>();

  const errorAt = (row: number, cells: readonly string[], field: TeamField, message: string): CsvRowError => {
    const column = columnByField.get(field);
    return {
      row,
      column: column?.label ?? fieldSpec(field).header,
      value: shortValue(column ? (cells[column.columnIndex] ?? "") : ""),
      message,
    };
  };

  return {
    validate(row, cells) {
      const candidate = nullCandidate();
      const errors: CsvRowError[] = [];
      // Fields already reported, so zod's view of the same cell is not reported twice.
      const failed: TeamField[] = [];
      for (const reader of readers) {
        const result = reader.read(cells[reader.column.columnIndex] ?? "");
        if (result.ok) candidate[reader.field] = result.value;
        else {
          failed.push(reader.field);
          errors.push(errorAt(row, cells, reader.field, result.message));
        }
      }
      if (!hasNameColumn) {
        candidate.name = nameParts
          .map((column) => cleanText(cells[column.columnIndex]))
          .filter((part): part is string => part !== null)
          .join(" ");
      }

      // The rules of `repSchema`, run directly: the readers already gave every field its type (a string, a
      // role, a finite number or null), so only its refinement can fail, and zod's parse of the object per row
      // would cost more than reading the row.
      checkRep(candidate, (field, message) => {
        if (failed.includes(field)) return;
        failed.push(field);
        errors.push(errorAt(row, cells, field, message));
      });
      // Every well-formed email counts, also in rows with other errors, so all duplicates show at once.
      const email = candidate.email;
      if (typeof email === "string" && !failed.includes("email")) {
        const first = firstRowByEmail.get(email);
        if (first === undefined) firstRowByEmail.set(detach(email), row);
        else {
          const message = `${quoteCell(email)} is already used in row ${first}; emails must be unique within the file`;
          errors.push(errorAt(row, cells, "email", message));
        }
      }
      if (errors.length > 0) {
        errors.sort((a, b) => columnOrder(a.column) - columnOrder(b.column));
        return { row, errors };
      }
      // No problem reported: name and role are set (checkRep requires them) and every value has its type.
      return { row, rep: candidate as unknown as Rep };
    },
  };

  function columnOrder(label: string | null): number {
    const column = plan.columns.find((c) => c.label === label);
    return column?.columnIndex ?? Number.MAX_SAFE_INTEGER;
  }
}
