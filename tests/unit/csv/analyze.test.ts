import { describe, expect, it } from "vitest";
import {
  MAX_BYTES,
  MAX_ROWS,
  TeamCsvRowLimitError,
  analyzeTeamCsv,
  checkCsvByteSize,
  iterateTeamRows,
  type TeamRowResult,
} from "@/lib/csv";
import { fixtureBytes, preview, rep, sampleReps } from "./helpers";

describe("analyzeTeamCsv on real-looking files", () => {
  it("reads a messy CRM export: alias headers, $ and M, quoted newline, blank line, ragged and bad rows", () => {
    const p = preview(fixtureBytes("crm-export-messy.csv"));
    expect(p.encodingLabel).toBe("UTF-8");
    expect(p.delimiter).toBe(",");
    expect(p.headers).toHaveLength(20); // the two trailing empty header cells are ignored
    expect(p.mappingProblems).toEqual([]);
    expect(p.unmapped.map((c) => [c.label, c.note])).toEqual([
      ["Region", 'Looks like team, which "Segment" already fills.'],
    ]);
    expect(p.rowCount).toBe(6);
    expect(p.validCount).toBe(3);
    expect(p.invalidRowCount).toBe(3);
    expect(p.sampleRows[0]).toEqual({
      row: 2,
      rep: {
        name: "Ruiz, Ana",
        email: "ana.ruiz@acme.com",
        role: "inside",
        title: "Account Executive,\nMid-Market",
        team: "Mid-Market",
        baseSalary: 42833,
        ote: 96299,
        annualQuota: 1200000,
        quotaAttainment: 0.87,
        calls: 412,
        voicemails: 96,
        emails: 1050,
        socialTouches: 60,
        meetings: 38,
        dealsWon: 9,
        avgDealSize: 28500,
        salesCycleDays: 64,
        decisionMakers: 3,
        remoteSellingPct: 0.45,
      },
    });
    // Rows as a spreadsheet numbers them: the quoted newline in row 2 does not shift row 5 (after a blank row 4).
    expect(p.sampleRows.map((r) => r.row)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        6,
        null,
        "This row has 21 cells but the header has 20 columns. A value that contains a comma (such as $42,833.00) must be in double quotes.",
      ],
      [7, "Sales Role", '"Account Executive" is not a role; write inside, outside or hybrid'],
      [7, "On Target Earnings", "OTE (40,000) is below the base salary (50,000); OTE includes base pay"],
      [7, "% to Quota", '"abc" is not a percentage'],
      [7, "Calls Made", "calls must be a whole number, not 250.5"],
      [
        8,
        "Owner Email",
        '"ana.ruiz@acme.com" is already used in row 2; emails must be unique within the file',
      ],
    ]);
    expect(p.errorCount).toBe(6);
    expect(p.canImportAll).toBe(false);
    expect(p.canImportValidOnly).toBe(true);
  });

  it("reads Chinese headers and values (万, ¥, 内部销售 / 外部销售 / 混合)", () => {
    const p = preview(fixtureBytes("chinese-headers.csv"));
    expect(p.encoding).toEqual({ encoding: "utf-8", bom: true });
    expect(p.unmapped).toEqual([]);
    expect(p.errorCount).toBe(0);
    const [wang, li, zhang] = sampleReps(p);
    expect(wang).toMatchObject({
      name: "王芳",
      role: "inside",
      baseSalary: 120000,
      annualQuota: 5_000_000,
      quotaAttainment: 0.95,
    });
    expect(li).toMatchObject({ role: "outside", annualQuota: 12_000_000, remoteSellingPct: 0.2 });
    expect(zhang?.role).toBe("hybrid");
    const attainment = p.columnRules.find((r) => r.field === "quotaAttainment");
    expect(attainment?.percentScale).toBe("fraction");
  });

  it("reads a ';' file with decimal commas and € amounts", () => {
    const p = preview(fixtureBytes("semicolon-decimal-comma.csv"));
    expect(p.delimiterLabel).toBe("semicolon (;)");
    expect(p.errorCount).toBe(0);
    expect(
      sampleReps(p).map((r) => [
        r.name,
        r.baseSalary,
        r.ote,
        r.quotaAttainment,
        r.avgDealSize,
        r.salesCycleDays,
        r.remoteSellingPct,
      ]),
    ).toEqual([
      ["Ana Ruiz", 42833, 96299, 0.875, 28500, 64, 0.45],
      ["Jörg Weiß", 65000, 130000, 1.12, 120000, 95.5, 0.2],
      ["Élodie Martin", 1234.5, 60000, 0.9, 9500.5, 30, 0.35],
    ]);
    expect(p.columnRules.find((r) => r.field === "baseSalary")?.currencies).toEqual(["EUR"]);
  });

  it("reads Windows-1252 and says so", () => {
    const p = preview(fixtureBytes("windows-1252.csv"));
    expect(p.encodingLabel).toBe("Windows-1252 (the bytes are not valid UTF-8)");
    expect(sampleReps(p).map((r) => [r.name, r.team, r.baseSalary])).toEqual([
      ["José Müller", "Zürich", 42833],
      ["Françoise Lefèvre", "Île-de-France", 50000],
    ]);
  });

  it("reads GBK (Chinese Excel's default) when that makes the headers match", () => {
    const p = preview(fixtureBytes("gbk-chinese.csv"));
    expect(p.encoding.encoding).toBe("gb18030");
    expect(sampleReps(p).map((r) => [r.name, r.role, r.calls])).toEqual([
      ["王芳", "inside", 820],
      ["李强", "outside", 150],
    ]);
  });

  it("reads Excel's UTF-16 tab-separated 'Unicode text' and UTF-16 BE", () => {
    const le = preview(fixtureBytes("utf16le-tab.csv"));
    expect([le.encoding.encoding, le.delimiter, le.validCount]).toEqual(["utf-16le", "\t", 2]);
    expect(sampleReps(le)[1]).toMatchObject({ name: "王芳", role: "outside" });
    const be = preview(fixtureBytes("utf16be.csv"));
    expect([be.encoding.encoding, be.validCount]).toEqual(["utf-16be", 2]);
  });

  it("reads a Workday-style export with split names", () => {
    const p = preview(fixtureBytes("workday-first-last.csv"));
    expect(sampleReps(p)).toEqual([
      rep({
        name: "Ana Ruiz",
        role: "inside",
        title: "Account Executive",
        team: "EMEA Sales",
        baseSalary: 42833,
      }),
      rep({
        name: "Ben Okafor",
        role: "outside",
        title: "Field Sales Manager",
        team: "NA Sales",
        baseSalary: 85000,
      }),
    ]);
    expect(p.unmapped.map((c) => c.label)).toEqual(["Worker ID"]);
  });

  it("reports ragged rows without guessing, and accepts extra empty trailing cells", () => {
    const p = preview(fixtureBytes("ragged-rows.csv"));
    expect(p.errors.map((e) => [e.row, e.message.split(".")[0]])).toEqual([
      [3, "This row has 5 cells but the header has 4 columns"],
      [4, "This row has 2 cells but the header has 4 columns"],
    ]);
    expect(p.validCount).toBe(2);
  });
});

