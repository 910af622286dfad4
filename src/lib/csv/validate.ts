import { z } from "zod";
import type { Rep } from "@/lib/team/types";
import { TEAM_FIELDS, fieldSpec, type MappingTarget, type TeamField } from "./fields";
import { MAX_ERROR_VALUE_CHARS, MAX_TEXT_CHARS } from "./limits";
import { parseRole } from "./roles";
import type { ColumnRule, CsvRowError, PlanColumn, TeamCsvPlan } from "./types";
import { cleanText, formatForMessage, parseNumericCell, quoteCell } from "./values";

/** The cells of one row by field, as written; a field the file does not have is absent. */
export type RawRep = Partial<Record<TeamField, string>>;

function optionalTextSchema(field: TeamField) {
  const label = fieldSpec(field).label;
  return z
    .string()
    .optional()
    .transform((cell, ctx) => {
      const text = cleanText(cell);
      if (text !== null && text.length > MAX_TEXT_CHARS) {
        ctx.addIssue({ code: "custom", message: `${label} is longer than ${MAX_TEXT_CHARS} characters` });
        return z.NEVER;
      }
      return text;
    });
}

const nameSchema = z
  .string()
  .optional()
  .transform((cell, ctx) => {
    const text = cleanText(cell);
    if (text === null) {
      ctx.addIssue({ code: "custom", message: "name is required" });
      return z.NEVER;
    }
    if (text.length > MAX_TEXT_CHARS) {
      ctx.addIssue({ code: "custom", message: `name is longer than ${MAX_TEXT_CHARS} characters` });
      return z.NEVER;
    }
    return text;
  });

function numberSchema(field: TeamField, rule: ColumnRule | undefined, organizationCurrency: string | null) {
  const spec = fieldSpec(field);
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  let checks = z
    .number()
    .min(0, { error: (issue) => `${spec.label} cannot be negative (${String(issue.input)})` })
    .max(max, {
      error: (issue) =>
        `${spec.label} of ${formatForMessage(Number(issue.input), field)} is over the limit of ${spec.maxLabel ?? max}`,
    });
  if (spec.kind === "count") {
    checks = checks.int({
      error: (issue) => `${spec.label} must be a whole number, not ${String(issue.input)}`,
    });
  }
  return z
    .string()
    .optional()
    .transform((cell, ctx) => {
      const parsed = parseNumericCell(cell, field, rule, organizationCurrency);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    })
    .pipe(checks.nullable());
}

const emailSchema = z
  .string()
  .optional()
  .transform((cell) => cleanText(cell)?.toLowerCase() ?? null)
  .pipe(
    z.email({ error: (issue) => `${quoteCell(String(issue.input))} is not an email address` }).nullable(),
  );

const roleSchema = z
  .string()
  .optional()
  .transform((cell, ctx) => {
    const parsed = parseRole(cell ?? "");
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.role;
  });

/**
 * The zod schema of one row under a plan: each cell is parsed with its column's rule, then checked for
 * required, non-negative, whole (counts) and plausible range; OTE may not be below the base salary.
 */
export function buildRepSchema(plan: Pick<TeamCsvPlan, "rules" | "organizationCurrency">) {
  const ruleFor = (field: TeamField) => plan.rules.find((rule) => rule.field === field);
  const currency = plan.organizationCurrency;
  const num = (field: TeamField) => numberSchema(field, ruleFor(field), currency);
  const shape = {
    name: nameSchema,
    email: emailSchema,
    role: roleSchema,
    title: optionalTextSchema("title"),
    team: optionalTextSchema("team"),
    baseSalary: num("baseSalary"),
    ote: num("ote"),
    annualQuota: num("annualQuota"),
    quotaAttainment: num("quotaAttainment"),
    calls: num("calls"),
    voicemails: num("voicemails"),
    emails: num("emails"),
    socialTouches: num("socialTouches"),
    meetings: num("meetings"),
    dealsWon: num("dealsWon"),
    avgDealSize: num("avgDealSize"),
    salesCycleDays: num("salesCycleDays"),
    decisionMakers: num("decisionMakers"),
    remoteSellingPct: num("remoteSellingPct"),
  } satisfies Record<TeamField, z.ZodType>;
  return z.object(shape).superRefine(checkOteAgainstBase);
}

