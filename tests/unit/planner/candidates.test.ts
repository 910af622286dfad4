import { describe, expect, it } from "vitest";
import { namedCandidates } from "@/lib/planner";
import { rep } from "./helpers";

const inside4 = { salesCycleDays: 45, decisionMakers: 2, remoteSellingPct: 0.6 };
const team = [
  rep(2, { name: "Ava", avgDealSize: 20_000, ...inside4 }), // score 4
  rep(3, { name: "Ben", avgDealSize: 10_000, ...inside4 }), // score 4, smaller deals: first
  rep(4, { name: "Cy", avgDealSize: 20_000, salesCycleDays: 120, decisionMakers: 2, remoteSellingPct: 0.5 }), // score 2
  rep(5, { name: "Di", avgDealSize: 33_000, salesCycleDays: 120, decisionMakers: 2 }), // borderline
  rep(6, { name: "Ed", avgDealSize: 90_000, salesCycleDays: 150, decisionMakers: 6 }), // outside fit
  rep(7, { name: "Flo", role: "inside", avgDealSize: 10_000, ...inside4 }), // already inside
  rep(8, {
    name: "Gus",
    role: "inside",
    avgDealSize: 80_000,
    salesCycleDays: 120,
    decisionMakers: 5,
    remoteSellingPct: 0.2,
  }),
];

describe("namedCandidates", () => {
  it("outside → inside: inside-fit outside reps, best fit first, the first `needed` preselected", () => {
    const c = namedCandidates(team, { direction: "outside_to_inside", reps: 2 });
    expect(c.direct.map((d) => d.name)).toEqual(["Ben", "Ava", "Cy"]);
    expect(c.preselected).toEqual([
      { row: 3, to: "inside" },
      { row: 2, to: "inside" },
    ]);
    expect(c.hybrid.map((d) => [d.name, d.to])).toEqual([["Di", "hybrid"]]);
    expect(c.shortfall).toBe(0);
    expect(c.direct[0]?.fit.lines).toHaveLength(4);
  });

  it("more reps needed than fit: the shortfall is stated, no misfit is filled in", () => {
    const c = namedCandidates(team, { direction: "outside_to_inside", reps: 5 });
    expect(c.preselected).toHaveLength(3);
    expect(c.shortfall).toBe(2);
    expect(c.note).toMatch(/only 3 outside reps are an inside fit/);
  });

  it("inside → outside: inside reps with relationship-shaped deals", () => {
    const c = namedCandidates(team, { direction: "inside_to_outside", reps: 1 });
    expect(c.direct.map((d) => d.name)).toEqual(["Gus"]);
    expect(c.preselected).toEqual([{ row: 8, to: "outside" }]);
  });

  it("no move: no candidates", () => {
    expect(namedCandidates(team, { direction: "none", reps: 0 }).direct).toEqual([]);
  });
});