describe("analyzeTeamCsv refuses unreadable files with a clear error", () => {
  it.each([
    ["empty.csv", "empty", "The file is empty."],
    [
      "header-only.csv",
      "no-data-rows",
      "The file has a header row but no data rows: add one row per rep below the header.",
    ],
    ["png-renamed.csv", "binary", "This is a PNG image, not a CSV file."],
  ])("%s → %s", (file, code, message) => {
    expect(analyzeTeamCsv(fixtureBytes(file))).toEqual({ ok: false, error: { code, message } });
  });

  it("treats a file of blank lines and lone delimiters as empty", () => {
    const result = analyzeTeamCsv("\r\n,,,\r\n , , \r\n\r\n");
    expect(result.ok ? null : result.error.code).toBe("empty");
  });

  it("refuses a file over the byte limit before reading it", () => {
    expect(checkCsvByteSize(MAX_BYTES + 1)).toBe("The file is 20 MB; the limit is 20 MB.");
    expect(checkCsvByteSize(25 * 1024 * 1024)).toBe("The file is 25 MB; the limit is 20 MB.");
    expect(checkCsvByteSize(MAX_BYTES)).toBeNull();
    const result = analyzeTeamCsv(new Uint8Array(2_000), { maxBytes: 1_000 });
    expect(result.ok ? null : result.error.code).toBe("too-large");
  });

  it("stops as soon as the row limit is passed", () => {
    expect(MAX_ROWS).toBe(100_000);
    const rows = Array.from({ length: 11 }, (_, i) => `Rep ${i},inside`).join("\n");
    expect(analyzeTeamCsv(`name,role\n${rows}\n`, { maxRows: 11 }).ok).toBe(true);
    expect(analyzeTeamCsv(`name,role\n${rows}\n`, { maxRows: 10 })).toEqual({
      ok: false,
      error: {
        code: "too-many-rows",
        message: "The file has more than 10 rows; split it into files of at most 10 rows.",
      },
    });
  });

  it("says when the header row matched nothing", () => {
    const p = preview("Ana,inside,42833\nBo,outside,50000\n");
    expect(p.plan).toBeNull();
    expect(p.mappingProblems.map((m) => m.code)).toEqual(["required-unmapped", "required-unmapped"]);
    expect(p.notes[0]).toMatch(/^No header matched a field\. Row 1 is read as the header/);
    expect(p.sampleCells).toEqual([["Bo", "outside", "50000"]]);
  });
});

