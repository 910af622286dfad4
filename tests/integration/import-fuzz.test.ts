/**
 * Property tests over the whole import pipeline (`importTeam`: bytes and options in; decode, dialect, mapping,
 * column rules, validation and one all-or-nothing write out). Whatever the file, the service either saves a
 * complete snapshot holding exactly the reps it reports, or refuses with a ServiceError whose message a person
 * can read, and leaves the organization's data as it was. The preview (`analyzeTeamCsv` with the same options)
 * is the oracle: the commit must do what the preview promised.
 *
 * Small by default; FUZZ_RUNS=2000 makes every property run that many cases, FUZZ_SEED=<n> replays a run
 * (fast-check prints the seed of a failing run).
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import {
  auditEvents,
  memberships,
  organizations,
  reps,
  teamSnapshots,
  type Organization,
} from "@/server/db/schema";
import {
  ERRORS_IN_RESPONSE,
  importOptionsSchema,
  importTeam,
  rememberedMapping,
  type ImportOptions,
  type ImportResult,
} from "@/server/imports/import-team";
import { ServiceError } from "@/server/errors";
import { HTTP_STATUS } from "@/server/http-errors";
import { snapshotSummarySchema } from "@/server/imports/summary";
import {
  MAPPING_TARGET_SPECS,
  MAPPING_TARGETS,
  analyzeTeamCsv,
  matchHeader,
  normalizeHeader,
  type CsvRowError,
  type MappingTarget,
} from "@/lib/csv";
import { HEADER_ALIASES } from "@/lib/csv/aliases";
import { can, ROLES, type Role } from "@/lib/permissions";
import { REP_ROLES, type Rep } from "@/lib/team/types";

// ---------------------------------------------------------------------------------------------------------
// Run size and seed

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not "${raw}"`);
  return value;
}

const RUNS = Math.max(1, envInteger("FUZZ_RUNS") ?? 40);
const SEED = envInteger("FUZZ_SEED");
const RUN_PARAMETERS = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
/** Generous per case (a real Postgres round trip per query, shrinking after a failure) plus setup. */
const TIMEOUT_MS = 120_000 + RUNS * 600;

// ---------------------------------------------------------------------------------------------------------
// Database

let handle: DatabaseHandle;
let owner: { id: string; email: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  owner = (await newTenant(handle.db, "import")).user;
});
afterAll(async () => {
  await handle.close();
});

type Remembered = Record<string, MappingTarget | null>;

/** A new organization per case, so every case is independent (no duplicate-file or remembered-mapping carry-over). */
async function freshOrganization(currency: string, remembered: Remembered | null): Promise<Organization> {
  const suffix = randomBytes(6).toString("hex");
  const [org] = await handle.db
    .insert(organizations)
    .values({ slug: `import-${suffix}`, name: `Import ${suffix}`, currency, lastImportMapping: remembered })
    .returning();
  if (!org) throw new Error("organization insert returned nothing");
  await handle.db.insert(memberships).values({ organizationId: org.id, userId: owner.id, role: "owner" });
  return org;
}

interface Tally {
  completed: number;
  processing: number;
  failed: number;
  reps: number;
  importAudits: number;
  lastImportMapping: unknown;
}

