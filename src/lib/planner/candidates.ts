/**
 * Named candidates for a mix recommendation: the reps the move would take, best fit first.
 * - outside → inside: outside reps whose own deals look transactional (inside fit), strongest first;
 * - inside → outside: inside reps with relationship-shaped deals (outside fit), strongest first;
 * - hybrid as the step for borderline reps of the source role.
 * The first `needed` direct candidates are preselected; when fewer fit, the shortfall is stated, not filled
 * with reps that do not fit. Ranking uses fitScore (no text); only the listed candidates get their reasons.
 */
import type { MixMove } from "@/lib/benchmarks/target";
import type { RepRole } from "@/lib/team/types";
import { fitScore, repFit, type FitScore, type RepFit } from "./fit";
import type { PlannerRep, RepMove } from "./types";

export interface Candidate {
  row: number;
  name: string;
  from: RepRole;
  to: RepRole;
  fit: RepFit;
}

export interface CandidateList {
  direction: MixMove["direction"];
  /** Reps the recommendation moves (direct moves). */
  needed: number;
  /** The best direct candidates with their reasons: the `needed` ones and `extra` more, at most MAX_LISTED. */
  direct: Candidate[];
  /** Every rep of the source role that fits the move. */
  directTotal: number;
  /** Borderline reps of the source role, for whom hybrid is the step (the best of them, as `direct`). */
  hybrid: Candidate[];
  hybridTotal: number;
  preselected: RepMove[];
  /** needed − reps that fit, when positive. */
  shortfall: number;
  note: string;
}

/** Candidates listed with reasons beyond the `needed` ones, so that the user can pick others. */
export const EXTRA_CANDIDATES = 25;
/** At most this many candidates per list carry their reasons; the rest of a large move is preselected by row. */
export const MAX_LISTED = 100;

interface Ranked {
  fit: FitScore;
  rep: PlannerRep;
}

/** Best score first; within a score the deal size furthest on the fitting side, then file order. */
function compare(toInside: boolean) {
  const missing = toInside ? Infinity : -Infinity;
  return (a: Ranked, b: Ranked) => {
    const byScore = toInside ? b.fit.score - a.fit.score : a.fit.score - b.fit.score;
    if (byScore !== 0) return byScore;
    const da = a.rep.avgDealSize ?? missing;
    const db = b.rep.avgDealSize ?? missing;
    if (da !== db) return toInside ? (da < db ? -1 : 1) : da > db ? -1 : 1;
    return a.rep.row - b.rep.row;
  };
}

export function namedCandidates(
  reps: readonly PlannerRep[],
  move: Pick<MixMove, "direction" | "reps">,
  currency = "USD",
  extra = EXTRA_CANDIDATES,
): CandidateList {
  if (move.direction === "none") {
    return {
      direction: "none",
      needed: 0,
      direct: [],
      directTotal: 0,
      hybrid: [],
      hybridTotal: 0,
      preselected: [],
      shortfall: 0,
      note: "The mix is in its target range: no move is suggested.",
    };
  }
  const toInside = move.direction === "outside_to_inside";
  const from: RepRole = toInside ? "outside" : "inside";
  const to: RepRole = toInside ? "inside" : "outside";
  const wanted = toInside ? "inside_fit" : "outside_fit";
  const direct: Ranked[] = [];
  const hybrid: Ranked[] = [];
  for (const rep of reps) {
    if (rep.role !== from) continue;
    const fit = fitScore(rep);
    if (fit.verdict === wanted) direct.push({ fit, rep });
    else if (fit.verdict === "borderline") hybrid.push({ fit, rep });
  }
  const order = compare(toInside);
  direct.sort(order);
  hybrid.sort(order);
  const needed = Math.max(0, Math.floor(move.reps));
  const listed = Math.min(MAX_LISTED, needed + Math.max(0, extra));
  const named = (d: Ranked, target: RepRole): Candidate => ({
    row: d.rep.row,
    name: d.rep.name,
    from,
    to: target,
    fit: repFit(d.rep, currency),
  });
  const shortfall = Math.max(0, needed - direct.length);
  const fitWord = toInside ? "an inside fit" : "an outside fit";
  const note =
    shortfall > 0
      ? `The recommendation moves ${needed}; only ${direct.length} ${from} reps are ${fitWord} on their own numbers. The rest of the mix can come from hiring (see the quarterly plan) or from the ${hybrid.length} borderline reps as hybrid.`
      : `The ${needed} ${from} reps who are most clearly ${fitWord} on their own numbers are preselected.`;
  return {
    direction: move.direction,
    needed,
    direct: direct.slice(0, listed).map((d) => named(d, to)),
    directTotal: direct.length,
    hybrid: hybrid.slice(0, listed).map((d) => named(d, "hybrid")),
    hybridTotal: hybrid.length,
    preselected: direct.slice(0, needed).map((d) => ({ row: d.rep.row, to })),
    shortfall,
    note,
  };
}
