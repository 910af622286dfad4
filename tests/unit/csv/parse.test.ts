import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { detectDialect, readRecords, type CsvDialect } from "@/lib/csv";
import { CHUNK_CHARS, detectNewline } from "@/lib/csv/parse";

const records = (text: string, dialect: CsvDialect = detectDialect(text)) =>
  [...readRecords(text, dialect)].map((r) => ({ row: r.row, cells: r.cells, quoteProblem: r.quoteProblem }));

describe("detectDialect", () => {
  it.each([
    ["name,role,base\nAna,inside,1\n", ","],
    ["name;role;base\nAna;inside;42.833,00\n", ";"],
    ["name\trole\tbase\nRuiz, Ana\tinside\t$42,833.00\n", "\t"],
    // Commas inside values of a semicolon file must not win.
    ["Name;Base, EUR;Role\nAna;42.833,00;inside\nBo;1.000,50;outside\nCy;2,5;hybrid\n", ";"],
    // Semicolons inside values of a comma file must not win.
    ['name,notes,role\nAna,"a;b;c",inside\nBo,x,outside\n', ","],
    ["name;role\n", ";"],
  ])("detects the delimiter of %j", (text, delimiter) => {
    expect(detectDialect(text).delimiter).toBe(delimiter);
  });

  it.each([
    ["a,b\r\n1,2\r\n", "\r\n"],
    ["a,b\n1,2\n", "\n"],
    ["a,b\r1,2\r", "\r"],
    ['a,b\r\n"x\ny",2\r\n3,4\r\n', "\r\n"],
    // Rows end in CRLF; the notes hold more bare LFs than there are rows.
    ['"name","notes"\r\nAna,"a\nb\nc\nd\ne"\r\nBo,"f\ng\nh"\r\n', "\r\n"],
    ['"multi\r\nline header",b\nx,y\n', "\n"],
  ])("detects the line break of %j", (text, newline) => {
    expect(detectNewline(text)).toBe(newline);
  });

  it("takes Excel's sep= line as the delimiter and does not count it as a row", () => {
    const text = "sep=;\r\nname;role\r\nAna;inside\r\n";
    const dialect = detectDialect(text);
    expect(dialect).toEqual({ delimiter: ";", newline: "\r\n", sepLine: true });
    expect(records(text, dialect).slice(0, 2)).toEqual([
      { row: 1, cells: ["name", "role"], quoteProblem: null },
      { row: 2, cells: ["Ana", "inside"], quoteProblem: null },
    ]);
  });
});

describe("readRecords", () => {
  it("numbers rows as a spreadsheet does: a quoted line break stays in one row, a blank line is a row", () => {
    const text = 'name,notes\nAna,"line one\nline two\nline three"\n\nBo,x\n';
    expect(records(text)).toEqual([
      { row: 1, cells: ["name", "notes"], quoteProblem: null },
      { row: 2, cells: ["Ana", "line one\nline two\nline three"], quoteProblem: null },
      { row: 3, cells: [""], quoteProblem: null },
      { row: 4, cells: ["Bo", "x"], quoteProblem: null },
      { row: 5, cells: [""], quoteProblem: null },
    ]);
  });

  it("keeps embedded delimiters, doubled quotes and CRLF inside quotes", () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"1\r\n2",3\r\n';
    expect(records(text).map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["1\r\n2", "3"],
      [""],
    ]);
  });

  it("reports a quote that is never closed instead of guessing", () => {
    const text = 'name,role\nAna,inside\n"Bo,outside\nCy,hybrid\n';
    const out = records(text);
    expect(out[2]?.quoteProblem).toBe("unclosed");
    expect(out).toHaveLength(3);
  });

  it("reports a malformed quote in the row it occurs", () => {
    const out = records('name,role\n"Ana" Ruiz,"inside"\nBo,outside\n');
    expect(out[1]).toEqual({ row: 2, cells: ['Ana" Ruiz,"inside'], quoteProblem: "malformed" });
    expect(out[2]).toEqual({ row: 3, cells: ["Bo", "outside"], quoteProblem: null });
  });

  it("reads a file of many chunks exactly like one Papa Parse pass, even with quoted line breaks across chunk edges", () => {
    const lines = ["name,notes,n"];
    for (let i = 0; i < 40_000; i++) {
      lines.push(
        i % 7 === 0 ? `Rep ${i},"multi\r\nline ""${i}"", with comma",${i}` : `Rep ${i},plain ${i},${i}`,
      );
    }
    const text = lines.join("\r\n") + "\r\n";
    expect(text.length).toBeGreaterThan(15 * CHUNK_CHARS);
    const ours = [...readRecords(text, { delimiter: ",", newline: "\r\n", sepLine: false })];
    const papa = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" }).data;
    expect(ours.map((r) => r.cells)).toEqual(papa);
    expect(ours.at(-2)?.row).toBe(40_001);
  });

  it("handles the chunk edge falling at every position inside a quoted field with an escaped quote and CRLF", () => {
    const chunk = CHUNK_CHARS;
    const special = 'Rep X,"a""b\r\nc,d"\r\n';
    for (let shift = 0; shift <= special.length; shift++) {
      const head = "name,notes\r\n";
      const fillerRow = `Rep,${"f".repeat(400)}\r\n`;
      let text = head;
      while (text.length + fillerRow.length <= chunk - shift - 10) text += fillerRow;
      text += "p".repeat(chunk - shift - text.length - 4) + ",x\r\n";
      expect(text.length).toBe(chunk - shift);
      text += special + "Last,row\r\n";
      const cells = [...readRecords(text, { delimiter: ",", newline: "\r\n", sepLine: false })].map(
        (r) => r.cells,
      );
      expect(cells).toContainEqual(["Rep X", 'a"b\r\nc,d']);
      expect(cells.at(-2)).toEqual(["Last", "row"]);
    }
  });

  it("reads a 1 MB cell whole", () => {
    const big = "x".repeat(1024 * 1024);
    const out = records(`name,notes\nAna,"${big}"\nBo,${big}\n`);
    expect(out[1]?.cells[1]).toHaveLength(1024 * 1024);
    expect(out[2]?.cells[1]).toHaveLength(1024 * 1024);
    expect(out[2]?.row).toBe(3);
  });

  it("reads 10,000 columns", () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    const row = Array.from({ length: 10_000 }, (_, i) => String(i)).join(",");
    const out = records(`${header}\n${row}\n`);
    expect(out[0]?.cells).toHaveLength(10_000);
    expect(out[1]?.cells[9_999]).toBe("9999");
  });
});
