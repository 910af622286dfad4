import { describe, expect, it } from "vitest";
import { analyzeTeam, SIZE_BANDS, type TeamAnalysis } from "@/lib/benchmarks";
import { formatGapValue, headlineSummary, rankedGaps } from "@/lib/benchmarks/headline";
import { formatShare } from "@/lib/benchmarks/format";
import { analyzeTeamCsv } from "@/lib/csv";
import type { Rep } from "@/lib/team/types";
import { demoTeamFiles } from "@/server/seed/demo-team";
import { makeProfile, makeRep, makeReps } from "./helpers";

const DEMO_PROFILE = makeProfile({
  annualRevenue: 38_000_000,
  employeeCount: 180,
  typicalDealSize: 24_000,
  salesCycleDays: 60,
  decisionMakers: 3,
  customerEmployees: 250,
});

function demoReps(text: string): Rep[] {
  const result = analyzeTeamCsv(text, { sampleRows: 1000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.preview.sampleRows.flatMap((r) => ("rep" in r ? [r.rep] : []));
}

/** Every number a sentence may state: the analysis's values as the product formats them. */
function numbersOf(analysis: TeamAnalysis): Set<string> {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const n of text.match(/\d[\d,.]*/g) ?? []) out.add(n.replace(/[.,]$/, ""));
  };
  add(SIZE_BANDS[analysis.band].label);
  for (const g of analysis.gaps) {
    add(g.benchmark.display);
    if (g.orgValue !== null) add(formatGapValue(g, g.orgValue));
    if (g.insufficient) add(`${g.insufficient.needed} ${g.insufficient.have}`);
    add(formatShare(g.tolerance));
  }
  for (const r of analysis.recommendations) {
    add(r.title);
    if (r.mix) add(`${formatShare(r.mix.range.low)} ${formatShare(r.mix.range.high)}`);
  }
  return out;
}

function numbersIn(text: string): string[] {
  // Figure ids and dates are not stated numbers; strip them first.
  return (text.replace(/\d{4}-\d{2}-\d{2}/g, "").match(/\d[\d,.]*/g) ?? []).map((n) =>
    n.replace(/[.,]$/, ""),
  );
}

describe("headlineSummary", () => {
  const files = demoTeamFiles();
  const demo = analyzeTeam(demoReps(files.today), DEMO_PROFILE);

  it("gives the demo team four sentences, in order, each pointing to its section", () => {
    const sentences = headlineSummary(demo);
    expect(sentences.map((s) => s.topic)).toEqual(["mix", "gaps", "model", "next_step"]);
    expect(sentences.map((s) => s.section)).toEqual([
      "composition",
      "gaps",
      "sales-model",
      "recommendations",
    ]);
    for (const s of sentences) expect(s.text.length).toBeGreaterThan(20);
  });

  it("states the demo's mix against the small band's figure and names its id", () => {
    const [mix] = headlineSummary(demo);
    const gap = demo.gaps.find((g) => g.figureId === "mix.inside_share.small");
    expect(gap?.orgValue).not.toBeNull();
    expect(mix?.text).toContain(formatShare(gap?.orgValue ?? -1));
    expect(mix?.text).toContain(gap?.benchmark.display ?? "missing");
    expect(mix?.figureIds[0]).toBe("mix.inside_share.small");
  });

  it("states no number that is not a value of the analysis", () => {
    const allowed = numbersOf(demo);
    for (const s of headlineSummary(demo)) {
      for (const n of numbersIn(s.text)) expect(allowed, `${n} in "${s.text}"`).toContain(n);
    }
  });

  it("names the largest gaps ranked as the recommendations act on them, with their figure ids", () => {
    const ranked = rankedGaps(demo);
    const [, gaps] = headlineSummary(demo);
    expect(ranked.length).toBeGreaterThan(0);
    expect(gaps?.figureIds).toEqual(ranked.slice(0, 3).map((g) => g.figureId));
    for (const g of ranked.slice(0, 3)) expect(gaps?.text).toContain(g.label);
    // A gap acted on by a ranked recommendation comes before any gap no recommendation acts on.
    const acted = new Set(
      demo.recommendations
        .filter((r) => r.id === "pay_quota.alignment" || r.id === "activity.gaps")
        .flatMap((r) => r.figureIds),
    );
    const firstUnacted = ranked.findIndex((g) => !acted.has(g.figureId));
    const lastActed = ranked.map((g) => acted.has(g.figureId)).lastIndexOf(true);
    if (firstUnacted !== -1) expect(lastActed).toBeLessThan(firstUnacted);
    for (const g of ranked) expect(["above", "below"]).toContain(g.status);
  });

  it("names the sales model with its rule ids and the first recommendation as the next step", () => {
    const [, , model, next] = headlineSummary(demo);
    expect(model?.text).toContain(demo.classification.model);
    expect(model?.figureIds).toContain("model.transactional.deal_max");
    expect(next?.text).toContain(demo.recommendations[0]?.title ?? "missing");
    expect(next?.figureIds).toEqual(expect.arrayContaining(demo.recommendations[0]?.figureIds ?? ["x"]));
  });

  it("says not enough data where the analysis has too few reps", () => {
    const tiny = analyzeTeam([makeRep("inside", { baseSalary: 40_000 }), makeRep("outside")], makeProfile());
    const sentences = headlineSummary(tiny);
    expect(sentences[1]?.text).toMatch(/not enough data/i);
    expect(sentences[2]?.text).toMatch(/not enough data to tell the sales model/i);
    expect(sentences[0]?.text).toContain("no size band");
    const empty = analyzeTeam([], makeProfile({ annualRevenue: 10_000_000 }));
    const none = headlineSummary(empty);
    expect(none[0]?.text).toBe("Not enough data: this upload has no reps.");
    expect(none.length).toBeGreaterThanOrEqual(3);
  });

  it("says a team too small for the mix figure has not enough data, with the counts", () => {
    const one = analyzeTeam(makeReps(0, "inside"), makeProfile({ annualRevenue: 10_000_000 }));
    expect(headlineSummary(one)[0]?.text).toMatch(/not enough data/i);
  });

  it("adds the since-last-upload line with the comparison's counts", () => {
    const sentences = headlineSummary(demo, {
      previousAsOf: "2025-12-04",
      joined: 2,
      left: 1,
      changedRole: 14,
      changedTeam: 0,
      insideShareBefore: 0.325,
      insideShareAfter: 0.6,
    });
    expect(sentences).toHaveLength(5);
    expect(sentences[4]?.text).toBe(
      "Since the upload of 2025-12-04: 2 reps joined, 1 left, 14 changed role, 0 changed team; the inside share moved from 32.5% to 60%.",
    );
    expect(sentences[4]?.section).toBe("changes");
  });
});

describe("the demo's two seed files compared", () => {
  it("are the same 40 people, of whom 14 changed role and none changed team", async () => {
    const { diffRosters } = await import("@/lib/team/roster-diff");
    const files = demoTeamFiles();
    const d = diffRosters(demoReps(files.lastYear), demoReps(files.today));
    expect(d.matched).toEqual({ byEmail: 40, byName: 0 });
    expect([d.joined.length, d.left.length, d.changedRole.length, d.changedTeam.length]).toEqual([
      0, 0, 14, 0,
    ]);
  });
});