async function tally(organizationId: string): Promise<Tally> {
  const byStatus = await handle.db
    .select({ status: teamSnapshots.status, n: count() })
    .from(teamSnapshots)
    .where(eq(teamSnapshots.organizationId, organizationId))
    .groupBy(teamSnapshots.status);
  const [repCount] = await handle.db
    .select({ n: count() })
    .from(reps)
    .where(eq(reps.organizationId, organizationId));
  const [audits] = await handle.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, "import.created")));
  const [org] = await handle.db
    .select({ mapping: organizations.lastImportMapping })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const statusCount = (status: string) => byStatus.find((s) => s.status === status)?.n ?? 0;
  return {
    completed: statusCount("completed"),
    processing: statusCount("processing"),
    failed: statusCount("failed"),
    reps: repCount?.n ?? 0,
    importAudits: audits?.n ?? 0,
    lastImportMapping: org?.mapping ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// One import, checked

interface Attempt {
  bytes: Uint8Array;
  role: Role;
  currency: string;
  remembered: Remembered | null;
  options: ImportOptions;
}

/** A refusal is a ServiceError, or a ZodError when the options themselves are invalid (callers answer 400). */
type Outcome =
  | { ok: true; result: ImportResult }
  | { ok: false; error: ServiceError }
  | { ok: false; invalidOptions: ZodError };

const SERVICE_ERROR_CODES = Object.keys(HTTP_STATUS);

function expectHumanMessage(message: unknown, what: string) {
  expect(typeof message, `${what}: message type`).toBe("string");
  expect(String(message).trim().length, `${what}: empty message`).toBeGreaterThan(0);
}

function expectRowErrors(errors: readonly CsvRowError[]) {
  for (const error of errors) {
    expectHumanMessage(error.message, `row ${error.row}`);
    expect(Number.isInteger(error.row) && error.row >= 2, `row number ${error.row}`).toBe(true);
    if (error.column !== null) expect(error.column.trim().length).toBeGreaterThan(0);
    expect(typeof error.value).toBe("string");
  }
}

function repOf(row: typeof reps.$inferSelect): Rep {
  const { organizationId: _org, snapshotId: _snapshot, rowNumber: _row, ...rep } = row;
  return rep;
}

async function organizationRow(id: string): Promise<Organization> {
  const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw new Error("organization not found");
  return org;
}

/**
 * Runs one import (in a fresh organization unless one is given) and checks everything that must hold whatever
 * the input: a complete snapshot with exactly the reported reps, or a typed refusal that left nothing behind.
 */
async function checkedImport(attempt: Attempt, existing?: Organization) {
  const org = existing ?? (await freshOrganization(attempt.currency, attempt.remembered));
  const optionsValid = importOptionsSchema.safeParse(attempt.options).success;
  const before = await tally(org.id);
  let outcome: Outcome;
  try {
    outcome = {
      ok: true,
      result: await importTeam(handle.db, {
        organization: org,
        role: attempt.role,
        actor: { kind: "user", userId: owner.id, label: owner.email },
        bytes: attempt.bytes,
        options: attempt.options,
      }),
    };
  } catch (e) {
    if (e instanceof ServiceError) outcome = { ok: false, error: e };
    else if (e instanceof ZodError && !optionsValid) outcome = { ok: false, invalidOptions: e };
    else {
      const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new Error(`importTeam threw something other than a ServiceError: ${detail}`, { cause: e });
    }
  }
  const after = await tally(org.id);

  // Nothing half-done in any case: no snapshot left processing, no failed snapshot (that would be a 500).
  expect(after.processing).toBe(before.processing);
  expect(after.failed, "an import failed unexpectedly and left a failed snapshot").toBe(before.failed);

  if (outcome.ok) {
    const { result } = outcome;
    expect(Number.isInteger(result.rowCount) && result.rowCount > 0).toBe(true);
    expect(Number.isInteger(result.skippedRowCount) && result.skippedRowCount >= 0).toBe(true);
    const [snapshot] = await handle.db
      .select()
      .from(teamSnapshots)
      .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.id, result.snapshotId)));
    expect(snapshot).toMatchObject({
      status: "completed",
      rowCount: result.rowCount,
      skippedRowCount: result.skippedRowCount,
      contentHash: result.contentHash,
    });
    expect(snapshot?.completedAt).toBeInstanceOf(Date);
    const stored = await handle.db
      .select()
      .from(reps)
      .where(and(eq(reps.organizationId, org.id), eq(reps.snapshotId, result.snapshotId)))
      .orderBy(asc(reps.rowNumber));
    expect(stored).toHaveLength(result.rowCount);
    expect(after.completed).toBe(before.completed + 1);
    expect(after.reps).toBe(before.reps + result.rowCount);
    expect(after.importAudits).toBe(before.importAudits + 1);
    for (const row of stored) {
      expect(row.name.trim().length).toBeGreaterThan(0);
      expect(REP_ROLES).toContain(row.role);
    }
    const summary = snapshotSummarySchema.parse(snapshot?.summary);
    const summarized = REP_ROLES.reduce((sum, role) => sum + summary.team.byRole[role].reps, 0);
    expect(summarized).toBe(result.rowCount);
    if (attempt.options.mode !== "valid_rows_only") expect(result.skippedRowCount).toBe(0);
    expect(optionsValid).toBe(true);
    return { org, outcome, stored: stored.map((row) => ({ row: row.rowNumber, rep: repOf(row) })) };
  }

  // All or nothing: no new snapshot, rep, audit of a created import or remembered mapping.
  expect(after.completed).toBe(before.completed);
  expect(after.reps).toBe(before.reps);
  expect(after.importAudits).toBe(before.importAudits);
  expect(after.lastImportMapping).toEqual(before.lastImportMapping);
  if ("invalidOptions" in outcome) {
    expect(outcome.invalidOptions.issues.length).toBeGreaterThan(0);
    for (const issue of outcome.invalidOptions.issues) expectHumanMessage(issue.message, "option");
    return { org, outcome, stored: [] };
  }
  const { error } = outcome;
  expectHumanMessage(error.message, `${error.code} refusal`);
  expect(SERVICE_ERROR_CODES).toContain(error.code);
  const details = error.details ?? {};
  if (Array.isArray(details.errors)) {
    const errors = details.errors as CsvRowError[];
    expectRowErrors(errors);
    expect(errors.length).toBeLessThanOrEqual(ERRORS_IN_RESPONSE);
    expect(Number(details.errorCount)).toBeGreaterThanOrEqual(errors.length);
  }
  if (Array.isArray(details.mappingProblems)) {
    expect(details.mappingProblems.length).toBeGreaterThan(0);
    for (const problem of details.mappingProblems as { message: string }[]) {
      expectHumanMessage(problem.message, "mapping problem");
    }
  }
  return { org, outcome, stored: [] };
}

