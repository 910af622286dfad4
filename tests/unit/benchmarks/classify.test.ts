import { describe, expect, it } from "vitest";
import { classifySalesModel, computeTeamMetrics, type SalesModelCriterion } from "@/lib/benchmarks";
import type { OrgProfile } from "@/lib/team/types";
import { makeProfile, makeReps } from "./helpers";

const noTeam = computeTeamMetrics([]);

function classify(profile: Partial<OrgProfile>) {
  return classifySalesModel(makeProfile(profile), noTeam);
}

function verdictOf(profile: Partial<OrgProfile>, criterion: SalesModelCriterion) {
  return classify(profile).evidence.find((e) => e.criterion === criterion)?.verdict;
}

describe("classifySalesModel: each criterion alone", () => {
  it.each([
    [8_000, "transactional"],
    [31_999, "transactional"],
    [32_000, "borderline"], // the org-structure section's $32K starts the borderline zone
    [33_500, "borderline"],
    [35_000, "borderline"], // "under $35,000" vs "over $35,000": exactly $35K is borderline
    [35_001, "relationship"],
    [150_000, "relationship"],
  ] as const)("deal size %d → %s", (deal, verdict) => {
    expect(verdictOf({ typicalDealSize: deal }, "deal_size")).toBe(verdict);
    const result = classify({ typicalDealSize: deal });
    expect(result.model).toBe(verdict);
    expect(result.confidence).toBe("low"); // one input of four
    expect(result.missingInputs).toEqual(["sales_cycle", "decision_makers", "customer_employees"]);
  });

  it.each([
    [1, "transactional"],
    [89, "transactional"],
    [89.9, "transactional"],
    [90, "relationship"],
    [180, "relationship"],
  ] as const)("sales cycle %d days → %s", (days, verdict) => {
    expect(verdictOf({ salesCycleDays: days }, "sales_cycle")).toBe(verdict);
  });

  it.each([
    [1, "transactional"],
    [3, "transactional"],
    [3.5, "borderline"],
    [4, "relationship"],
    [7, "relationship"],
  ] as const)("decision makers %d → %s", (count, verdict) => {
    expect(verdictOf({ decisionMakers: count }, "decision_makers")).toBe(verdict);
  });

  it.each([
    [20, "transactional"],
    [99, "transactional"],
    [100, "relationship"],
    [5_000, "relationship"],
  ] as const)("customer employees %d → %s", (employees, verdict) => {
    expect(verdictOf({ customerEmployees: employees }, "customer_employees")).toBe(verdict);
  });
});

const REL = { typicalDealSize: 150_000, salesCycleDays: 180, decisionMakers: 6, customerEmployees: 2_000 };
const TRANS = { typicalDealSize: 8_000, salesCycleDays: 30, decisionMakers: 2, customerEmployees: 40 };

describe("classifySalesModel: combined", () => {
  it.each([
    ["all four relationship", REL, "relationship", "high"],
    ["all four transactional", TRANS, "transactional", "high"],
    ["three relationship, deal borderline", { ...REL, typicalDealSize: 33_000 }, "relationship", "medium"],
    [
      "three transactional, decision makers borderline",
      { ...TRANS, decisionMakers: 3.5 },
      "transactional",
      "medium",
    ],
    ["two and two", { ...REL, typicalDealSize: 8_000, salesCycleDays: 30 }, "borderline", "low"],
    [
      "three relationship, one transactional (lead of two)",
      { ...REL, customerEmployees: 40 },
      "relationship",
      "low",
    ],
    [
      "two relationship, one transactional, one missing",
      { ...REL, customerEmployees: 40, decisionMakers: null },
      "borderline",
      "low",
    ],
    ["three relationship, one missing", { ...REL, customerEmployees: null }, "relationship", "medium"],
    ["all borderline", { typicalDealSize: 34_000, decisionMakers: 3.5 }, "borderline", "low"],
    ["nothing known", {}, "unknown", "none"],
  ] as const)("%s → %s, confidence %s", (_name, profile, model, confidence) => {
    const result = classify(profile);
    expect(result.model).toBe(model);
    expect(result.confidence).toBe(confidence);
    expect(result.evidence).toHaveLength(4);
  });

  it("reports the votes behind the result", () => {
    const result = classify({ ...REL, customerEmployees: 40 });
    expect(result.votes).toEqual({ transactional: 1, relationship: 3, borderline: 0, missing: 0 });
  });
});

describe("classifySalesModel: sources of inputs", () => {
  const team = computeTeamMetrics(
    makeReps(3, "outside", { avgDealSize: 60_000, salesCycleDays: 120, decisionMakers: 5 }),
  );

  it("uses the team average when the profile has no value, and says so", () => {
    const result = classifySalesModel(makeProfile(), team);
    const deal = result.evidence.find((e) => e.criterion === "deal_size");
    expect(deal?.source).toBe("team_average");
    expect(deal?.value).toBe(60_000);
    expect(deal?.teamAverageReps).toBe(3);
    expect(result.model).toBe("relationship");
    // Team averages and a missing customer size keep confidence below high.
    expect(result.confidence).toBe("medium");
    expect(result.missingInputs).toEqual(["customer_employees"]);
  });

  it("prefers the org profile over the team average", () => {
    const result = classifySalesModel(makeProfile({ typicalDealSize: 9_000 }), team);
    const deal = result.evidence.find((e) => e.criterion === "deal_size");
    expect(deal?.source).toBe("org_profile");
    expect(deal?.verdict).toBe("transactional");
  });

  it("does not use a team average of fewer than the minimum reps", () => {
    const small = computeTeamMetrics(makeReps(2, "outside", { avgDealSize: 60_000 }));
    const deal = classifySalesModel(makeProfile(), small).evidence.find((e) => e.criterion === "deal_size");
    expect(deal?.source).toBe("missing");
    expect(deal?.value).toBeNull();
    expect(deal?.verdict).toBe("unknown");
  });

  it("ignores a profile value that is not a positive number, with a note", () => {
    const deal = classify({ typicalDealSize: -5 }).evidence.find((e) => e.criterion === "deal_size");
    expect(deal?.source).toBe("missing");
    expect(deal?.caveat).toMatch(/ignored/);
  });

  it("notes that deal thresholds are US dollars for another currency", () => {
    const deal = classifySalesModel(makeProfile({ currency: "EUR", typicalDealSize: 40_000 }), noTeam)
      .evidence[0];
    expect(deal?.caveat).toMatch(/US dollars/);
    expect(deal?.verdict).toBe("relationship");
  });
});
