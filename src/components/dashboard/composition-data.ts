import { figure, type SizeBand } from "@/lib/benchmarks";

export interface CompositionRow {
  /** Which series: its name and note are in the catalogue under composition.rows.<id> and <id>Note. */
  id: "team" | "small" | "large" | "us" | "balance";
  name: string;
  Inside: number | null;
  Hybrid: number | null;
  Outside: number | null;
  /** Unclassified remainder, shown rather than forcing 100%. */
  Other: number | null;
  source: "your_data" | "article" | "article_derived";
  figureId: string | null;
  note: string | null;
}

const pct = (share: number) => Math.round(share * 1000) / 10;

/**
 * The org's mix beside the article's: the band's figure (or "not in source" for $50M–$500M), the US overall
 * split of 2019, and the 50/50 expectation. Values are percentages of reps.
 */
export function compositionRows(
  mix: { inside: number; hybrid: number; outside: number; total: number },
  band: SizeBand,
): CompositionRow[] {
  const rows: CompositionRow[] = [];
  if (mix.total > 0) {
    rows.push({
      id: "team",
      name: "Your team",
      Inside: pct(mix.inside / mix.total),
      Hybrid: pct(mix.hybrid / mix.total),
      Outside: pct(mix.outside / mix.total),
      Other: null,
      source: "your_data",
      figureId: null,
      note: "Head count by role in this upload",
    });
  }
  if (band === "small") {
    const inside = figure("mix.inside_share.small").value;
    rows.push({
      id: "small",
      name: "Article: revenue < $50M",
      Inside: pct(inside),
      Hybrid: null,
      Outside: pct(1 - inside),
      Other: null,
      source: "article_derived",
      figureId: "mix.inside_share.small",
      note: "Inside 47% is the article's figure; outside is the remainder",
    });
  } else if (band === "large") {
    const outside = figure("mix.outside_share.large").value;
    rows.push({
      id: "large",
      name: "Article: revenue > $500M",
      Inside: pct(1 - outside),
      Hybrid: null,
      Outside: pct(outside),
      Other: null,
      source: "article_derived",
      figureId: "mix.outside_share.large",
      note: "Outside 71.2% is the article's figure; inside is the remainder",
    });
  }
  const usInside = figure("mix.inside_share.us").value;
  const usOutside = figure("mix.outside_share.us").value;
  rows.push({
    id: "us",
    name: "Article: US overall (2019)",
    Inside: pct(usInside),
    Hybrid: null,
    Outside: pct(usOutside),
    Other: Math.round((100 - pct(usInside) - pct(usOutside)) * 10) / 10,
    source: "article",
    figureId: "mix.inside_share.us",
    note:
      band === "mid"
        ? "The article has no figure for $50M–$500M; this US overall split is the labelled fallback"
        : "1.7% of reps are unclassified in the source",
  });
  rows.push({
    id: "balance",
    name: "Article: expected balance",
    Inside: 50,
    Hybrid: null,
    Outside: 50,
    Other: null,
    source: "article",
    figureId: "mix.expected_balance",
    note: "A projection for many teams, not a measurement",
  });
  return rows;
}

/** Chart colours, fixed per role across every chart. */
export const ROLE_COLORS = { Inside: "blue", Hybrid: "violet", Outside: "amber", Other: "gray" } as const;