const refusal = (outcome: Outcome) => (outcome.ok || "invalidOptions" in outcome ? null : outcome.error);

/**
 * What the preview with the same options says the import must do, checked against what it did. With
 * `reimport`, a saved file is then uploaded again without allowing duplicates: refused, nothing saved.
 */
async function checkAgainstPreview(attempt: Attempt, reimport = false): Promise<Outcome> {
  const { org, outcome, stored } = await checkedImport(attempt);
  const { options } = attempt;
  if (!can(attempt.role, "imports.create")) {
    expect(refusal(outcome)?.code).toBe("FORBIDDEN");
    return outcome;
  }
  if (!importOptionsSchema.safeParse(options).success) {
    expect("invalidOptions" in outcome, "invalid options were not refused").toBe(true);
    return outcome;
  }
  const analysis = analyzeTeamCsv(attempt.bytes, {
    overrides: options.overrides,
    remembered: rememberedMapping(org.lastImportMapping),
    organizationCurrency: org.currency,
  });
  if (!analysis.ok) {
    expect(refusal(outcome)?.message).toBe(analysis.error.message);
    return outcome;
  }
  const preview = analysis.preview;
  expectRowErrors(preview.errors);
  if (!preview.plan) {
    expect(refusal(outcome)?.details?.mappingProblems).toEqual(preview.mappingProblems);
    return outcome;
  }
  const validOnly = options.mode === "valid_rows_only";
  const expectSuccess = validOnly ? preview.validCount > 0 : preview.canImportAll;
  if (!expectSuccess) {
    const error = refusal(outcome);
    expect(error, "the preview refuses this file but the import saved it").not.toBeNull();
    expect(error?.code).toBe("INVALID_ROWS");
    expect(error?.details).toMatchObject({
      errorCount: preview.errorCount,
      rowCount: preview.rowCount,
      errors: preview.errors.slice(0, ERRORS_IN_RESPONSE),
    });
    return outcome;
  }
  if (!outcome.ok) {
    const why = "invalidOptions" in outcome ? outcome.invalidOptions.message : outcome.error.message;
    throw new Error(`The preview accepts this file but the import refused it: ${why}`);
  }
  expect(outcome.result.rowCount).toBe(preview.validCount);
  expect(outcome.result.skippedRowCount).toBe(preview.invalidRowCount);
  // The rows the preview shows as interpreted are stored exactly so.
  const storedByRow = new Map(stored.map((s) => [s.row, s.rep]));
  for (const sample of preview.sampleRows) {
    if ("rep" in sample) expect(storedByRow.get(sample.row)).toEqual(sample.rep);
    else expect(storedByRow.has(sample.row)).toBe(false);
  }

  if (reimport) {
    const current = await organizationRow(org.id);
    const again = await checkedImport(
      { ...attempt, options: { ...options, allowDuplicate: false } },
      current,
    );
    const error = refusal(again.outcome);
    expect(error, "the same file was saved twice without allowing duplicates").not.toBeNull();
    // The mapping remembered from the first upload applies now; the duplicate is found once it gives a plan.
    const replanned = analyzeTeamCsv(attempt.bytes, {
      overrides: options.overrides,
      remembered: rememberedMapping(current.lastImportMapping),
      organizationCurrency: current.currency,
      validateRows: false,
    });
    if (replanned.ok && replanned.preview.plan) {
      expect(error?.code).toBe("DUPLICATE_IMPORT");
      expect(error?.details?.snapshotId).toBe(outcome.result.snapshotId);
    }
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries: options and organizations

const PAST_DATES = ["2024-02-29", "2025-06-30", "2025-12-31", "2026-01-01"];
/** Option text as a form field or query parameter can carry it (decoded, so always well-formed UTF-16). */
const wildText = fc.oneof(
  fc.constantFrom("", "   ", "\u0000", "a\u0000b", "tab\there", "line\nbreak", "💼", "=1+1", "x".repeat(101)),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: "binary", maxLength: 20 }).map((s) => s.toWellFormed()),
);
const sometimesWild = (usual: fc.Arbitrary<string>, wild: fc.Arbitrary<string>, enabled: boolean) =>
  enabled ? fc.oneof({ weight: 19, arbitrary: usual }, { weight: 1, arbitrary: wild }) : usual;

