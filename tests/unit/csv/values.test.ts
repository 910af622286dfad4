import { describe, expect, it } from "vitest";
import { parseNumericCell, parseRole, type ColumnRule, type TeamField } from "@/lib/csv";
import { addToColumnStats, createColumnStats, resolveColumnRule } from "@/lib/csv/column-rules";
import { plainDecimal, shiftDecimalText } from "@/lib/csv/numbers";
import type { CsvDelimiter } from "@/lib/csv";

function rule(field: TeamField, overrides: Partial<ColumnRule> = {}): ColumnRule {
  return {
    columnIndex: 0,
    header: field,
    field,
    decimalSeparator: ".",
    percentScale: null,
    currencies: null,
    description: "",
    ...overrides,
  };
}

/** The rule the whole column gets, then every cell read with it. */
function readColumn(field: TeamField, cells: string[], delimiter: CsvDelimiter = ",") {
  const stats = createColumnStats(0, field, field);
  for (const cell of cells) addToColumnStats(stats, cell);
  const columnRule = resolveColumnRule(stats, delimiter);
  return {
    rule: columnRule,
    values: cells.map((cell) => {
      const parsed = parseNumericCell(cell, field, columnRule, null);
      return parsed.ok ? parsed.value : parsed.message;
    }),
  };
}

const money = (cell: string, decimalSeparator: "." | "," = ".") => {
  const parsed = parseNumericCell(cell, "baseSalary", rule("baseSalary", { decimalSeparator }), null);
  return parsed.ok ? parsed.value : parsed.message;
};

describe("money", () => {
  it.each<[string, number | null]>([
    ["42833", 42833],
    ["$42,833.00", 42833],
    ["42.833,00 €", 42833],
    ["€42.833,00", 42833],
    ["EUR 42.833,00", 42833],
    ["42 833,50 €", 42833.5],
    ["1'234.50 CHF", 1234.5],
    ["£1,234,567.89", 1234567.89],
    ["¥120,000", 120000],
    ["120000元", 120000],
    ["US$ 5,000", 5000],
    ["usd 5000", 5000],
    ["$1.2M", 1200000],
    ["$1.1M", 1100000],
    ["1,5 Mio €", 1500000],
    ["$900K", 900000],
    ["$2.5mm", 2500000],
    ["1.2 million", 1200000],
    ["500万", 5000000],
    ["1.2亿", 120000000],
    ["1.2E+06", 1200000],
    ["12,34,567", 1234567],
    ["1,250", 1250],
    ["1.250", 1250],
    ["0,875", 0.875],
    ["1234,5", 1234.5],
    ["$ -", 0],
    ["", null],
    ["   ", null],
    ["n/a", null],
    ["N/A", null],
    ["-", null],
    ["－", null],
    ["４２８３３", 42833],
  ])("%j → %j", (cell, value) => {
    expect(money(cell)).toBe(value);
  });

  it.each([
    ["abc", '"abc" is not an amount'],
    ["12abc", '"12abc" is not an amount'],
    ["1,2,3", '"1,2,3" is not an amount'],
    ["1.234.5", '"1.234.5" is not an amount'],
    ["12 34", '"12 34" is not an amount'],
    ["87%", '"87%" is not an amount (a percentage is not accepted here)'],
    ["$", '"$" is not an amount'],
  ])("%j is an error: %s", (cell, message) => {
    expect(money(cell)).toBe(message);
  });

  it("reads negative forms as negative numbers (the row schema then reports them)", () => {
    expect(money("-5")).toBe(-5);
    expect(money("(1,200)")).toBe(-1200);
    expect(money("$-50")).toBe(-50);
    expect(money("50-")).toBe(-50);
  });

  it("checks the currency against the organization's when it is given", () => {
    const parsed = parseNumericCell("42.833,00 €", "baseSalary", rule("baseSalary"), "USD");
    expect(parsed).toEqual({
      ok: false,
      message: '"42.833,00 €" is in €, but the organization\'s currency is USD',
    });
    expect(parseNumericCell("$42,833", "baseSalary", rule("baseSalary"), "USD")).toEqual({
      ok: true,
      value: 42833,
    });
    expect(parseNumericCell("CA$42,833", "baseSalary", rule("baseSalary"), "USD").ok).toBe(false);
  });

  it("flags cells in another currency than the rest of the column", () => {
    const { rule: columnRule, values } = readColumn("ote", [
      "$90,000",
      "$95,000",
      "€80.000",
      "USD 70,000",
      "60000",
    ]);
    expect(columnRule.currencies).toContain("USD");
    expect(columnRule.description).toMatch(/Amounts are in \$; cells in another currency are errors/);
    expect(values).toEqual([
      90000,
      95000,
      '"€80.000" is in €, but the rest of the column is in USD/CAD/AUD/NZD/HKD/SGD/MXN/TWD',
      70000,
      60000,
    ]);
  });
});

describe("counts and plain numbers", () => {
  it("reads thousands separators in counts either way", () => {
    expect(readColumn("emails", ["1,050", "1.050", "1 050", "980"]).values).toEqual([1050, 1050, 1050, 980]);
  });

  it("does not accept K/M suffixes or currency outside money columns", () => {
    expect(readColumn("calls", ["1.2k", "$5"]).values).toEqual([
      '"1.2k" is not a number',
      '"$5" is not a number',
    ]);
  });

  it("accepts a days unit for the sales cycle", () => {
    expect(readColumn("salesCycleDays", ["64 days", "30d", "45天", "12,5"]).values).toEqual([
      64, 30, 45, 12.5,
    ]);
  });

  it("settles '1,250' in a non-money column by the other values, else by the delimiter", () => {
    expect(readColumn("salesCycleDays", ["1,250", "2,5"]).values).toEqual([1.25, 2.5]);
    expect(readColumn("salesCycleDays", ["1,250", "2.5"]).values).toEqual([1250, 2.5]);
    expect(readColumn("salesCycleDays", ["1,250"], ";").values).toEqual([1.25]);
    expect(readColumn("salesCycleDays", ["1,250"], ",").values).toEqual([1250]);
    const semicolon = readColumn("salesCycleDays", ["1,250"], ";").rule.description;
    expect(semicolon).toBe(
      'Numbers with one separator and three digits after it use the decimal comma (1,250 = 1.25), because the file is separated by ";".',
    );
  });
});

