/**
 * Capacity and cost per role and in total, from the user's own rep rows:
 * - quota carried Σ quota; quota capacity Σ quota × attainment (the bookings the team is expected to make at
 *   its own attainment: "expected bookings");
 * - bookings from deals Σ deals won × average deal size, where the file has both;
 * - comp cost Σ base and Σ OTE; cost of sale Σ OTE ÷ Σ quota × attainment; quota-to-OTE Σ quota ÷ Σ OTE
 *   (both over the reps that have every field they need).
 * A sum counts only reps that have its fields and says how many; none gives null ("not enough data").
 * A moved rep keeps their own pay; their quota, attainment and deal size are projected from their own numbers
 * with the article's cohort premiums (quota.outside_quota_premium, quota.inside_attainment_premium,
 * deal.outside_size_premium), the role levels of benchmarks/projections.ts premiumLevel.
 */
import { figure } from "@/lib/benchmarks/dataset";
import { premiumLevel } from "@/lib/benchmarks/projections";
import type { FigureId } from "@/lib/benchmarks/schema";
import { REP_ROLES, type RepRole } from "@/lib/team/types";
import { usable, type PlannerRep, type RepMove } from "./types";

export interface Sum {
  value: number | null;
  /** Reps behind the value. */
  reps: number;
}

export interface RoleCapacity {
  headCount: number;
  /** Reps moved into this role by the scenario (their numbers are projections). */
  movedIn: number;
  quota: Sum;
  capacity: Sum;
  bookingsFromDeals: Sum;
  baseCost: Sum;
  oteCost: Sum;
  costOfSale: Sum;
  quotaToOte: Sum;
}

export interface CapacityResult {
  byRole: Record<RepRole, RoleCapacity>;
  total: RoleCapacity;
  moved: number;
  projectionIds: FigureId[];
  projectionLabel: string;
  payBasis: string;
  noBenchmarkNote: string;
}

export const PROJECTION_IDS: FigureId[] = [
  "quota.outside_quota_premium",
  "quota.inside_attainment_premium",
  "deal.outside_size_premium",
];
const QUOTA_PREMIUM = figure("quota.outside_quota_premium").value;
const ATTAINMENT_PREMIUM = figure("quota.inside_attainment_premium").value;
const DEAL_PREMIUM = figure("deal.outside_size_premium").value;

export interface MoveFactors {
  quota: number;
  attainment: number;
  dealSize: number;
}

/** How a moved rep's own numbers scale from one role to another under the cohort premiums. */
export function moveFactors(from: RepRole, to: RepRole): MoveFactors {
  return {
    quota: premiumLevel(to, QUOTA_PREMIUM, "outside") / premiumLevel(from, QUOTA_PREMIUM, "outside"),
    attainment:
      premiumLevel(to, ATTAINMENT_PREMIUM, "inside") / premiumLevel(from, ATTAINMENT_PREMIUM, "inside"),
    dealSize: premiumLevel(to, DEAL_PREMIUM, "outside") / premiumLevel(from, DEAL_PREMIUM, "outside"),
  };
}

const FACTORS: Record<RepRole, Record<RepRole, MoveFactors>> = {
  inside: {
    inside: moveFactors("inside", "inside"),
    outside: moveFactors("inside", "outside"),
    hybrid: moveFactors("inside", "hybrid"),
  },
  outside: {
    inside: moveFactors("outside", "inside"),
    outside: moveFactors("outside", "outside"),
    hybrid: moveFactors("outside", "hybrid"),
  },
  hybrid: {
    inside: moveFactors("hybrid", "inside"),
    outside: moveFactors("hybrid", "outside"),
    hybrid: moveFactors("hybrid", "hybrid"),
  },
};

/** Flat sums and counts for one role during the pass. */
class Acc {
  head = 0;
  movedIn = 0;
  quota = 0;
  quotaN = 0;
  cap = 0;
  capN = 0;
  deals = 0;
  dealsN = 0;
  base = 0;
  baseN = 0;
  ote = 0;
  oteN = 0;
  cosOte = 0;
  cosCap = 0;
  cosN = 0;
  qoQuota = 0;
  qoOte = 0;
  qoN = 0;

