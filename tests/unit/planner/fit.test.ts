import { describe, expect, it } from "vitest";
import { fitScore, repFit } from "@/lib/planner";
import { rep } from "./helpers";

const line = (r: ReturnType<typeof repFit>, criterion: string) => {
  const found = r.lines.find((l) => l.criterion === criterion);
  if (!found) throw new Error(`no ${criterion} line`);
  return found;
};

describe("repFit: one line per criterion, each citing its id", () => {
  it.each([
    [31_999.99, "inside"],
    [32_000, "borderline"], // model.relationship.deal_min_structure: $32,000 starts the borderline zone
    [35_000, "borderline"], // model.transactional.deal_max: $35,000 still borderline
    [35_000.01, "outside"],
  ] as const)("deal size %d leans %s", (deal, lean) => {
    const l = line(repFit(rep(2, { avgDealSize: deal })), "deal_size");
    expect(l.lean).toBe(lean);
    expect(l.ids).toEqual(["model.transactional.deal_max", "model.relationship.deal_min_structure"]);
  });

  it.each([
    [89, "inside"],
    [90, "outside"], // model.cycle_days: 90 or more is relationship
  ] as const)("sales cycle %d days leans %s", (days, lean) => {
    const l = line(repFit(rep(2, { salesCycleDays: days })), "sales_cycle");
    expect(l.lean).toBe(lean);
    expect(l.ids).toEqual(["model.cycle_days"]);
    expect(l.text).toContain("model.cycle_days");
  });

  it.each([
    [1, "inside"],
    [3, "inside"],
    [3.5, "borderline"],
    [4, "outside"],
  ] as const)("%d decision makers leans %s", (n, lean) => {
    const l = line(repFit(rep(2, { decisionMakers: n })), "decision_makers");
    expect(l.lean).toBe(lean);
    expect(l.ids).toEqual(["model.decision_makers"]);
  });

  it.each([
    [0.454, "inside"], // remote.outside_time_share: at the outside reps' 45.4 % or above
    [0.45, "outside"],
  ] as const)("remote share %d leans %s", (share, lean) => {
    const l = line(repFit(rep(2, { remoteSellingPct: share })), "remote_share");
    expect(l.lean).toBe(lean);
    expect(l.ids).toEqual(["remote.outside_time_share"]);
    expect(l.text).toContain("45.4%");
  });
});

describe("repFit: the verdict", () => {
  it("all four inside: inside fit, score 4", () => {
    const f = repFit(
      rep(2, { avgDealSize: 20_000, salesCycleDays: 45, decisionMakers: 2, remoteSellingPct: 0.6 }),
    );
    expect(f).toMatchObject({ verdict: "inside_fit", score: 4, known: 4 });
    expect(f.lines[0]?.text).toBe(
      "Deal size $20,000 is under $32,000: transactional, suits inside (model.relationship.deal_min_structure).",
    );
  });

  it("all four outside: outside fit, score −4", () => {
    const f = repFit(
      rep(2, { avgDealSize: 50_000, salesCycleDays: 120, decisionMakers: 5, remoteSellingPct: 0.2 }),
    );
    expect(f).toMatchObject({ verdict: "outside_fit", score: -4, known: 4 });
  });

  it("three inside, one outside: a lead of two is an inside fit", () => {
    const f = repFit(
      rep(2, { avgDealSize: 20_000, salesCycleDays: 120, decisionMakers: 2, remoteSellingPct: 0.5 }),
    );
    expect(f).toMatchObject({ verdict: "inside_fit", score: 2 });
  });

  it("one inside, one outside, one borderline: borderline", () => {
    const f = repFit(rep(2, { avgDealSize: 20_000, salesCycleDays: 120, decisionMakers: 3.5 }));
    expect(f).toMatchObject({ verdict: "borderline", score: 0, known: 3 });
  });

  it("one known criterion is not enough data; the missing ones say so", () => {
    const f = repFit(rep(2, { avgDealSize: 20_000 }));
    expect(f.verdict).toBe("not_enough_data");
    expect(f.known).toBe(1);
    expect(line(f, "sales_cycle").text).toMatch(/not enough data/);
    expect(line(f, "decision_makers").lean).toBe("unknown");
    expect(line(f, "remote_share").text).toMatch(/not enough data/);
  });

  it("a file without any of the fields: not enough data on every line", () => {
    const f = repFit(rep(2));
    expect(f.verdict).toBe("not_enough_data");
    expect(f.lines.every((l) => l.lean === "unknown" && /not enough data/.test(l.text))).toBe(true);
  });

  it("non-numbers and negatives count as missing, not as 0", () => {
    const f = repFit(
      rep(2, { avgDealSize: Number.NaN, salesCycleDays: -5, decisionMakers: 2, remoteSellingPct: 1.5 }),
    );
    expect(f.known).toBe(1);
  });
});

describe("fitScore agrees with repFit", () => {
  it("on every combination of the criteria's boundary values and missing fields", () => {
    const deals = [null, 0, 31_999, 32_000, 35_000, 35_001];
    const cycles = [null, 89, 90];
    const dms = [null, 3, 3.5, 4];
    const remotes = [null, 0.45, 0.454, 1.2];
    let checked = 0;
    for (const avgDealSize of deals)
      for (const salesCycleDays of cycles)
        for (const decisionMakers of dms)
          for (const remoteSellingPct of remotes) {
            const r = rep(2, { avgDealSize, salesCycleDays, decisionMakers, remoteSellingPct });
            const full = repFit(r);
            expect(fitScore(r)).toEqual({ verdict: full.verdict, score: full.score, known: full.known });
            checked += 1;
          }
    expect(checked).toBe(288);
  });
});
