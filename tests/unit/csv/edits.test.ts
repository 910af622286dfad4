import { describe, expect, it } from "vitest";
import { applyCellEdits, fileWithErrorColumn, readRecords, type CellEdits } from "@/lib/csv";
import { fixtureBytes, preview } from "./helpers";

const edits = (entries: [number, number, string][]): CellEdits => {
  const map = new Map<number, Map<number, string>>();
  for (const [row, column, value] of entries) {
    const cells = map.get(row) ?? new Map<number, string>();
    cells.set(column, value);
    map.set(row, cells);
  }
  return map;
};

const FILE = [
  "name,email,role,calls,ote",
  "Ana,ana@x.com,inside,12,90000",
  "Bo,bo@x.com,insider,abc,80000",
  "",
  '"Cy, Jr.",cy@x.com,outside,"1,050","100,000"',
  "Dee,ana@x.com,hybrid,3,70000",
].join("\n");

describe("fixing cells in place", () => {
  it("writes the corrections into the file and the same analysis then accepts it", () => {
    const before = preview(FILE);
    expect(before.errors.map((e) => [e.row, e.column, e.message.slice(0, 20)])).toEqual([
      [3, "role", expect.any(String)],
      [3, "calls", expect.any(String)],
      [6, "email", expect.any(String)],
    ]);
    const fixed = applyCellEdits(
      FILE,
      before.plan!,
      edits([
        [3, 2, "inside"],
        [3, 3, "40"],
        [6, 1, "dee@x.com"],
      ]),
    );
    expect(fixed).not.toBeNull();
    const after = preview(fixed!);
    expect(after.errorCount).toBe(0);
    expect(after.validCount).toBe(4);
    expect(after.canImportAll).toBe(true);
    // Row numbers are those of the original file (the blank row 4 is kept) and quoted values survive.
    expect(after.sampleRows.map((r) => r.row)).toEqual([2, 3, 5, 6]);
    const cy = after.sampleRows.find((r) => r.row === 5);
    expect(cy && "rep" in cy ? [cy.rep.name, cy.rep.calls, cy.rep.ote] : null).toEqual([
      "Cy, Jr.",
      1050,
      100000,
    ]);
  });

  it("keeps a fix that is still wrong an error, with the same message as in a file", () => {
    const before = preview(FILE);
    const fixed = applyCellEdits(FILE, before.plan!, edits([[3, 3, "lots"]]))!;
    const after = preview(fixed);
    const calls = after.errors.find((e) => e.row === 3 && e.column === "calls");
    const direct = preview(FILE.replace(",abc,", ",lots,")).errors.find(
      (e) => e.row === 3 && e.column === "calls",
    );
    expect(calls?.value).toBe("lots");
    expect(calls?.message).toBe(direct?.message);
    expect(after.canImportAll).toBe(false);
  });

  it("writes values with quotes, delimiters and line breaks so they read back the same", () => {
    const before = preview(FILE);
    const tricky = 'He said "hi",\nthen left ';
    const fixed = applyCellEdits(FILE, before.plan!, edits([[2, 0, tricky]]))!;
    const cells = [...readRecords(fixed, before.plan!)].find((r) => r.row === 2)?.cells;
    expect(cells?.[0]).toBe(tricky);
  });

  it("keeps a semicolon file's sep= line and delimiter", () => {
    const file = "sep=;\nname;role;calls\nAna;inside;1,5\n";
    const before = preview(file);
    const fixed = applyCellEdits(file, before.plan!, edits([[2, 2, "2"]]))!;
    expect(fixed).toBe("sep=;\nname;role;calls\nAna;inside;2\n");
  });

  it("refuses to rewrite a file with broken quotes", () => {
    const file = 'name,role\nAna,inside\n"Bo,outside\nCy,hybrid\n';
    const before = preview(file);
    expect(applyCellEdits(file, before.plan!, edits([[2, 0, "Ann"]]))).toBeNull();
  });
});

describe("the file with an error column", () => {
  it("adds an Errors column with each row's problems, keeping every row and the numbers", () => {
    const p = preview(FILE);
    const csv = fileWithErrorColumn(FILE, p.plan!, p.errors);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("name,email,role,calls,ote,Errors");
    expect(lines[1]).toBe("Ana,ana@x.com,inside,12,90000,");
    expect(lines[2]).toMatch(/^Bo,bo@x\.com,insider,abc,80000,"role: .*; calls: .*"$/);
    expect(lines[3]).toBe(",,,,,");
    expect(lines[4]).toBe('"Cy, Jr.",cy@x.com,outside,"1,050","100,000",');
    expect(lines[5]).toContain("email: ");
  });

  it("reads a real export the same way (encoding and delimiter from the plan)", () => {
    const bytes = fixtureBytes("semicolon-decimal-comma.csv");
    const p = preview(bytes);
    const csv = fileWithErrorColumn(bytes, p.plan!, p.errors);
    const header = csv.slice(1).split("\r\n")[0]!;
    expect(header.endsWith(";Errors")).toBe(true);
  });
});

describe("a file ending in a line break", () => {
  it("gains no extra row in either rewrite", () => {
    const file = "name,role\nAna,inside\nBo,nope\n";
    const p = preview(file);
    expect(applyCellEdits(file, p.plan!, edits([[3, 1, "outside"]]))).toBe(
      "name,role\nAna,inside\nBo,outside\n",
    );
    const lines = fileWithErrorColumn(file, p.plan!, p.errors).slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
  });
});
