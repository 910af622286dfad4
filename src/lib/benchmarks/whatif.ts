/**
 * What-if: move whole reps between roles and see the projected composition, band gap, pay cost, activity and
 * attainment. Every output is a projection: activity and attainment apply the article's cohort premiums to
 * the org's own averages, which the article does not claim as an effect of moving anyone.
 */
import { REP_ROLES, type OrgProfile, type RepRole } from "@/lib/team/types";
import { sizeBandFor, type SizeBand } from "./bands";
import { classifySalesModel, type SalesModel } from "./classify";
import { bandMixGap, type Gap } from "./gaps";
import { metricsFromSummary, mixFor, type MixOrientation, type TeamMetrics } from "./metrics";
import {
  projectActivity,
  projectPayCost,
  type PayCostProjection,
  type PremiumProjection,
} from "./projections";
import type { TeamSummary } from "./summary";
import { distanceToRange, targetInsideShareRange, type MixTargetRange } from "./target";

export interface MixShift {
  outsideToInside?: number;
  outsideToHybrid?: number;
  insideToOutside?: number;
  insideToHybrid?: number;
  hybridToInside?: number;
  hybridToOutside?: number;
}
export type AppliedShift = Required<MixShift>;
export type RoleMove = { from: RepRole; to: RepRole; reps: number };

/** Moves out of each role, in the order they are granted when a role runs out of reps. */
const MOVES: readonly { key: keyof MixShift; from: RepRole; to: RepRole }[] = [
  { key: "outsideToInside", from: "outside", to: "inside" },
  { key: "outsideToHybrid", from: "outside", to: "hybrid" },
  { key: "insideToOutside", from: "inside", to: "outside" },
  { key: "insideToHybrid", from: "inside", to: "hybrid" },
  { key: "hybridToInside", from: "hybrid", to: "inside" },
  { key: "hybridToOutside", from: "hybrid", to: "outside" },
];

export interface Composition {
  headCount: Record<RepRole, number> & { total: number };
  insideShare: number | null;
  outsideShare: number | null;
  hybridShare: number | null;
  orientation: MixOrientation;
}

export interface WhatIfResult {
  kind: "what_if_projection";
  label: string;
  requestedShift: AppliedShift;
  appliedShift: AppliedShift;
  /** True when a request asked for more reps than a role had (or for fractions or negatives). */
  clamped: boolean;
  moves: RoleMove[];
  before: Composition;
  after: Composition;
  band: SizeBand;
  /** The band's mix comparison before and after; null with an unknown band. */
  bandGap: { before: Gap | null; after: Gap | null };
  target: {
    model: SalesModel;
    range: MixTargetRange;
    distanceBefore: number | null;
    distanceAfter: number | null;
  };
  payCost: PayCostProjection;
  projections: PremiumProjection[];
  caveats: string[];
}

function wholeReps(requested: number | undefined): number {
  return requested !== undefined && Number.isFinite(requested) && requested > 0 ? Math.floor(requested) : 0;
}

export interface ShiftResult {
  after: Record<RepRole, number>;
  applied: AppliedShift;
  /** The request as numbers (non-numbers as 0), to show next to what was applied. */
  requested: AppliedShift;
  moves: RoleMove[];
  clamped: boolean;
}

/** Clamps each move to the reps left in its source role; sources are the counts before the shift. */
export function applyShift(headCount: Record<RepRole, number>, shift: MixShift): ShiftResult {
  const left: Record<RepRole, number> = {
    inside: headCount.inside,
    outside: headCount.outside,
    hybrid: headCount.hybrid,
  };
  const after: Record<RepRole, number> = { ...left };
  const applied = {} as AppliedShift;
  const requested = {} as AppliedShift;
  const moves: RoleMove[] = [];
  let clamped = false;
  for (const move of MOVES) {
    const raw = shift[move.key];
    const wanted = wholeReps(raw);
    const granted = Math.min(wanted, left[move.from]);
    if (granted !== wanted || (raw !== undefined && raw !== wanted)) clamped = true;
    requested[move.key] = raw !== undefined && Number.isFinite(raw) ? raw : 0;
    applied[move.key] = granted;
    left[move.from] -= granted;
    after[move.from] -= granted;
    after[move.to] += granted;
    if (granted > 0) moves.push({ from: move.from, to: move.to, reps: granted });
  }
  return { after, applied, requested, moves, clamped };
}

function compositionOf(headCount: Record<RepRole, number>): Composition {
  const mix = mixFor(headCount.inside, headCount.outside, headCount.hybrid);
  const value = (m: (typeof mix)["insideShare"]) => (m.kind === "value" ? m.value : null);
  return {
    headCount: { ...headCount, total: REP_ROLES.reduce((sum, role) => sum + headCount[role], 0) },
    insideShare: value(mix.insideShare),
    outsideShare: value(mix.outsideShare),
    hybridShare: value(mix.hybridShare),
    orientation: mix.orientation,
  };
}

export function whatIf(input: TeamMetrics | TeamSummary, profile: OrgProfile, shift: MixShift): WhatIfResult {
  const metrics = input.kind === "team_summary" ? metricsFromSummary(input) : input;
  const band = sizeBandFor(profile.annualRevenue);
  const { after, applied, requested, moves, clamped } = applyShift(metrics.headCount, shift);
  const before = compositionOf(metrics.headCount);
  const projected = compositionOf(after);
  const model = classifySalesModel(profile, metrics).model;
  const range = targetInsideShareRange(band, model);
  const distance = (c: Composition) =>
    c.insideShare === null ? null : distanceToRange(c.insideShare, range);
  const afterMix = mixFor(after.inside, after.outside, after.hybrid);
  return {
    kind: "what_if_projection",
    label: "Projection: a what-if on the article's cohort figures and your own averages, not a forecast.",
    requestedShift: requested,
    appliedShift: applied,
    clamped,
    moves,
    before,
    after: projected,
    band,
    bandGap: { before: bandMixGap(metrics.mix, band), after: bandMixGap(afterMix, band) },
    target: { model, range, distanceBefore: distance(before), distanceAfter: distance(projected) },
    payCost: projectPayCost(metrics, profile, moves),
    projections: projectActivity(metrics, moves),
    caveats: [
      "Cohort premiums compare groups of companies (mostly-inside vs mostly-outside); they are not effects of moving a rep.",
      "A moved rep is assumed to take on the pay of the role they move to.",
    ],
  };
}