const optionsArb = (
  modes: readonly ("all" | "valid_rows_only")[],
  { overrides = false, wild = false }: { overrides?: boolean; wild?: boolean } = {},
) =>
  fc.record({
    asOf: sometimesWild(
      fc.constantFrom(...PAST_DATES),
      fc.constantFrom("2099-01-01", "2025-02-30", "31/12/2025", "", "2025-1-1"),
      wild,
    ),
    period: sometimesWild(
      fc.constantFrom("Last 30 days", "Q3 2026", "FY 2025", "过去 30 天"),
      wildText,
      wild,
    ),
    fileName: sometimesWild(fc.constantFrom("team.csv", "équipe (1).csv", "export.txt"), wildText, wild),
    mode: fc.constantFrom(...modes),
    allowDuplicate: fc.boolean(),
    overrides: overrides
      ? fc.oneof(
          { weight: 5, arbitrary: fc.constant(undefined) },
          {
            weight: 1,
            arbitrary: fc.array(
              fc.record({
                columnIndex: fc.nat({ max: 14 }),
                target: fc.option(fc.constantFrom(...MAPPING_TARGETS), { nil: null }),
              }),
              { minLength: 1, maxLength: 3 },
            ),
          },
        )
      : fc.constant(undefined),
  });

const roleArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Role>("owner", "admin", "analyst") },
  { weight: 1, arbitrary: fc.constantFrom<Role>(...ROLES) },
);
const currencyArb = fc.constantFrom("USD", "USD", "EUR", "CNY");

// ---------------------------------------------------------------------------------------------------------
// Arbitraries: header names

const TEMPLATE_HEADERS = MAPPING_TARGET_SPECS.map((spec) => spec.header);
const ALIAS_HEADERS = Object.values(HEADER_ALIASES).flat();
const JUNK_HEADERS = [
  "",
  "id",
  "Notes",
  "Manager",
  "Hire date",
  "Employee ID",
  "Calls YTD",
  "Base Salary (USD)",
  "Total Calls",
  "姓名 Name",
  "目标收入/OTE",
  "Quota %",
  "Role\nType",
  "col,umn",
  "semi;colon",
  'say "hi"',
  '=HYPERLINK("http://x")',
  "é",
  "💼",
  "name name",
];

const rememberedArb: fc.Arbitrary<Remembered | null> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom(
        ...[...TEMPLATE_HEADERS, ...ALIAS_HEADERS.slice(0, 60), "notes", "id"].map(normalizeHeader),
      ),
      fc.option(fc.constantFrom(...MAPPING_TARGETS), { nil: null }),
      { maxKeys: 4, noNullPrototype: true },
    ),
  },
);

const spelled = (header: fc.Arbitrary<string>) =>
  fc
    .tuple(header, fc.constantFrom("as is", "as is", "upper", "lower", "padded", "title"))
    .map(([text, style]) => {
      switch (style) {
        case "upper":
          return text.toUpperCase();
        case "lower":
          return text.toLowerCase();
        case "padded":
          return `  ${text} `;
        case "title":
          return text.replace(/(^|[\s_])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
        default:
          return text;
      }
    });

const nameHeaderArb = spelled(fc.constantFrom("name", "Name", ...HEADER_ALIASES.name));
const nameHeadersArb: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: nameHeaderArb.map((h) => [h]) },
  {
    weight: 2,
    arbitrary: fc.tuple(
      spelled(fc.constantFrom("first_name", ...HEADER_ALIASES.firstName)),
      spelled(fc.constantFrom("last_name", ...HEADER_ALIASES.lastName)),
    ),
  },
  { weight: 1, arbitrary: fc.constant<string[]>([]) },
);
const roleHeaderArb = spelled(fc.constantFrom("role", ...HEADER_ALIASES.role));
const otherHeaderArb = fc.oneof(
  { weight: 4, arbitrary: spelled(fc.constantFrom(...TEMPLATE_HEADERS)) },
  { weight: 4, arbitrary: spelled(fc.constantFrom(...ALIAS_HEADERS)) },
  { weight: 2, arbitrary: fc.constantFrom(...JUNK_HEADERS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }).map(withoutControls) },
);