  add(rep: PlannerRep, f: MoveFactors | null): void {
    this.head += 1;
    if (f) this.movedIn += 1;
    const quota = usable(rep.annualQuota) ? rep.annualQuota * (f ? f.quota : 1) : null;
    const att = usable(rep.quotaAttainment) ? rep.quotaAttainment * (f ? f.attainment : 1) : null;
    const ote = usable(rep.ote) ? rep.ote : null;
    if (quota !== null) {
      this.quota += quota;
      this.quotaN += 1;
    }
    if (quota !== null && att !== null) {
      this.cap += quota * att;
      this.capN += 1;
      if (ote !== null) {
        this.cosOte += ote;
        this.cosCap += quota * att;
        this.cosN += 1;
      }
    }
    if (usable(rep.dealsWon) && usable(rep.avgDealSize)) {
      this.deals += rep.dealsWon * rep.avgDealSize * (f ? f.dealSize : 1);
      this.dealsN += 1;
    }
    if (usable(rep.baseSalary)) {
      this.base += rep.baseSalary;
      this.baseN += 1;
    }
    if (ote !== null) {
      this.ote += ote;
      this.oteN += 1;
      if (quota !== null) {
        this.qoQuota += quota;
        this.qoOte += ote;
        this.qoN += 1;
      }
    }
  }

  merge(o: Acc): void {
    this.head += o.head;
    this.movedIn += o.movedIn;
    this.quota += o.quota;
    this.quotaN += o.quotaN;
    this.cap += o.cap;
    this.capN += o.capN;
    this.deals += o.deals;
    this.dealsN += o.dealsN;
    this.base += o.base;
    this.baseN += o.baseN;
    this.ote += o.ote;
    this.oteN += o.oteN;
    this.cosOte += o.cosOte;
    this.cosCap += o.cosCap;
    this.cosN += o.cosN;
    this.qoQuota += o.qoQuota;
    this.qoOte += o.qoOte;
    this.qoN += o.qoN;
  }

  result(): RoleCapacity {
    const sum = (value: number, reps: number): Sum => ({ value: reps > 0 ? value : null, reps });
    const ratio = (num: number, den: number, reps: number): Sum => ({
      value: reps > 0 && den > 0 ? num / den : null,
      reps,
    });
    return {
      headCount: this.head,
      movedIn: this.movedIn,
      quota: sum(this.quota, this.quotaN),
      capacity: sum(this.cap, this.capN),
      bookingsFromDeals: sum(this.deals, this.dealsN),
      baseCost: sum(this.base, this.baseN),
      oteCost: sum(this.ote, this.oteN),
      costOfSale: ratio(this.cosOte, this.cosCap, this.cosN),
      quotaToOte: ratio(this.qoQuota, this.qoOte, this.qoN),
    };
  }
}

/** Moves keyed by row; a move to the rep's own role is no move. */
export function moveMap(moves: readonly RepMove[]): Map<number, RepRole> {
  const map = new Map<number, RepRole>();
  for (const m of moves) map.set(m.row, m.to);
  return map;
}

export function capacityAndCost(reps: readonly PlannerRep[], moves: readonly RepMove[] = []): CapacityResult {
  const accs: Record<RepRole, Acc> = { inside: new Acc(), outside: new Acc(), hybrid: new Acc() };
  const byRow = moveMap(moves);
  let moved = 0;
  for (const rep of reps) {
    const to = byRow.size > 0 ? byRow.get(rep.row) : undefined;
    if (to !== undefined && to !== rep.role) {
      moved += 1;
      accs[to].add(rep, FACTORS[rep.role][to]);
    } else {
      accs[rep.role].add(rep, null);
    }
  }
  const total = new Acc();
  for (const role of REP_ROLES) total.merge(accs[role]);
  return {
    byRole: { inside: accs.inside.result(), outside: accs.outside.result(), hybrid: accs.hybrid.result() },
    total: total.result(),
    moved,
    projectionIds: PROJECTION_IDS,
    projectionLabel:
      moved > 0
        ? `Projection: the ${moved} moved reps' quota, attainment and deal size are their own numbers scaled by the article's cohort figures (quota.outside_quota_premium +29.6%, quota.inside_attainment_premium +9.8%, deal.outside_size_premium +130.2%), company and team cohorts, not a promised effect.`
        : "Your team as uploaded: no rep is moved.",
    payBasis:
      "Pay: each moved rep keeps their own base and OTE from the file (no role average is used, and no pay change is assumed).",
    noBenchmarkNote:
      "The article gives no benchmark for cost of sale or quota-to-OTE: these are your own figures only.",
  };
}
