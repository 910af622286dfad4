import { describe, expect, it } from "vitest";
import type { CsvRowError } from "@/lib/csv";
import { preview, rep } from "./helpers";

/** Errors of a small file, as { row, column, value, message }. */
function errorsOf(csv: string): CsvRowError[] {
  return preview(csv).errors;
}

describe("row validation", () => {
  it("names row, column as in the file, value as written, and what is wrong", () => {
    expect(errorsOf("Rep Name,Sales Role,Base Pay\nAna,inside,abc\n")).toEqual([
      { row: 2, column: "Base Pay", value: "abc", message: '"abc" is not an amount' },
    ]);
  });

  it("requires a name and a role", () => {
    expect(errorsOf("name,role,calls\n ,inside,1\nBo,,2\n")).toEqual([
      { row: 2, column: "name", value: " ", message: "name is required" },
      { row: 3, column: "role", value: "", message: "role is required (inside, outside or hybrid)" },
    ]);
  });

  it("keeps empty optional cells as null, never 0", () => {
    const p = preview("name,role,calls,base_salary,quota_attainment\nAna,inside,,,\n");
    expect(p.sampleRows).toEqual([{ row: 2, rep: rep({ name: "Ana", role: "inside" }) }]);
  });

  it.each([
    ["base_salary", "-5", "base salary cannot be negative (-5)"],
    ["base_salary", "10000001", "base salary of 10,000,001 is over the limit of 10,000,000"],
    ["base_salary", "$12M", "base salary of 12,000,000 is over the limit of 10,000,000"],
    ["ote", "25000000", "OTE of 25,000,000 is over the limit of 20,000,000"],
    ["annual_quota", "$2B", "annual quota of 2,000,000,000 is over the limit of 1,000,000,000"],
    ["quota_attainment", "1001%", "quota attainment of 1,001% is over the limit of 1,000%"],
    ["remote_selling_pct", "120%", "remote selling share of 120% is over the limit of 100%"],
    ["calls", "12.5", "calls must be a whole number, not 12.5"],
    ["calls", "1000001", "calls of 1,000,001 is over the limit of 1,000,000"],
    ["meetings", "-1", "meetings cannot be negative (-1)"],
    ["deals_won", "3.5", "deals won must be a whole number, not 3.5"],
    ["sales_cycle_days", "4000", "sales cycle (days) of 4,000 is over the limit of 3,650 days"],
    ["decision_makers", "101", "decision makers of 101 is over the limit of 100"],
    ["email", "ana@", '"ana@" is not an email address'],
  ])("%s = %j → %s", (header, value, message) => {
    expect(errorsOf(`name,role,${header}\nAna,inside,${value}\n`)).toEqual([
      { row: 2, column: header, value, message },
    ]);
  });

  it("accepts values at the limits", () => {
    const p = preview(
      "name,role,base_salary,quota_attainment,remote_selling_pct,sales_cycle_days\nAna,inside,10000000,1000%,100%,3650\n",
    );
    expect(p.errorCount).toBe(0);
    expect(p.validCount).toBe(1);
  });

  it("reports OTE below base salary, together with the row's other errors", () => {
    expect(errorsOf("name,role,base_salary,ote,calls\nAna,inside,60000,50000,x\n")).toEqual([
      {
        row: 2,
        column: "ote",
        value: "50000",
        message: "OTE (50,000) is below the base salary (60,000); OTE includes base pay",
      },
      { row: 2, column: "calls", value: "x", message: '"x" is not a number' },
    ]);
  });

  it("finds duplicate emails case-insensitively and names the first row", () => {
    const errors = errorsOf(
      "name,role,email\nAna,inside,Ana@Acme.com\nBo,outside,bo@acme.com\n\nAnn,hybrid,ana@ACME.com\n",
    );
    expect(errors).toEqual([
      {
        row: 5,
        column: "email",
        value: "ana@ACME.com",
        message: '"ana@acme.com" is already used in row 2; emails must be unique within the file',
      },
    ]);
  });

  it("stores emails lower-cased and trims text", () => {
    const p = preview("name,role,email,title,team\n  Ana Ruiz ,inside, Ana@Acme.COM , AE ,\n");
    expect(p.sampleRows).toEqual([
      { row: 2, rep: rep({ name: "Ana Ruiz", role: "inside", email: "ana@acme.com", title: "AE" }) },
    ]);
  });

  it("rejects text longer than 200 characters and truncates the value it echoes", () => {
    const long = "x".repeat(1024 * 1024);
    const [error] = errorsOf(`name,role\n${long},inside\n`);
    expect(error?.message).toBe("name is longer than 200 characters");
    expect(error?.value).toBe(`${"x".repeat(80)}…`);
  });

  it("joins first and last name when there is no full-name column", () => {
    const p = preview("First Name,Last Name,Role\nAna,Ruiz,inside\n,Okafor,outside\n,,hybrid\n");
    expect(p.sampleRows).toEqual([
      { row: 2, rep: rep({ name: "Ana Ruiz", role: "inside" }) },
      { row: 3, rep: rep({ name: "Okafor", role: "outside" }) },
      { row: 4, errors: [{ row: 4, column: "First Name", value: "", message: "name is required" }] },
    ]);
  });
});
