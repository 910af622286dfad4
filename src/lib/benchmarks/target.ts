/**
 * The target inside-share range for a band and sales model, and the whole number of reps to move to reach it.
 * Inside share counts hybrid reps half (metrics.ts HYBRID_INSIDE_WEIGHT).
 *
 * Anchor (where the band's peers are): small 47% (mix.inside_share.small); large 28.8% = 1 − 71.2%
 * (derived from mix.outside_share.large); mid and unknown 45.5% (mix.inside_share.us, a labelled fallback).
 * - relationship:   [anchor × 0.9, 50%]  peers' mix (within the ±10% tolerance) up to the 50/50 balance
 * - borderline:     [anchor × 0.9, 55%]  as above, up to just past 50/50 (50% × 1.1)
 * - transactional:  [45%, 100%]         at least the 50/50 balance (within tolerance); inside suits it
 */
import type { RepRole } from "@/lib/team/types";
import type { SizeBand } from "./bands";
import type { SalesModel } from "./classify";
import { figure } from "./dataset";
import { GAP_TOLERANCE } from "./gaps";
import { HYBRID_INSIDE_WEIGHT } from "./metrics";
import type { FigureId, SourceId } from "./schema";

export interface MixTargetAnchor {
  value: number;
  figureId: FigureId;
  isFallback: boolean;
  isDerived: boolean;
  label: string;
}

export interface MixTargetRange {
  band: SizeBand;
  model: SalesModel;
  /** Inside share, both ends included. */
  low: number;
  high: number;
  anchor: MixTargetAnchor;
  figureIds: SourceId[];
  rationale: string;
}

export type MoveDirection = "outside_to_inside" | "inside_to_outside" | "none";

export interface MixMove {
  direction: MoveDirection;
  /** Whole reps moved between inside and outside (never more than the source role has). */
  reps: number;
  insideShareAfter: number | null;
  reachesTarget: boolean;
  /** The same direction done by converting reps to hybrid (each counts half), also whole and capped. */
  viaHybrid: { reps: number; insideShareAfter: number; reachesTarget: boolean } | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const EPSILON = 1e-9;

export function mixAnchorFor(band: SizeBand): MixTargetAnchor {
  if (band === "small") {
    return {
      value: figure("mix.inside_share.small").value,
      figureId: "mix.inside_share.small",
      isFallback: false,
      isDerived: false,
      label: "47% inside, revenue under $50M",
    };
  }
  if (band === "large") {
    // mix.outside_share.large: 71.2% field; the inside share is at most the rest.
    const value = round4(1 - figure("mix.outside_share.large").value);
    return {
      value,
      figureId: "mix.outside_share.large",
      isFallback: false,
      isDerived: true,
      label: "28.8% not field (1 − 71.2% field), revenue over $500M: derived",
    };
  }
  const label =
    band === "mid"
      ? "45.5% US overall inside share: fallback, the source has no figure for $50M–$500M"
      : "45.5% US overall inside share: fallback, no revenue set so the band is unknown";
  return {
    value: figure("mix.inside_share.us").value,
    figureId: "mix.inside_share.us",
    isFallback: true,
    isDerived: false,
    label,
  };
}

export function targetInsideShareRange(band: SizeBand, model: SalesModel): MixTargetRange {
  const anchor = mixAnchorFor(band);
  const balance = figure("mix.expected_balance").value; // mix.expected_balance: 50/50
  const peersLow = round4(anchor.value * (1 - GAP_TOLERANCE));
  const common: SourceId[] = [anchor.figureId, "mix.expected_balance", "finding.large_orgs_adding_inside"];
  if (model === "transactional") {
    return {
      band,
      model,
      anchor,
      low: round4(balance * (1 - GAP_TOLERANCE)),
      high: 1,
      figureIds: [
        ...common,
        "finding.transactional_suits_inside",
        "model.transactional.deal_max",
        "model.cycle_days",
      ],
      rationale:
        "The article says the transactional model suits inside sales and expects many teams to reach 50/50: at least about half inside (45%, the 50/50 balance within tolerance), and any higher share fits.",
    };
  }
  if (model === "relationship") {
    return {
      band,
      model,
      anchor,
      low: Math.min(peersLow, balance),
      high: balance,
      figureIds: [...common, "finding.transactional_suits_inside", "model.relationship.deal_min_structure"],
      rationale: `The relationship model benefits from outside sellers, so no more than half inside; at least your band's peers (${anchor.label}, within the ±10% tolerance), as organizations keep adding inside sales.`,
    };
  }
  return {
    band,
    model,
    anchor,
    low: Math.min(peersLow, balance),
    high: round4(balance * (1 + GAP_TOLERANCE)),
    figureIds: [...common, "leaders.hybrid_intent"],
    rationale: `${model === "unknown" ? "The sales model is unknown" : "The sales model is borderline"}: a hybrid mix from your band's peers (${anchor.label}, within tolerance) to just past the 50/50 balance the author expects.`,
  };
}

/** Distance of an inside share from the range; 0 inside it. */
export function distanceToRange(insideShare: number, range: Pick<MixTargetRange, "low" | "high">): number {
  if (insideShare < range.low) return range.low - insideShare;
  if (insideShare > range.high) return insideShare - range.high;
  return 0;
}

/** Fewest whole moves of `step` inside-equivalents each that bring the share closest to the range. */
function bestMoveCount(
  insideEq: number,
  total: number,
  step: number,
  available: number,
  range: MixTargetRange,
) {
  const low = range.low * total;
  const high = range.high * total;
  const needed = step > 0 ? (low - insideEq) / step : (high - insideEq) / step;
  let count = Math.min(available, Math.max(0, Math.ceil(needed - EPSILON)));
  const shareAfter = (k: number) => (insideEq + k * step) / total;
  // Overshooting the far end with a coarse step: keep one fewer move when that lands closer.
  if (count > 0 && distanceToRange(shareAfter(count - 1), range) <= distanceToRange(shareAfter(count), range))
    count -= 1;
  const after = shareAfter(count);
  return { reps: count, insideShareAfter: after, reachesTarget: distanceToRange(after, range) <= EPSILON };
}

export function movesToTarget(headCount: Record<RepRole, number>, range: MixTargetRange): MixMove {
  const total = headCount.inside + headCount.outside + headCount.hybrid;
  if (total === 0)
    return { direction: "none", reps: 0, insideShareAfter: null, reachesTarget: false, viaHybrid: null };
  const insideEq = headCount.inside + HYBRID_INSIDE_WEIGHT * headCount.hybrid;
  const share = insideEq / total;
  if (distanceToRange(share, range) <= EPSILON) {
    return { direction: "none", reps: 0, insideShareAfter: share, reachesTarget: true, viaHybrid: null };
  }
  const up = share < range.low;
  const source = up ? headCount.outside : headCount.inside;
  const direct = bestMoveCount(insideEq, total, up ? 1 : -1, source, range);
  const hybridStep = up ? HYBRID_INSIDE_WEIGHT : -(1 - HYBRID_INSIDE_WEIGHT);
  const viaHybrid = bestMoveCount(insideEq, total, hybridStep, source, range);
  return { direction: up ? "outside_to_inside" : "inside_to_outside", ...direct, viaHybrid };
}