/** OTE is base plus variable pay, so it cannot be below the base salary. */
function checkOteAgainstBase(
  pay: { baseSalary: number | null; ote: number | null },
  ctx: z.RefinementCtx,
): void {
  const { baseSalary: base, ote } = pay;
  if (base !== null && ote !== null && ote < base) {
    ctx.addIssue({
      code: "custom",
      path: ["ote"],
      message: `OTE (${formatForMessage(ote, "ote")}) is below the base salary (${formatForMessage(base, "baseSalary")}); OTE includes base pay`,
    });
  }
}

/**
 * The pay check on its own. zod skips an object's refinement when any cell failed, so for a row with
 * errors elsewhere this runs separately and the row's errors are all reported at once.
 */
function buildPaySchema(plan: Pick<TeamCsvPlan, "rules" | "organizationCurrency">) {
  const ruleFor = (field: TeamField) => plan.rules.find((rule) => rule.field === field);
  return z
    .object({
      baseSalary: numberSchema("baseSalary", ruleFor("baseSalary"), plan.organizationCurrency),
      ote: numberSchema("ote", ruleFor("ote"), plan.organizationCurrency),
    })
    .superRefine(checkOteAgainstBase);
}

export type RepSchema = ReturnType<typeof buildRepSchema>;

function shortValue(cell: string): string {
  return cell.length > MAX_ERROR_VALUE_CHARS ? `${cell.slice(0, MAX_ERROR_VALUE_CHARS)}…` : cell;
}

export interface RowValidator {
  /** Validate the cells of one data row (already checked for shape) and remember its email. */
  validate(
    row: number,
    cells: readonly string[],
  ): { row: number; rep: Rep } | { row: number; errors: CsvRowError[] };
}

/**
 * Validates rows one at a time with the plan's schema and reports duplicate emails (case-insensitive)
 * against every earlier row of the file.
 */
export function createRowValidator(plan: TeamCsvPlan): RowValidator {
  const schema = buildRepSchema(plan);
  const paySchema = buildPaySchema(plan);
  const columnByTarget = new Map<MappingTarget, PlanColumn>(plan.columns.map((c) => [c.target, c]));
  const nameParts = (["firstName", "lastName"] as const)
    .map((target) => columnByTarget.get(target))
    .filter((c): c is PlanColumn => c !== undefined);
  const fieldColumns = TEAM_FIELDS.map((spec) => spec.target as TeamField)
    .map((field) => [field, columnByTarget.get(field)] as const)
    .filter((entry): entry is readonly [TeamField, PlanColumn] => entry[1] !== undefined);
  const firstRowByEmail = new Map<string, number>();
  const orderByLabel = new Map(plan.columns.map((c) => [c.label, c.columnIndex]));
  const columnOrder = (label: string | null): number =>
    (label === null ? undefined : orderByLabel.get(label)) ?? Number.MAX_SAFE_INTEGER;

  const columnOf = (field: TeamField): PlanColumn | undefined =>
    columnByTarget.get(field) ?? (field === "name" ? nameParts[0] : undefined);

  return {
    validate(row, cells) {
      const raw: RawRep = {};
      for (const [field, column] of fieldColumns) raw[field] = cells[column.columnIndex] ?? "";
      if (raw.name === undefined) {
        raw.name = nameParts
          .map((column) => cleanText(cells[column.columnIndex]))
          .filter((part): part is string => part !== null)
          .join(" ");
      }

      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const errors: CsvRowError[] = [];
        const reported = new Set<string>();
        const pay = paySchema.safeParse(raw);
        const issues = pay.success ? parsed.error.issues : [...parsed.error.issues, ...pay.error.issues];
        for (const issue of issues) {
          const field = String(issue.path[0] ?? "") as TeamField;
          if (reported.has(field)) continue;
          reported.add(field);
          const column = columnOf(field);
          errors.push({
            row,
            column: column?.label ?? fieldSpec(field).header,
            value: shortValue(column ? (cells[column.columnIndex] ?? "") : ""),
            message: issue.message,
          });
        }
        errors.sort((a, b) => columnOrder(a.column) - columnOrder(b.column));
        return { row, errors };
      }

      const rep = parsed.data;
      if (rep.email !== null) {
        const first = firstRowByEmail.get(rep.email);
        if (first !== undefined) {
          const column = columnOf("email");
          return {
            row,
            errors: [
              {
                row,
                column: column?.label ?? "email",
                value: shortValue(column ? (cells[column.columnIndex] ?? "") : rep.email),
                message: `${quoteCell(rep.email)} is already used in row ${first}; emails must be unique within the file`,
              },
            ],
          };
        }
        firstRowByEmail.set(rep.email, row);
      }
      return { row, rep };
    },
  };
}
