import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { analyzeTeamCsv, errorsToCsv, iterateTeamRows, repsToCsv } from "@/lib/csv";
import type { Rep } from "@/lib/team/types";
import { EMPTY_REP } from "../../helpers/reps";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a rep field can hold after import: trimmed, non-empty, at most 200 UTF-16 units, no control characters but tab and line breaks. */
const tricky = fc.constantFrom(
  "=1+1",
  "+x",
  "-y",
  "@z",
  "'=q",
  "''+w",
  "'plain",
  "a,b",
  'say "hi"',
  "line\nbreak",
  "cr\r\nlf",
  "x;y",
  "tab\there",
  "n/a",
  "-",
  "0",
  "王芳",
  "José",
  "💼 rep",
);
const text = fc
  .oneof(
    tricky,
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.tuple(tricky, fc.string({ unit: "grapheme", maxLength: 10 })).map(([a, b]) => a + b),
  )
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim())
  .filter((s) => s.length > 0 && s.length <= 200);

/** Any double in range, plus values with few decimals ("123.456", "1.23456" = "123.456 %"), the risky ones. */
const nonNegative = (max: number) =>
  fc.option(
    fc.oneof(
      fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
      fc.integer({ min: 0, max: Math.min(max, 999.999) * 1_000 }).map((n) => n / 1_000),
      fc.integer({ min: 0, max: Math.min(max, 9.99999) * 100_000 }).map((n) => n / 100_000),
    ),
    { nil: null },
  );
const count = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });

const repArbitrary: fc.Arbitrary<Omit<Rep, "email"> & { emailLocal: string | null }> = fc.record({
  name: text,
  emailLocal: fc.option(fc.stringMatching(/^[+-]?[a-z0-9]{1,10}$/), { nil: null }),
  role: fc.constantFrom("inside", "outside", "hybrid"),
  title: fc.option(text, { nil: null }),
  team: fc.option(text, { nil: null }),
  baseSalary: nonNegative(10_000_000),
  ote: nonNegative(20_000_000),
  annualQuota: nonNegative(1_000_000_000),
  quotaAttainment: nonNegative(10),
  calls: count(1_000_000),
  voicemails: count(1_000_000),
  emails: count(1_000_000),
  socialTouches: count(1_000_000),
  meetings: count(100_000),
  dealsWon: count(100_000),
  avgDealSize: nonNegative(1_000_000_000),
  salesCycleDays: nonNegative(3_650),
  decisionMakers: nonNegative(100),
  remoteSellingPct: nonNegative(1),
});

/** Valid reps: unique emails, OTE not below base. */
const validReps = fc.array(repArbitrary, { minLength: 1, maxLength: 25 }).map((list) =>
  list.map(({ emailLocal, ...rest }, i): Rep => {
    const fixed: Rep = { ...rest, email: emailLocal === null ? null : `${emailLocal}.${i}@acme.com` };
    if (fixed.baseSalary !== null && fixed.ote !== null && fixed.ote < fixed.baseSalary) {
      fixed.ote = fixed.baseSalary <= 20_000_000 ? fixed.baseSalary : null;
    }
    return fixed;
  }),
);

describe("properties", () => {
  it("export → parse returns the same reps", () => {
    fc.assert(
      fc.property(validReps, (reps) => {
        const bytes = new TextEncoder().encode(repsToCsv(reps));
        const result = analyzeTeamCsv(bytes);
        if (!result.ok) throw new Error(result.error.message);
        const { plan, errors } = result.preview;
        expect(errors).toEqual([]);
        if (!plan) throw new Error("no plan");
        const back = [...iterateTeamRows(bytes, plan)].map((r) => ("rep" in r ? r.rep : r.errors));
        expect(back).toEqual(reps);
      }),
      { numRuns: 300 },
    );
  });

  it("an exported cell never starts with a formula character, whatever the strings", () => {
    const anyString = fc.string({ unit: "binary", maxLength: 30 });
    const anyRep = fc.record({
      name: anyString,
      email: fc.option(anyString, { nil: null }),
      role: fc.constantFrom("inside" as const, "outside" as const, "hybrid" as const),
      title: fc.option(anyString, { nil: null }),
      team: fc.option(anyString, { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(anyRep, { maxLength: 10 }),
        fc.array(anyString, { maxLength: 10 }),
        (partials, values) => {
          const reps: Rep[] = partials.map((p) => ({ ...EMPTY_REP, ...p }));
          const errors = values.map((value, i) => ({ row: i + 2, column: value, value, message: value }));
          for (const csv of [repsToCsv(reps), errorsToCsv(errors)]) {
            const cells = Papa.parse<string[]>(csv.slice(1), { delimiter: ",", newline: "\r\n" }).data.flat();
            for (const cell of cells) expect(cell).not.toMatch(FORMULA_START);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("parse never throws on arbitrary bytes; it returns a preview or an error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => {
        const result = analyzeTeamCsv(bytes);
        if (result.ok) {
          const p = result.preview;
          expect(p.validCount + p.invalidRowCount).toBe(p.plan ? p.rowCount : 0);
        } else {
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("parse never throws on CSV-shaped noise under a valid header, and counts every row once", () => {
    const alphabet = fc.constantFrom(
      ",",
      ";",
      "\t",
      '"',
      "\n",
      "\r",
      "\r\n",
      "a",
      "1",
      "0",
      ".",
      "%",
      "$",
      "€",
      " ",
      "-",
      "k",
      "万",
      "inside",
      "field",
      "é",
    );
    const body = fc.array(alphabet, { maxLength: 400 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(body, (noise) => {
        const result = analyzeTeamCsv(`name,role,base_salary,quota_attainment,calls\n${noise}`);
        if (!result.ok) return;
        const p = result.preview;
        expect(p.validCount + p.invalidRowCount).toBe(p.rowCount);
        for (const error of p.errors) expect(error.row).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 500 },
    );
  });
});
