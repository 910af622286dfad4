import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  TEMPLATE_EXAMPLE_REP,
  TEMPLATE_HEADERS,
  csvCell,
  errorsToCsv,
  formatNumberCell,
  iterateRepsCsv,
  neutralizeCell,
  repsToCsv,
  templateCsv,
} from "@/lib/csv";
import { preview, rep, sampleReps } from "./helpers";

describe("formula neutralisation", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+33 1 23 45", "'+33 1 23 45"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["'=already", "''=already"],
    ["''-twice", "'''-twice"],
    ["'quoted", "'quoted"],
    ["Ana Ruiz", "Ana Ruiz"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (value, neutralised) => {
    expect(neutralizeCell(value)).toBe(neutralised);
  });

  it("neutralises and then quotes", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell("plain")).toBe("plain");
  });
});

describe("formatNumberCell", () => {
  it.each<[number | null, boolean, string]>([
    [null, false, ""],
    [42833, false, "42833"],
    [42833.5, false, "42833.5"],
    [1.25, false, "1.25"],
    [123.456, false, "123.4560"], // "123.456" would read back as 123456
    [0.125, false, "0.125"],
    [1e-7, false, "0.0000001"],
    [0.87, true, "87%"],
    [0.875, true, "87.5%"],
    [1.23456, true, "123.4560%"],
    [0, true, "0%"],
  ])("%d (percent: %s) → %j", (value, percent, text) => {
    expect(formatNumberCell(value, percent)).toBe(text);
  });
});

describe("repsToCsv", () => {
  const reps = [
    rep({
      name: "=cmd|' /C calc'!A0",
      role: "inside",
      email: "ana@acme.com",
      baseSalary: 42833.5,
      quotaAttainment: 0.87,
    }),
    rep({ name: "Ruiz, Ana", role: "hybrid", title: 'The "closer"', team: "-EMEA", calls: 412 }),
  ];

  it("writes UTF-8 with BOM, the template headers, CRLF rows, plain numbers and neutralised text", () => {
    const csv = repsToCsv(reps);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(TEMPLATE_HEADERS.join(","));
    expect(lines[1]).toBe("'=cmd|' /C calc'!A0,ana@acme.com,inside,,,42833.5,,,87%,,,,,,,,,,");
    expect(lines[2]).toBe(`"Ruiz, Ana",,hybrid,"The ""closer""",'-EMEA,,,,,412,,,,,,,,,`);
    expect(lines[3]).toBe("");
  });

  it("streams the same text line by line", () => {
    expect([...iterateRepsCsv(reps)].join("")).toBe(repsToCsv(reps));
  });

  it("reads back to the same reps", () => {
    const p = preview(new TextEncoder().encode(repsToCsv(reps)));
    expect(p.encoding).toEqual({ encoding: "utf-8", bom: true });
    expect(sampleReps(p)).toEqual(reps);
  });
});

describe("errorsToCsv", () => {
  it("writes row, column, value and message, neutralising the user's values", () => {
    const csv = errorsToCsv([
      { row: 12, column: "OTE", value: "=2+5", message: '"=2+5" is not an amount' },
      { row: 13, column: null, value: "", message: "This row has 3 cells but the header has 5 columns." },
    ]);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(parsed).toEqual([
      ["row", "column", "value", "message"],
      ["12", "OTE", "'=2+5", '"=2+5" is not an amount'],
      ["13", "", "", "This row has 3 cells but the header has 5 columns."],
    ]);
  });
});

describe("templateCsv", () => {
  it("has every field and one example row, and that row imports cleanly", () => {
    const csv = templateCsv();
    const [header, example, ...rest] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual([
      "name",
      "email",
      "role",
      "title",
      "team",
      "base_salary",
      "ote",
      "annual_quota",
      "quota_attainment",
      "calls",
      "voicemails",
      "emails",
      "social_touches",
      "meetings",
      "deals_won",
      "avg_deal_size",
      "sales_cycle_days",
      "decision_makers",
      "remote_selling_pct",
    ]);
    expect(example?.every((cell) => cell !== "")).toBe(true);
    expect(rest).toEqual([]);
    const p = preview(csv);
    expect(p.mapping.every((c) => c.match === "exact")).toBe(true);
    expect(sampleReps(p)).toEqual([TEMPLATE_EXAMPLE_REP]);
  });
});
