import { describe, expect, it } from "vitest";
import {
  MAPPING_TARGET_SPECS,
  columnLetter,
  mappingToRemember,
  matchHeader,
  normalizeHeader,
  resolveMapping,
  type MappingTarget,
} from "@/lib/csv";
import { HEADER_ALIASES } from "@/lib/csv/aliases";

describe("normalizeHeader", () => {
  it.each([
    ["Base Pay", "basepay"],
    ["  BASE_PAY ", "basepay"],
    ["basePay", "basepay"],
    ["Base-Pay.", "basepay"],
    ["% to Quota", "pcttoquota"],
    ["# Calls", "numcalls"],
    ["Salário Base", "salariobase"],
    ["基本工资（元）", "基本工资元"],
    ["ＯＴＥ", "ote"],
  ])("%j → %j", (header, key) => {
    expect(normalizeHeader(header)).toBe(key);
  });
});

describe("matchHeader", () => {
  // Every header named in the issue, as CRM / HR exports write them.
  it.each<[string, MappingTarget]>([
    ["Full Name", "name"],
    ["Rep Name", "name"],
    ["Owner", "name"],
    ["Opportunity Owner", "name"],
    ["Work Email", "email"],
    ["E-mail Address", "email"],
    ["Sales Role", "role"],
    ["Job Title", "title"],
    ["Segment", "team"],
    ["Region", "team"],
    ["Base Pay", "baseSalary"],
    ["Annual Base", "baseSalary"],
    ["OTE", "ote"],
    ["On Target Earnings", "ote"],
    ["On-Target Earnings (USD)", "ote"],
    ["Quota", "annualQuota"],
    ["Attainment", "quotaAttainment"],
    ["% to Quota", "quotaAttainment"],
    ["Quota %", "quotaAttainment"],
    ["Dials", "calls"],
    ["Calls Made", "calls"],
    ["Total Calls YTD", "calls"],
    ["VMs", "voicemails"],
    ["Emails Sent", "emails"],
    ["Email Count", "emails"],
    ["LinkedIn Touches", "socialTouches"],
    ["Social", "socialTouches"],
    ["Meetings", "meetings"],
    ["Closed Won", "dealsWon"],
    ["Avg Deal Size", "avgDealSize"],
    ["ACV", "avgDealSize"],
    ["Sales Cycle", "salesCycleDays"],
    ["Sales Cycle (days)", "salesCycleDays"],
    ["Decision Makers", "decisionMakers"],
    ["% Remote", "remoteSellingPct"],
    ["Remote Selling %", "remoteSellingPct"],
    ["First Name", "firstName"],
    ["Legal Last Name", "lastName"],
    ["base_salary", "baseSalary"],
    ["remoteSellingPct", "remoteSellingPct"],
  ])("%j → %s", (header, target) => {
    expect(matchHeader(header)?.target).toBe(target);
  });

  it.each<[string, MappingTarget]>([
    ["姓名", "name"],
    ["邮箱", "email"],
    ["角色", "role"],
    ["职位", "title"],
    ["团队", "team"],
    ["基本工资", "baseSalary"],
    ["基本工资（元）", "baseSalary"],
    ["目标收入", "ote"],
    ["目标收入/OTE", "ote"],
    ["年度配额", "annualQuota"],
    ["配额完成率", "quotaAttainment"],
    ["电话数", "calls"],
    ["语音留言", "voicemails"],
    ["邮件数", "emails"],
    ["社交触达", "socialTouches"],
    ["会议数", "meetings"],
    ["成交数", "dealsWon"],
    ["平均交易额", "avgDealSize"],
    ["销售周期", "salesCycleDays"],
    ["决策人数", "decisionMakers"],
    ["远程销售占比", "remoteSellingPct"],
    ["姓名 Name", "name"],
    ["Base Salary\n基本工资", "baseSalary"],
  ])("Chinese %j → %s", (header, target) => {
    expect(matchHeader(header)?.target).toBe(target);
  });

  it("tells the template header (exact) from an alias", () => {
    expect(matchHeader("Base Salary")).toEqual({ target: "baseSalary", match: "exact" });
    expect(matchHeader("Base Pay")).toEqual({ target: "baseSalary", match: "alias" });
  });

  it.each(["Notes", "Worker ID", "Hire Date", "", "   ", "Email / Calls", "Account Executive"])(
    "leaves %j unmatched",
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );

  it("has no alias that normalizes to two different fields", () => {
    const owner = new Map<string, MappingTarget>();
    const clashes: string[] = [];
    for (const spec of MAPPING_TARGET_SPECS) {
      for (const alias of [spec.header, spec.target, ...HEADER_ALIASES[spec.target]]) {
        const key = normalizeHeader(alias);
        const previous = owner.get(key);
        if (previous && previous !== spec.target) clashes.push(`${alias}: ${previous} / ${spec.target}`);
        owner.set(key, spec.target);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe("resolveMapping", () => {
  const headers = ["Full Name", "Work Email", "Sales Role", "Segment", "Region", "Notes", ""];

  it("suggests a mapping with how each column matched and lists unmapped columns", () => {
    const { columns, unmapped, problems } = resolveMapping(headers);
    expect(columns.map((c) => [c.columnIndex, c.header, c.target, c.match])).toEqual([
      [0, "Full Name", "name", "alias"],
      [1, "Work Email", "email", "alias"],
      [2, "Sales Role", "role", "alias"],
      [3, "Segment", "team", "alias"],
      [4, "Region", null, "none"],
      [5, "Notes", null, "none"],
      [6, "", null, "none"],
    ]);
    expect(columns[4]?.note).toBe('Looks like team, which "Segment" already fills.');
    expect(unmapped.map((c) => c.label)).toEqual(["Region", "Notes", "column G"]);
    expect(problems).toEqual([]);
  });

  it("prefers the template header over an alias for the same field, whatever the column order", () => {
    const { columns } = resolveMapping(["Region", "Team"]);
    expect(columns.map((c) => c.target)).toEqual([null, "team"]);
  });

  it("applies user overrides, including ignoring a column", () => {
    const { columns } = resolveMapping(headers, {
      overrides: [
        { columnIndex: 3, target: null },
        { columnIndex: 4, target: "team" },
        { columnIndex: 5, target: "title" },
      ],
    });
    expect(columns.map((c) => [c.target, c.match])).toEqual([
      ["name", "alias"],
      ["email", "alias"],
      ["role", "alias"],
      [null, "override"],
      ["team", "override"],
      ["title", "override"],
      [null, "none"],
    ]);
  });

  it("an override beats an automatic match for the same field", () => {
    const { columns, problems } = resolveMapping(headers, {
      overrides: [{ columnIndex: 5, target: "email" }],
    });
    expect(columns[5]?.target).toBe("email");
    expect(columns[1]?.target).toBeNull();
    expect(problems).toEqual([]);
  });

  it("two columns the user mapped to one field are a blocking error naming both", () => {
    const { problems } = resolveMapping(headers, {
      overrides: [
        { columnIndex: 3, target: "team" },
        { columnIndex: 4, target: "team" },
      ],
    });
    expect(problems).toEqual([
      {
        code: "duplicate-target",
        message: 'Columns "Segment" and "Region" are all mapped to team; keep one and ignore the others.',
        columnIndexes: [3, 4],
      },
    ]);
  });

  it("a required field left unmapped blocks with that message", () => {
    const { problems } = resolveMapping(["Full Name", "Notes"]);
    expect(problems.map((p) => p.code)).toEqual(["required-unmapped"]);
    expect(problems[0]?.message).toMatch(/^No column is mapped to role \(required\)/);
    const noName = resolveMapping(["Role"]).problems;
    expect(noName[0]?.message).toMatch(/^No column is mapped to name \(required\)/);
  });

  it("first and last name columns stand in for the name, and give way to a full-name column", () => {
    const split = resolveMapping(["First Name", "Last Name", "Role"]);
    expect(split.problems).toEqual([]);
    expect(split.columns.map((c) => c.target)).toEqual(["firstName", "lastName", "role"]);

    const both = resolveMapping(["Full Name", "First Name", "Last Name", "Role"]);
    expect(both.columns.map((c) => c.target)).toEqual(["name", null, null, "role"]);
    expect(both.columns[1]?.note).toBe('Not needed: "Full Name" has the full name.');
  });

  it("refuses overrides that map both a full name and name parts", () => {
    const { problems } = resolveMapping(["Full Name", "First", "Role"], {
      overrides: [
        { columnIndex: 0, target: "name" },
        { columnIndex: 1, target: "firstName" },
      ],
    });
    expect(problems.map((p) => p.code)).toEqual(["name-conflict"]);
  });

  it("reports an override for a column the file does not have", () => {
    const { problems } = resolveMapping(["Name", "Role"], {
      overrides: [{ columnIndex: 7, target: "team" }],
    });
    expect(problems.map((p) => p.code)).toEqual(["unknown-column"]);
  });

  it("offers a remembered mapping again, keyed by normalized header, before automatic matches", () => {
    const first = resolveMapping(["Rep", "Kind", "Segment", "Notes"], {
      overrides: [
        { columnIndex: 1, target: "role" },
        { columnIndex: 2, target: null },
      ],
    });
    const remembered = mappingToRemember(first.columns);
    expect(remembered).toEqual({ rep: "name", kind: "role", segment: null });

    const next = resolveMapping(["REP", "kind ", "Segment", "Region", "Notes"], { remembered });
    expect(next.columns.map((c) => [c.target, c.match])).toEqual([
      ["name", "remembered"],
      ["role", "remembered"],
      [null, "remembered"],
      ["team", "alias"],
      [null, "none"],
    ]);
    expect(next.problems).toEqual([]);
  });

  it("does not remember a header two columns share when they were mapped differently", () => {
    const first = resolveMapping(["Name", "role", "Role"], { overrides: [{ columnIndex: 2, target: null }] });
    expect(first.columns.map((c) => c.target)).toEqual(["name", "role", null]);
    const remembered = mappingToRemember(first.columns);
    expect(remembered).toEqual({ name: "name" });

    // The next upload of the same headers still finds its role column.
    const next = resolveMapping(["Name", "role", "Role"], { remembered });
    expect(next.columns.find((c) => c.target === "role")?.header).toBe("role");
    expect(next.problems.filter((p) => p.code === "required-unmapped")).toEqual([]);
  });

  it("maps 10,000 columns quickly and lists the rest as unmapped", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `Custom Field ${i}`);
    many[17] = "Rep Name";
    many[9_998] = "Sales Role";
    const started = performance.now();
    const { columns, unmapped, problems } = resolveMapping(many);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(columns[17]?.target).toBe("name");
    expect(columns[9_998]?.target).toBe("role");
    expect(unmapped).toHaveLength(9_998);
    expect(problems).toEqual([]);
  });
});

describe("columnLetter", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("%i → %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