interface Column {
  header: string;
  target: MappingTarget | null;
}

const columnsArb: fc.Arbitrary<Column[]> = fc
  .record({
    name: nameHeadersArb,
    role: fc.option(roleHeaderArb, { freq: 10, nil: null }),
    others: fc.array(otherHeaderArb, { maxLength: 10 }),
    order: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 14, maxLength: 14 }),
  })
  .map(({ name, role, others, order }) =>
    [...name, ...(role === null ? [] : [role]), ...others]
      .map((header, i) => ({ header, key: order[i] ?? 100 + i }))
      .sort((a, b) => a.key - b.key)
      .map(({ header }) => ({ header, target: matchHeader(header.trim())?.target ?? null })),
  );

// ---------------------------------------------------------------------------------------------------------
// Arbitraries: cell values

function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

const unicodeNames = fc.constantFrom(
  "Ana Ruiz",
  "Ben Okafor",
  "王芳",
  "José Álvarez",
  "Zoë O'Brien",
  "Ελένη Παππά",
  "محمد علي",
  "💼 Rep",
  "  padded name  ",
  "=1+1",
  "+Plus",
  "@handle",
  "'=quoted",
);
const formulaLike = fc.constantFrom(
  "=1+1",
  "+x",
  "-y",
  "@SUM(A1:A9)",
  "'=q",
  '=HYPERLINK("http://x")',
  "\t=1",
);
const trickyText = fc.constantFrom(
  "a,b",
  "x;y",
  'say "hi"',
  '"',
  "line\nbreak",
  "cr\r\nlf",
  "tab\there",
  " ",
  "n/a",
  "N/A",
  "-",
  "—",
  "null",
  "?",
  "#N/A",
  "NaN",
  "Infinity",
  "true",
);
const freeText = fc.string({ unit: "grapheme", maxLength: 30 }).map(withoutControls);
const longText = fc.nat({ max: 120 }).map((n) => "Very long value ".repeat(13) + "x".repeat(n));
const nameText = fc.oneof(
  { weight: 6, arbitrary: unicodeNames },
  { weight: 3, arbitrary: freeText.filter((s) => s.trim().length > 0) },
);

const validRoles = fc.constantFrom(
  "inside",
  "outside",
  "hybrid",
  "Inside Sales",
  "ISR",
  "Field",
  "Outside Sales Rep",
  "OSR",
  "field sales",
  "Hybrid",
  "内部销售",
  "外部销售",
  "INSIDE",
  " outside ",
  "SDR",
);
const invalidRoles = fc.constantFrom("AE", "Account Executive", "martian", "", "insider", "both-ish", "0");

type Format = (n: number) => string;
const en = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
const de = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 2 });
const NUMBER_FORMATS: readonly Format[] = [
  (n) => String(n),
  (n) => n.toFixed(2),
  (n) => en(n),
  (n) => de(n),
  (n) => `$${en(n)}`,
  (n) => `$${en(n, 0)}.00`,
  (n) => `${de(n)} €`,
  (n) => `EUR ${en(n)}`,
  (n) => `¥${en(n, 0)}`,
  (n) => `${en(n)}%`,
  (n) => `${en(n)} %`,
  (n) => `$${(n / 1e6).toFixed(1)}M`,
  (n) => `${(n / 1e3).toFixed(0)}k`,
  (n) => `(${en(n)})`,
  (n) => n.toExponential(2),
  (n) => `${Math.round(n)} days`,
  (n) => Math.round(n).toLocaleString("de-CH"),
  (n) => Math.round(n).toLocaleString("fr-FR"),
  (n) => `${Math.round(n)}-`,
];
const anyMagnitude = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 0.87, 1.5, 1e12, 1e21, 1e300, Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 53 + 1, 5e-324),
);
const anyNumberText = fc
  .tuple(anyMagnitude, fc.boolean(), fc.nat({ max: NUMBER_FORMATS.length - 1 }))
  .map(([n, negative, f]) => `${negative ? "-" : ""}${(NUMBER_FORMATS[f] ?? String)(n)}`);
const hugeDigits = fc.integer({ min: 16, max: 400 }).map((n) => "9".repeat(n));

