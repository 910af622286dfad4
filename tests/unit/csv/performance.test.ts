import { describe, expect, it } from "vitest";
import { analyzeTeamCsv, iterateTeamRows, repsToCsv } from "@/lib/csv";
import type { Rep } from "@/lib/team/types";
import { EMPTY_REP } from "../../helpers/reps";

/**
 * 100,000 generated rows (every column filled, money with $ and thousands separators, percents with %,
 * quoted names with commas) through the preview (two passes) and through the row iterator the import uses.
 * The bound is loose so slow CI machines pass; the time is printed for the record.
 */
function generatedCsv(rows: number): Uint8Array {
  const roles = ["Inside Sales Rep", "Field Sales", "Hybrid"];
  const lines = [
    "Full Name,Work Email,Sales Role,Job Title,Segment,Base Pay,OTE,Quota,% to Quota,Dials,VMs,Emails Sent,LinkedIn Touches,Meetings,Closed Won,ACV,Sales Cycle,Decision Makers,% Remote",
  ];
  for (let i = 0; i < rows; i++) {
    const base = 40_000 + (i % 50_000);
    lines.push(
      [
        `"Rep ${i}, Jr."`,
        `rep${i}@acme.com`,
        roles[i % 3],
        "Account Executive",
        i % 2 ? "EMEA Mid-Market" : '"NA ""Enterprise"""',
        `"$${base.toLocaleString("en-US")}.00"`,
        `"$${(base * 2).toLocaleString("en-US")}"`,
        "$1.2M",
        `${i % 150}%`,
        i % 900,
        i % 90,
        `"${(i % 2_000).toLocaleString("en-US")}"`,
        i % 70,
        i % 40,
        i % 12,
        "$28500.50",
        64,
        3.5,
        `${i % 100}%`,
      ].join(","),
    );
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

describe("performance", () => {
  it("parses and validates 100,000 rows", () => {
    const bytes = generatedCsv(100_000);
    const started = performance.now();
    const result = analyzeTeamCsv(bytes);
    const analyzed = performance.now();
    if (!result.ok || !result.preview.plan) throw new Error("expected a plan");
    let reps = 0;
    for (const row of iterateTeamRows(bytes, result.preview.plan)) if ("rep" in row) reps++;
    const iterated = performance.now();

    console.info(
      `100,000 rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB: analyzeTeamCsv ${Math.round(analyzed - started)} ms, ` +
        `iterateTeamRows ${Math.round(iterated - analyzed)} ms`,
    );
    expect(result.preview.rowCount).toBe(100_000);
    expect(result.preview.errorCount).toBe(0);
    expect(reps).toBe(100_000);
    expect(analyzed - started).toBeLessThan(20_000);
  }, 120_000);

  it("round-trips 100,000 exported reps", () => {
    const reps: Rep[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...EMPTY_REP,
      name: `Rep ${i}`,
      email: `rep${i}@acme.com`,
      role: i % 2 ? "inside" : "outside",
      team: "=EMEA",
      baseSalary: 40_000 + i / 100,
      ote: 100_000,
      quotaAttainment: (i % 300) / 200,
      calls: i % 900,
    }));
    const csv = repsToCsv(reps);
    const result = analyzeTeamCsv(csv);
    if (!result.ok || !result.preview.plan) throw new Error("expected a plan");
    let index = 0;
    for (const row of iterateTeamRows(csv, result.preview.plan)) {
      if (!("rep" in row) || JSON.stringify(row.rep) !== JSON.stringify(reps[index])) {
        throw new Error(`row ${row.row} differs`);
      }
      index++;
    }
    expect(index).toBe(100_000);
  }, 120_000);
});
