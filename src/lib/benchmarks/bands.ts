/**
 * Size bands by annual revenue, as the article draws them: under $50M, $50M–$500M, over $500M.
 * Boundaries: exactly $50M and exactly $500M both fall in the middle band, because the article's bands are
 * "revenue < $50M" (mix.inside_share.small) and "revenue > $500M" (mix.outside_share.large).
 * Revenue is read in the org's currency and compared with US-dollar boundaries without conversion.
 */
import type { FigureId } from "./schema";

export type SizeBand = "small" | "mid" | "large" | "unknown";

/** Revenue below which a company is small (exclusive). mix.inside_share.small: "revenue < $50M". */
export const SMALL_BAND_REVENUE_BELOW = 50_000_000;
/** Revenue above which a company is large (exclusive). mix.outside_share.large: "revenue > $500M". */
export const LARGE_BAND_REVENUE_ABOVE = 500_000_000;

export interface RevenueBound {
  revenue: number;
  inclusive: boolean;
}

export interface SizeBandInfo {
  band: SizeBand;
  label: string;
  boundaries: string;
  /** Lower revenue bound, null when open or unknown; `inclusive` says on which side the boundary falls. */
  lower: RevenueBound | null;
  /** Upper revenue bound, null when open or unknown. */
  upper: RevenueBound | null;
  /** The band's own mix figure, or null when the source has none. */
  figureId: FigureId | null;
  /** The figure shown, labelled, when the band has none of its own. */
  fallbackFigureId: FigureId | null;
}

export const SIZE_BANDS: Record<SizeBand, SizeBandInfo> = {
  small: {
    band: "small",
    label: "Under $50M revenue",
    boundaries: "revenue from $0 up to but not including $50,000,000",
    lower: { revenue: 0, inclusive: true },
    upper: { revenue: SMALL_BAND_REVENUE_BELOW, inclusive: false },
    figureId: "mix.inside_share.small",
    fallbackFigureId: null,
  },
  mid: {
    band: "mid",
    label: "$50M–$500M revenue",
    boundaries: "revenue from $50,000,000 to $500,000,000, both included",
    lower: { revenue: SMALL_BAND_REVENUE_BELOW, inclusive: true },
    upper: { revenue: LARGE_BAND_REVENUE_ABOVE, inclusive: true },
    figureId: null,
    fallbackFigureId: "mix.inside_share.us",
  },
  large: {
    band: "large",
    label: "Over $500M revenue",
    boundaries: "revenue above $500,000,000",
    lower: { revenue: LARGE_BAND_REVENUE_ABOVE, inclusive: false },
    upper: null,
    figureId: "mix.outside_share.large",
    fallbackFigureId: null,
  },
  unknown: {
    band: "unknown",
    label: "Unknown band (no revenue set)",
    boundaries: "no annual revenue in the org profile, or one that is not a number of zero or more",
    lower: null,
    upper: null,
    figureId: null,
    fallbackFigureId: null,
  },
};

/** The size band for an annual revenue; null, NaN, infinite or negative revenue gives "unknown". */
export function sizeBandFor(annualRevenue: number | null): SizeBand {
  if (annualRevenue === null || !Number.isFinite(annualRevenue) || annualRevenue < 0) return "unknown";
  if (annualRevenue < SMALL_BAND_REVENUE_BELOW) return "small";
  if (annualRevenue <= LARGE_BAND_REVENUE_ABOVE) return "mid";
  return "large";
}