const optionalEmpty = fc.constantFrom("", "n/a", "-", " ");
const intText = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.boolean())
    .map(([n, grouped]) => (grouped ? n.toLocaleString("en-US") : String(n)));
const moneyText = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom("plain", "grouped", "cents"))
    .map(([n, style]) =>
      style === "plain" ? String(n) : style === "grouped" ? n.toLocaleString("en-US") : `${n}.00`,
    );
const decimalText = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max: max - 1 }), fc.boolean()).map(([n, half]) => (half ? `${n}.5` : `${n}`));
const percentText = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.constantFrom("%", " %")).map(([n, sign]) => `${n}${sign}`);

/** A cell; `text: null` is an email unique to its row (rendered with the row number). */
interface Cell {
  text: string | null;
  quote: boolean;
}

const orEmpty = (value: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: optionalEmpty });

/** Values a careful exporter writes for the field. */
function validValue(target: MappingTarget | null): fc.Arbitrary<string | null> {
  switch (target) {
    case null:
      return fc.oneof(freeText, anyNumberText, trickyText);
    case "name":
    case "firstName":
    case "lastName":
      return nameText;
    case "email":
      return fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant("") });
    case "role":
      return validRoles;
    case "title":
    case "team":
      return orEmpty(nameText);
    case "baseSalary":
      return orEmpty(moneyText(20_000, 99_999));
    case "ote":
      return orEmpty(moneyText(100_000, 300_000));
    case "annualQuota":
      return orEmpty(moneyText(0, 5_000_000));
    case "avgDealSize":
      return orEmpty(moneyText(0, 1_000_000));
    case "meetings":
    case "dealsWon":
      return orEmpty(intText(0, 100_000));
    case "calls":
    case "voicemails":
    case "emails":
    case "socialTouches":
      return orEmpty(intText(0, 1_000_000));
    case "salesCycleDays":
      return orEmpty(decimalText(3_650));
    case "decisionMakers":
      return orEmpty(decimalText(100));
    case "quotaAttainment":
      return orEmpty(percentText(300));
    case "remoteSellingPct":
      return orEmpty(percentText(100));
  }
}

/** Anything: text in numeric columns, numbers of every shape and size, formulas, duplicates, broken quotes. */
const junkValue: fc.Arbitrary<string> = fc.oneof(
  anyNumberText,
  anyNumberText,
  hugeDigits,
  formulaLike,
  trickyText,
  freeText,
  longText,
  invalidRoles,
  validRoles,
  unicodeNames,
  fc.constantFrom("ana@acme.com", "ANA@acme.com", "not-an-email", "a@b", "=1+1@x.com"),
  fc.constantFrom("5e-324", "4.9E-324", "1e-320", "1e-400", "1e400", "0.0000001%", "-0", "+5", "1_000"),
  fc.string({ unit: "binary", maxLength: 8 }),
);

const cellArb = (target: MappingTarget | null, clean: boolean): fc.Arbitrary<Cell> =>
  fc.record({
    text: clean
      ? validValue(target)
      : fc.oneof({ weight: 7, arbitrary: validValue(target) }, { weight: 3, arbitrary: junkValue }),
    quote: fc.boolean(),
  });

type RowShape = "exact" | "short" | "long-empty" | "long";
interface Row {
  cells: Cell[];
  shape: RowShape;
}

const rowArb = (columns: readonly Column[], clean: boolean): fc.Arbitrary<Row> =>
  fc.record({
    cells: fc.tuple(...columns.map((c) => cellArb(c.target, clean))),
    shape: clean
      ? fc.constantFrom<RowShape>("exact", "exact", "exact", "long-empty")
      : fc.oneof(
          { weight: 12, arbitrary: fc.constant<RowShape>("exact") },
          { weight: 1, arbitrary: fc.constantFrom<RowShape>("short", "long-empty", "long") },
        ),
  });

// ---------------------------------------------------------------------------------------------------------
// Arbitraries: whole files

type Quoting = "minimal" | "always" | "random" | "never";
type Encoding = "utf-8" | "utf-16le" | "utf-16be";

interface CsvFile {
  columns: Column[];
  rows: Row[];
  delimiter: "," | ";" | "\t";
  newline: "\n" | "\r\n" | "\r";
  quoting: Quoting;
  bom: boolean;
  sepLine: boolean;
  trailingNewline: boolean;
  blankLines: number[];
  encoding: Encoding;
}

