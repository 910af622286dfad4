import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BENCHMARK_DATASET,
  FIGURE_IDS,
  RULE_IDS,
  datasetSchema,
  scorableValue,
  type FigureId,
  type RuleId,
} from "@/lib/benchmarks";

/**
 * The expected figures, copied by hand from ../shared/seed/benchmarks.md (shares and premiums as fractions).
 * This table is the test's own: it does not read the dataset to check the dataset.
 */
const EXPECTED_FIGURES: ReadonlyArray<[id: string, value: number, band: string, confidence: string]> = [
  ["us.salespeople", 5_700_000, "all", "high"],
  ["mix.inside_share.us", 0.455, "all", "high"],
  ["mix.outside_share.us", 0.528, "all", "high"],
  ["mix.inside_share.2017", 0.435, "all", "high"],
  ["mix.expected_balance", 0.5, "all", "medium"],
  ["mix.outside_share.large", 0.712, "large", "high"],
  ["mix.inside_share.small", 0.47, "small", "high"],
  ["remote.outside_time_share", 0.454, "all", "high"],
  ["remote.outside_time_growth", 0.884, "all", "high"],
  ["leaders.hybrid_intent", 0.68, "all", "high"],
  ["pay.inside_am.base", 42_833, "all", "high"],
  ["pay.inside_am.ote", 96_299, "all", "high"],
  ["pay.outside_base_premium", 0.36, "all", "high"],
  ["pay.outside_ote_premium", 0.092, "all", "high"],
  ["quota.hit_rate", 0.609, "all", "medium-high"],
  ["quota.outside_quota_premium", 0.296, "all", "high"],
  ["quota.inside_attainment_premium", 0.098, "all", "medium"],
  ["activity.calls_premium", 0.425, "all", "high"],
  ["activity.voicemails_premium", 0.102, "all", "high"],
  ["activity.emails_premium", 0.088, "all", "high"],
  ["activity.social_share.inside", 0.181, "all", "medium-high"],
  ["activity.social_share.outside", 0.121, "all", "medium-high"],
  ["deal.outside_size_premium", 1.302, "all", "high"],
];

const EXPECTED_RULES: ReadonlyArray<[id: string, value: number]> = [
  ["model.transactional.deal_max", 35_000],
  ["model.relationship.deal_min_structure", 32_000],
  ["model.cycle_days", 90],
  ["model.decision_makers", 4],
  ["model.customer_employees", 100],
];

const figures: Record<string, (typeof BENCHMARK_DATASET.figures)[FigureId] | undefined> =
  BENCHMARK_DATASET.figures;
const rules: Record<string, (typeof BENCHMARK_DATASET.rules)[RuleId] | undefined> = BENCHMARK_DATASET.rules;

/** The shared seed beside the repo (../shared/seed), when this checkout has it. */
const articleCopy = readFileSync(path.join(__dirname, "fixtures", "inside-vs-outside-sales.zh.txt"), "utf8");