describe("analyzeTeamCsv and iterateTeamRows agree", () => {
  const csv = [
    "sep=;",
    "Name;Role;Attainment;Base",
    "Ana;inside;0,9;42.833,00",
    "Bo;outside;1,2;x",
    "",
    "Cy;hybrid;0,5;50.000",
    "Dee;;0,7;1",
  ].join("\r\n");

  it("iterates exactly the rows the preview counted, with the same errors and row numbers", () => {
    const p = preview(csv);
    expect(p.notes).toContain('The first line "sep=" sets the delimiter; it is not counted as a row.');
    expect(p.plan).not.toBeNull();
    if (!p.plan) return;
    const all: TeamRowResult[] = [...iterateTeamRows(csv, p.plan)];
    expect(all).toEqual(p.sampleRows);
    expect(all.map((r) => r.row)).toEqual([2, 3, 5, 6]);
    expect(all.filter((r) => "rep" in r)).toHaveLength(p.validCount);
    expect(all.flatMap((r) => ("errors" in r ? r.errors : []))).toEqual(p.errors);
  });

  it("iterates bytes with the decoding the preview chose", () => {
    const bytes = fixtureBytes("windows-1252.csv");
    const p = preview(bytes);
    if (!p.plan) throw new Error("no plan");
    const names = [...iterateTeamRows(bytes, p.plan)].map((r) => ("rep" in r ? r.rep.name : null));
    expect(names).toEqual(["José Müller", "Françoise Lefèvre"]);
  });

  it("throws a typed error if the file grew past the plan's row limit", () => {
    const { plan } = preview("name,role\nA,inside\n");
    if (!plan) throw new Error("no plan");
    const grown = `name,role\n${"A,inside\n".repeat(3)}`;
    expect(() => [...iterateTeamRows(grown, { ...plan, maxRows: 2 })]).toThrow(TeamCsvRowLimitError);
    expect([...iterateTeamRows(grown, { ...plan, maxRows: 3 })]).toHaveLength(3);
  });

  it("applies user overrides and reports the mapping it used", () => {
    const p = preview("Person,Kind,Segment\nAna,inside,EMEA\n", {
      overrides: [
        { columnIndex: 0, target: "name" },
        { columnIndex: 1, target: "role" },
        { columnIndex: 2, target: null },
      ],
    });
    expect(p.sampleRows).toEqual([{ row: 2, rep: rep({ name: "Ana", role: "inside" }) }]);
    expect(p.unmapped.map((c) => c.label)).toEqual(["Segment"]);
  });

  it("keeps every error count but caps the error list", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Rep ${i},nobody`).join("\n");
    const p = preview(`name,role\n${rows}\n`, { maxReportedErrors: 10, sampleRows: 5 });
    expect(p.errorCount).toBe(30);
    expect(p.errors).toHaveLength(10);
    expect(p.errorsTruncated).toBe(true);
    expect(p.sampleRows).toHaveLength(5);
  });
});

describe("edge cases from the issue", () => {
  it("a BOM in text input does not end up in the first header", () => {
    const p = preview("\uFEFFname,role\nAna,inside\n");
    expect(p.headers[0]).toBe("name");
    expect(p.mapping[0]?.match).toBe("exact");
  });

  it("10,000 columns with the fields among them", () => {
    const headers = Array.from({ length: 10_000 }, (_, i) => `extra ${i}`);
    headers[3] = "Name";
    headers[9_000] = "Role";
    const cells = Array.from({ length: 10_000 }, (_, i) =>
      i === 3 ? "Ana" : i === 9_000 ? "field" : String(i),
    );
    const p = preview(`${headers.join(",")}\n${cells.join(",")}\n`);
    expect(p.sampleRows).toEqual([{ row: 2, rep: rep({ name: "Ana", role: "outside" }) }]);
    expect(p.unmapped).toHaveLength(9_998);
  });

  it("a 1 MB cell in an ignored column does not disturb the row", () => {
    const p = preview(`name,notes,role\nAna,"${"n".repeat(1024 * 1024)}",inside\nBo,short,outside\n`);
    expect(p.validCount).toBe(2);
    expect(p.sampleCells[0]?.[1]).toHaveLength(100);
  });
});