const csvFileArb = (options: { clean?: boolean } = {}): fc.Arbitrary<CsvFile> =>
  fc
    .tuple(columnsArb, options.clean === undefined ? fc.boolean() : fc.constant(options.clean))
    .chain(([columns, clean]) =>
      fc.record({
        columns: fc.constant(columns),
        rows: fc.array(rowArb(columns, clean), { maxLength: 60 }),
        delimiter: fc.constantFrom<CsvFile["delimiter"]>(",", ";", "\t"),
        newline: fc.constantFrom<CsvFile["newline"]>("\n", "\r\n", "\r"),
        quoting: clean
          ? fc.constantFrom<Quoting>("minimal", "always", "random")
          : fc.constantFrom<Quoting>("minimal", "always", "random", "never"),
        bom: fc.boolean(),
        sepLine: fc.oneof(
          { weight: 6, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        trailingNewline: fc.boolean(),
        blankLines: fc.array(fc.nat({ max: 62 }), { maxLength: 3 }),
        encoding: fc.constantFrom<Encoding>("utf-8", "utf-8", "utf-8", "utf-8", "utf-16le", "utf-16be"),
      }),
    );

function renderCell(text: string, quote: boolean, quoting: Quoting, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  const quoted = `"${text.replace(/"/g, '""')}"`;
  switch (quoting) {
    case "never":
      return text;
    case "always":
      return quoted;
    case "minimal":
      return needsQuotes ? quoted : text;
    case "random":
      return needsQuotes || quote ? quoted : text;
  }
}

function csvText(file: CsvFile): string {
  const cell = (text: string, quote = false) => renderCell(text, quote, file.quoting, file.delimiter);
  const lines = [file.columns.map((c) => cell(c.header)).join(file.delimiter)];
  file.rows.forEach((row, index) => {
    const cells = row.cells.map((c) => cell(c.text ?? `rep${index}@example.com`, c.quote));
    if (row.shape === "short") cells.pop();
    if (row.shape === "long-empty") cells.push("");
    if (row.shape === "long") cells.push(cell("extra"));
    lines.push(cells.join(file.delimiter));
  });
  for (const at of [...file.blankLines].sort((a, b) => b - a))
    lines.splice(Math.min(at, lines.length), 0, "");
  if (file.sepLine) lines.unshift(`sep=${file.delimiter}`);
  return lines.join(file.newline) + (file.trailingNewline ? file.newline : "");
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? code & 0xff : code >> 8;
    out[3 + 2 * i] = littleEndian ? code >> 8 : code & 0xff;
  }
  return out;
}

function csvBytes(file: CsvFile): Uint8Array {
  const text = csvText(file);
  if (file.encoding === "utf-16le") return utf16(text, true);
  if (file.encoding === "utf-16be") return utf16(text, false);
  const body = new TextEncoder().encode(text);
  return file.bom ? concat(Uint8Array.of(0xef, 0xbb, 0xbf), body) : body;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries: raw bytes

const PREFIXES: readonly number[][] = [
  [],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
  [0x00],
  [0x50, 0x4b, 0x03, 0x04],
  [0x89, 0x50, 0x4e, 0x47],
  [0x1f, 0x8b],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
];
/** Bytes that make text CSV-shaped or break its decoding: separators, quotes, line breaks, NUL, invalid UTF-8. */
const CSV_ISH_BYTES = [
  0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x22, 0x20, 0x25, 0x24, 0x2e, 0x30, 0x31, 0x39, 0x61, 0x65, 0x6e, 0x00, 0x1a,
  0x80, 0xa0, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xff, 0xfe, 0xed, 0xa0, 0x80,
];

const byteEdits = fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.boolean()), {
  minLength: 1,
  maxLength: 6,
});
const edgeBytes = fc.array(fc.constantFrom(0x00, 0x01, 0x1b, 0x22, 0x0a, 0x2c, 0x80, 0xc3, 0xff), {
  minLength: 1,
  maxLength: 3,
});

/** Overwrite (or insert) bytes at positions; `fromEnd` measures positions from the end, within that many bytes. */
function applyEdits(input: Uint8Array, edits: readonly [number, Uint8Array, boolean][], fromEnd?: number) {
  let bytes = input;
  for (const [position, patch, insert] of edits) {
    const span = Math.min(bytes.length, fromEnd ?? bytes.length);
    const offset = span === 0 ? 0 : position % span;
    const at = fromEnd === undefined ? offset : bytes.length - offset;
    bytes = insert
      ? concat(bytes.subarray(0, at), patch, bytes.subarray(at))
      : concat(bytes.subarray(0, at), patch, bytes.subarray(Math.min(bytes.length, at + patch.length)));
  }
  return bytes;
}