describe("percent columns", () => {
  it("reads % values as written, exactly", () => {
    expect(readColumn("quotaAttainment", ["87%", "87.5 %", "87,5%", "0.1%", "%45"]).values).toEqual([
      0.87, 0.875, 0.875, 0.001, 0.45,
    ]);
  });

  it("reads a column of plain numbers at or below 1.5 as fractions and says so", () => {
    const { rule: r, values } = readColumn("quotaAttainment", ["0.87", "1.2", "0", "1.5"]);
    expect(r.percentScale).toBe("fraction");
    expect(r.description).toBe(
      "Plain numbers are read as fractions (0.87 = 87%), because all non-zero values are at most 1.5.",
    );
    expect(values).toEqual([0.87, 1.2, 0, 1.5]);
  });

  it("reads a column of larger plain numbers as percents", () => {
    const { rule: r, values } = readColumn("quotaAttainment", ["87", "120", "95.5", "0"]);
    expect(r.percentScale).toBe("percent");
    expect(values).toEqual([0.87, 1.2, 0.955, 0]);
  });

  it("decides by most values, not all: one top performer at 2.1 does not turn fractions into percents", () => {
    const { rule: r, values } = readColumn("quotaAttainment", ["0.8", "0.95", "1.1", "2.1"]);
    expect(r.percentScale).toBe("fraction");
    expect(r.description).toMatch(/1 value above 1.5 is read as more than 150%/);
    expect(values).toEqual([0.8, 0.95, 1.1, 2.1]);
  });

  it("states the minority when a percent column has small values", () => {
    const { rule: r, values } = readColumn("quotaAttainment", ["80", "95", "110", "0.9"]);
    expect(r.percentScale).toBe("percent");
    expect(r.description).toMatch(/1 value at or below 1.5 is read as that many percent/);
    expect(values[3]).toBe(0.009);
  });

  it("uses 1 as the threshold for the remote share, which cannot exceed 100 %", () => {
    expect(readColumn("remoteSellingPct", ["1.2", "1.4", "0.5"]).rule.percentScale).toBe("percent");
    expect(readColumn("quotaAttainment", ["1.2", "1.4", "0.5"]).rule.percentScale).toBe("fraction");
  });

  it("reads decimal commas in a ';' file", () => {
    expect(readColumn("quotaAttainment", ["0,87", "1,1", "0,955"], ";").values).toEqual([0.87, 1.1, 0.955]);
  });
});

describe("decimal text helpers", () => {
  it.each([
    [1e-7, "0.0000001"],
    [1.5e-7, "0.00000015"],
    [1e21, "1000000000000000000000"],
    [42833.5, "42833.5"],
    [0, "0"],
  ])("plainDecimal(%d) = %s", (value, text) => {
    expect(plainDecimal(value)).toBe(text);
  });

  it("shifts the decimal point as text", () => {
    expect(shiftDecimalText("0.875", 2)).toBe("87.5");
    expect(shiftDecimalText("0.001", 2)).toBe("0.1");
    expect(shiftDecimalText("12", 2)).toBe("1200");
    expect(shiftDecimalText("87.5", -2)).toBe("0.875");
  });
});

describe("role synonyms", () => {
  it.each([
    "inside",
    "Inside",
    "INSIDE",
    "ISR",
    "inside sales",
    "Inside Sales Rep",
    "Inside Sales Representative",
    "inside-sales",
    "SDR",
    "BDR",
    "Sales Development Rep",
    "telesales",
    "Tele-sales",
    "remote",
    "内部销售",
    "电话销售",
    "内勤",
    "电销",
  ])("%j → inside", (cell) => {
    expect(parseRole(cell)).toEqual({ ok: true, role: "inside" });
  });

  it.each([
    "outside",
    "Outside Sales",
    "OSR",
    "Outside Sales Rep",
    "field",
    "Field Sales",
    "field sales rep",
    "Field AE",
    "face-to-face",
    "外部销售",
    "外勤",
    "外勤销售",
    "现场销售",
  ])("%j → outside", (cell) => {
    expect(parseRole(cell)).toEqual({ ok: true, role: "outside" });
  });

  it.each([
    "hybrid",
    "Hybrid Sales",
    "mixed",
    "Inside/Outside",
    "inside & outside",
    "混合",
    "混合销售",
    "混合型",
    "内勤/外勤",
  ])("%j → hybrid", (cell) => {
    expect(parseRole(cell)).toEqual({ ok: true, role: "hybrid" });
  });

  it.each([
    ["Account Executive", '"Account Executive" is not a role; write inside, outside or hybrid'],
    ["AE", '"AE" is not a role; write inside, outside or hybrid'],
    ["", "role is required (inside, outside or hybrid)"],
    ["sales", '"sales" is not a role; write inside, outside or hybrid'],
  ])("%j is an error", (cell, message) => {
    expect(parseRole(cell)).toEqual({ ok: false, message });
  });
});