describe("BENCHMARK_DATASET", () => {
  it("has the version id and the vintage label", () => {
    expect(BENCHMARK_DATASET.id).toBe("xant-2020");
    expect(BENCHMARK_DATASET.vintageLabel).toBe("2017–2019 data, published 2020");
  });

  it.each(EXPECTED_FIGURES)("figure %s = %d (band %s, confidence %s)", (id, value, band, confidence) => {
    const f = figures[id];
    expect(f, `${id} missing from the dataset`).toBeDefined();
    expect(f?.value).toBeCloseTo(value, 10);
    expect(f?.band).toBe(band);
    expect(f?.confidence).toBe(confidence);
    expect(f?.status).toBe("reported");
    expect(f?.scorable).toBe(true);
  });

  it.each(EXPECTED_RULES)("rule %s = %d", (id, value) => {
    expect(rules[id]?.value).toBe(value);
  });

  it("holds no reported figure that the table above does not know", () => {
    const reported = Object.values(BENCHMARK_DATASET.figures)
      .filter((f) => f.status === "reported")
      .map((f) => f.id)
      .sort();
    expect(reported).toEqual(EXPECTED_FIGURES.map(([id]) => id).sort());
    expect([...RULE_IDS].sort()).toEqual(EXPECTED_RULES.map(([id]) => id).sort());
  });

  it("marks the unresolved 30.2 % as not scorable, and refuses to hand out its value", () => {
    const unresolved = figures["unresolved.outside_higher_30_2"];
    expect(unresolved?.value).toBeCloseTo(0.302, 10);
    expect(unresolved?.scorable).toBe(false);
    expect(unresolved?.confidence).toBe("low");
    expect(() => scorableValue("unresolved.outside_higher_30_2")).toThrow(/not scorable/);
    expect(scorableValue("quota.hit_rate")).toBeCloseTo(0.609, 10);
  });

  it("marks the derived outside pay figures as estimates with their inputs", () => {
    expect(figures["pay.outside_base.estimate"]?.status).toBe("derived_estimate");
    expect(figures["pay.outside_base.estimate"]?.value).toBe(Math.round(42_833 * 1.36));
    expect(figures["pay.outside_ote.estimate"]?.value).toBe(Math.round(96_299 * 1.092));
    expect(figures["pay.outside_ote.estimate"]?.derivedFrom).toEqual([
      "pay.inside_am.ote",
      "pay.outside_ote_premium",
    ]);
  });

  it("says the $50M–$500M band has no figure and names the labelled fallback", () => {
    expect(BENCHMARK_DATASET.bandCoverage.mid.figureId).toBeNull();
    expect(BENCHMARK_DATASET.bandCoverage.mid.fallbackFigureId).toBe("mix.inside_share.us");
    expect(BENCHMARK_DATASET.bandCoverage.mid.note).toMatch(/not in source/i);
    expect(BENCHMARK_DATASET.bandCoverage.small.figureId).toBe("mix.inside_share.small");
    expect(BENCHMARK_DATASET.bandCoverage.large.figureId).toBe("mix.outside_share.large");
  });

  it.each([...FIGURE_IDS])(
    "figure %s carries its Chinese sentence verbatim and an English rendering",
    (id) => {
      const f = BENCHMARK_DATASET.figures[id];
      expect(articleCopy.includes(f.sourceZh), `${id}: "${f.sourceZh}" is not in the article`).toBe(true);
      expect(f.sourceEn).toMatch(/[a-z]{3}/);
      expect(f.caveat.length).toBeGreaterThan(10);
    },
  );

  it.each([...RULE_IDS])("rule %s carries its Chinese sentences verbatim", (id) => {
    const r = BENCHMARK_DATASET.rules[id];
    expect(articleCopy.includes(r.sourceZh)).toBe(true);
    if (r.counterSourceZh !== null) expect(articleCopy.includes(r.counterSourceZh)).toBe(true);
  });

  it("quotes findings verbatim too", () => {
    for (const f of Object.values(BENCHMARK_DATASET.findings)) {
      expect(articleCopy.includes(f.sourceZh), f.id).toBe(true);
    }
  });

  it("the Chinese source sentence of each figure contains the figure's number", () => {
    // A sentence attached to the wrong figure usually lacks its number.
    const numberIn: Partial<Record<FigureId, string>> = {
      "us.salespeople": "570万",
      "mix.inside_share.us": "45.5%",
      "mix.outside_share.us": "52.8%",
      "mix.inside_share.2017": "43.5%",
      "mix.expected_balance": "50/50",
      "mix.outside_share.large": "71.2%",
      "mix.inside_share.small": "47%",
      "remote.outside_time_share": "45.4%",
      "remote.outside_time_growth": "88.4%",
      "leaders.hybrid_intent": "68%",
      "pay.inside_am.base": "42833",
      "pay.inside_am.ote": "96299",
      "pay.outside_base_premium": "36%",
      "pay.outside_ote_premium": "9.2%",
      "quota.hit_rate": "60.9%",
      "quota.outside_quota_premium": "29.6%",
      "quota.inside_attainment_premium": "9.8%",
      "activity.calls_premium": "42.5%",
      "activity.voicemails_premium": "10.2%",
      "activity.emails_premium": "8.8%",
      "activity.social_share.inside": "18.1%",
      "activity.social_share.outside": "12.1%",
      "deal.outside_size_premium": "130.2%",
      "unresolved.outside_higher_30_2": "30.2%",
    };
    for (const [id, text] of Object.entries(numberIn)) {
      expect(BENCHMARK_DATASET.figures[id as FigureId].sourceZh, id).toContain(text);
    }
  });

  it("is frozen", () => {
    expect(Object.isFrozen(BENCHMARK_DATASET.figures["quota.hit_rate"])).toBe(true);
  });

  it("rejects a dataset with a share above 1, a mismatched key or a missing source sentence", () => {
    const raw = structuredClone(BENCHMARK_DATASET);
    expect(datasetSchema.safeParse(raw).success).toBe(true);
    const badShare = structuredClone(raw);
    badShare.figures["quota.hit_rate"].value = 60.9;
    expect(datasetSchema.safeParse(badShare).success).toBe(false);
    const badKey = structuredClone(raw);
    badKey.figures["quota.hit_rate"].id = "mix.inside_share.us";
    expect(datasetSchema.safeParse(badKey).success).toBe(false);
    const noSource = structuredClone(raw);
    noSource.figures["activity.calls_premium"].sourceZh = "";
    expect(datasetSchema.safeParse(noSource).success).toBe(false);
    const scorableUnresolved = structuredClone(raw);
    scorableUnresolved.figures["unresolved.outside_higher_30_2"].scorable = true;
    expect(datasetSchema.safeParse(scorableUnresolved).success).toBe(false);
  });
});