/**
 * Files longer than the 64 K characters the decoder samples, with damage in their last rows: what is only
 * seen while the rows are read (and saved) rather than when the file is first looked at.
 */
const longFileArb = fc
  .tuple(
    fc.integer({ min: 36, max: 45 }),
    fc.array(fc.tuple(nameText, validRoles), { minLength: 1, maxLength: 15 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        edgeBytes.map((b) => Uint8Array.from(b)),
        fc.boolean(),
      ),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  )
  .map(([padded, tail, edits]) => applyEdits(longCsv(padded, tail), edits, 300));

/** `padded` rows with a long unmapped column (about 2 K characters each), then short `tail` rows. */
function longCsv(padded: number, tail: readonly (readonly [string, string])[]): Uint8Array {
  const lines = ["name,role,notes"];
  for (let i = 0; i < padded; i++) lines.push(`Rep ${i},inside,${"lorem ipsum ".repeat(160)}`);
  for (const [name, role] of tail) {
    lines.push([name, role, ""].map((c) => renderCell(c, false, "minimal", ",")).join(","));
  }
  return new TextEncoder().encode(lines.join("\n"));
}

const usualOptions: ImportOptions = { asOf: "2025-12-31", period: "Last 30 days", fileName: "team.csv" };
/** Cases run before the generated ones in the first property: inputs that once ended in a database error. */
const KNOWN_CASES: [Uint8Array, Role, string, ImportOptions][] = [
  [longCsv(40, [["Ana\u0000Ruiz", "inside"]]), "analyst", "USD", usualOptions],
  [longCsv(40, [["Ana Ruiz", "inside"]]), "analyst", "USD", { ...usualOptions, period: "Q3\u00002026" }],
  [longCsv(1, [["Ana Ruiz", "inside"]]), "analyst", "USD", { ...usualOptions, fileName: "team\u0000.csv" }],
];

const rawBytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4_096 }),
  fc
    .tuple(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 2_048 }))
    .map(([prefix, rest]) => concat(Uint8Array.from(prefix), rest)),
  fc
    .tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...CSV_ISH_BYTES), { maxLength: 2_048 }))
    .map(([prefix, rest]) => concat(Uint8Array.from(prefix), Uint8Array.from(rest))),
  // A real-looking file with bytes overwritten or inserted here and there (NUL, stray UTF-8 lead bytes, …).
  fc.tuple(csvFileArb(), byteEdits).map(([file, edits]) => applyEdits(csvBytes(file), edits)),
  longFileArb,
);

// ---------------------------------------------------------------------------------------------------------
// Properties

describe(`import pipeline properties (${RUNS} runs each${SEED === undefined ? "" : `, seed ${SEED}`})`, () => {
  it(
    "any bytes: a saved snapshot with exactly its reps, or a ServiceError with a message and nothing saved",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          rawBytesArb,
          roleArb,
          currencyArb,
          optionsArb(["all", "valid_rows_only"], { wild: true }),
          async (bytes, role, currency, options) => {
            await checkAgainstPreview({ bytes, role, currency, remembered: null, options });
          },
        ),
        { ...RUN_PARAMETERS, examples: KNOWN_CASES },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "CSV-shaped files (any headers, delimiters, quoting, values, row counts): all or nothing, as the preview said",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          csvFileArb(),
          roleArb,
          currencyArb,
          rememberedArb,
          optionsArb(["all", "valid_rows_only"], { overrides: true }),
          async (file, role, currency, remembered, options) => {
            await checkAgainstPreview({ bytes: csvBytes(file), role, currency, remembered, options }, true);
          },
        ),
        RUN_PARAMETERS,
      );
    },
    TIMEOUT_MS,
  );

  it(
    "every refusal and every row error of a refused file carries a message",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          csvFileArb({ clean: false }),
          currencyArb,
          optionsArb(["all"]),
          async (file, currency, options) => {
            const outcome = await checkAgainstPreview({
              bytes: csvBytes(file),
              role: "analyst",
              currency,
              remembered: null,
              options,
            });
            const error = refusal(outcome);
            if (!error) return;
            expectHumanMessage(error.message, error.code);
            const errors = error.details?.errors;
            if (Array.isArray(errors)) {
              expect(errors.length).toBeGreaterThan(0);
              expectRowErrors(errors as CsvRowError[]);
            }
          },
        ),
        RUN_PARAMETERS,
      );
    },
    TIMEOUT_MS,
  );
});
