/**
 * A team reduced to per-role counts and sums: what a SQL GROUP BY on role (or one pass at import) can
 * produce, so a dashboard for 10,000 reps never ships rows. Every team metric is computed from this.
 *
 * A measure counts for a rep only when it is a finite number from 0 to MAX_MEASURE_VALUE; anything else
 * (null, NaN, negative, absurd) is treated as missing, never as 0.
 */
import { z } from "zod";
import { REP_MEASURES, REP_ROLES, type Rep, type RepMeasure, type RepRole } from "@/lib/team/types";

/** Values above this are data errors (e.g. a salary typed with its cents twice), not measurements. */
export const MAX_MEASURE_VALUE = 1e12;

/** Attainment histogram buckets; each is [from, to): 100% exactly falls in "100–125%". */
export const ATTAINMENT_BUCKETS = [
  { id: "under_50", label: "0–50%", from: 0, to: 0.5 },
  { id: "50_to_75", label: "50–75%", from: 0.5, to: 0.75 },
  { id: "75_to_100", label: "75–100%", from: 0.75, to: 1 },
  { id: "100_to_125", label: "100–125%", from: 1, to: 1.25 },
  { id: "125_plus", label: "125% and above", from: 1.25, to: null },
] as const;
export type AttainmentBucketId = (typeof ATTAINMENT_BUCKETS)[number]["id"];
const ATTAINMENT_BUCKET_IDS = ATTAINMENT_BUCKETS.map((b) => b.id) as [
  AttainmentBucketId,
  ...AttainmentBucketId[],
];

/** A rep counts as at or above quota from this attainment (a fraction: 1 = 100%). */
export const AT_QUOTA_ATTAINMENT = 1;

export interface MeasureTotal {
  /** Reps with a usable value. */
  n: number;
  sum: number;
}

export interface RoleSummary {
  reps: number;
  measures: Record<RepMeasure, MeasureTotal>;
  /** Reps whose quotaAttainment is at least AT_QUOTA_ATTAINMENT (of measures.quotaAttainment.n). */
  repsAtOrAboveQuota: number;
  /** Over reps with all four touch counts: calls + voicemails + emails + social touches. */
  touches: { reps: number; social: number; all: number };
  attainmentBuckets: Record<AttainmentBucketId, number>;
}

export interface TeamSummary {
  kind: "team_summary";
  byRole: Record<RepRole, RoleSummary>;
}

const measureTotalSchema = z.object({ n: z.number().int().min(0), sum: z.number().min(0) }).strict();
export const roleSummarySchema = z
  .object({
    reps: z.number().int().min(0),
    measures: z.record(z.enum(REP_MEASURES), measureTotalSchema),
    repsAtOrAboveQuota: z.number().int().min(0),
    touches: z
      .object({ reps: z.number().int().min(0), social: z.number().min(0), all: z.number().min(0) })
      .strict(),
    attainmentBuckets: z.record(z.enum(ATTAINMENT_BUCKET_IDS), z.number().int().min(0)),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const m of REP_MEASURES) {
      if (s.measures[m].n > s.reps) ctx.addIssue({ code: "custom", message: `${m}: more values than reps` });
    }
    if (s.repsAtOrAboveQuota > s.measures.quotaAttainment.n || s.touches.reps > s.reps) {
      ctx.addIssue({ code: "custom", message: "counts exceed the reps they come from" });
    }
    if (s.touches.social > s.touches.all)
      ctx.addIssue({ code: "custom", message: "social touches exceed all" });
  });
/** Validates a summary built elsewhere (e.g. from SQL) before metrics are computed from it. */
export const teamSummarySchema = z
  .object({ kind: z.literal("team_summary"), byRole: z.record(z.enum(REP_ROLES), roleSummarySchema) })
  .strict();

export function emptyRoleSummary(): RoleSummary {
  const measures = {} as Record<RepMeasure, MeasureTotal>;
  for (const m of REP_MEASURES) measures[m] = { n: 0, sum: 0 };
  return {
    reps: 0,
    measures,
    repsAtOrAboveQuota: 0,
    touches: { reps: 0, social: 0, all: 0 },
    attainmentBuckets: { under_50: 0, "50_to_75": 0, "75_to_100": 0, "100_to_125": 0, "125_plus": 0 },
  };
}

export function emptyTeamSummary(): TeamSummary {
  return {
    kind: "team_summary",
    byRole: { inside: emptyRoleSummary(), outside: emptyRoleSummary(), hybrid: emptyRoleSummary() },
  };
}

export function usableMeasure(value: number | null): value is number {
  // The comparisons also reject NaN and ±Infinity (cheaper than Number.isFinite in the hot loop).
  return typeof value === "number" && value >= 0 && value <= MAX_MEASURE_VALUE;
}

/**
 * Slot of each measure in the accumulator arrays, in REP_MEASURES order (a test checks every slot). A literal,
 * not Object.fromEntries: V8 keeps a literal in fast mode, and it is read 14 times per rep.
 */
const SLOT = {
  baseSalary: 0,
  ote: 1,
  annualQuota: 2,
  quotaAttainment: 3,
  calls: 4,
  voicemails: 5,
  emails: 6,
  socialTouches: 7,
  meetings: 8,
  dealsWon: 9,
  avgDealSize: 10,
  salesCycleDays: 11,
  decisionMakers: 12,
  remoteSellingPct: 13,
} as const satisfies Record<RepMeasure, number>;

function bucketIndexFor(attainment: number): number {
  if (attainment < 0.5) return 0;
  if (attainment < 0.75) return 1;
  if (attainment < AT_QUOTA_ATTAINMENT) return 2;
  if (attainment < 1.25) return 3;
  return 4;
}

export function attainmentBucketFor(attainment: number): AttainmentBucketId {
  return ATTAINMENT_BUCKETS[bucketIndexFor(attainment)]?.id ?? "125_plus";
}

/** Flat accumulator for one role during the pass; turned into a RoleSummary at the end. */
class RoleAccumulator {
  reps = 0;
  // Array literals (one slot per measure, see SLOT): V8 keeps them packed; map()/fill() or typed arrays
  // measured 2–3 times slower in this loop.
  readonly counts: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  readonly sums: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  atOrAboveQuota = 0;
  touchReps = 0;
  touchSocial = 0;
  touchAll = 0;
  readonly buckets: number[] = [0, 0, 0, 0, 0]; // one per ATTAINMENT_BUCKETS entry

  private take(slot: number, value: number | null): void {
    if (usableMeasure(value)) {
      this.counts[slot] = (this.counts[slot] ?? 0) + 1;
      this.sums[slot] = (this.sums[slot] ?? 0) + value;
    }
  }

  add(rep: Rep): void {
    this.reps += 1;
    // Read by name, not rep[measure] in a loop: keyed reads of many names are slow in V8.
    this.take(SLOT.baseSalary, rep.baseSalary);
    this.take(SLOT.ote, rep.ote);
    this.take(SLOT.annualQuota, rep.annualQuota);
    this.take(SLOT.quotaAttainment, rep.quotaAttainment);
    this.take(SLOT.calls, rep.calls);
    this.take(SLOT.voicemails, rep.voicemails);
    this.take(SLOT.emails, rep.emails);
    this.take(SLOT.socialTouches, rep.socialTouches);
    this.take(SLOT.meetings, rep.meetings);
    this.take(SLOT.dealsWon, rep.dealsWon);
    this.take(SLOT.avgDealSize, rep.avgDealSize);
    this.take(SLOT.salesCycleDays, rep.salesCycleDays);
    this.take(SLOT.decisionMakers, rep.decisionMakers);
    this.take(SLOT.remoteSellingPct, rep.remoteSellingPct);
    const attainment = rep.quotaAttainment;
    if (usableMeasure(attainment)) {
      if (attainment >= AT_QUOTA_ATTAINMENT) this.atOrAboveQuota += 1;
      const bucket = bucketIndexFor(attainment);
      this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
    }
    const { calls, voicemails, emails, socialTouches } = rep;
    if (
      usableMeasure(calls) &&
      usableMeasure(voicemails) &&
      usableMeasure(emails) &&
      usableMeasure(socialTouches)
    ) {
      this.touchReps += 1;
      this.touchSocial += socialTouches;
      this.touchAll += calls + voicemails + emails + socialTouches;
    }
  }

  toSummary(): RoleSummary {
    const summary = emptyRoleSummary();
    summary.reps = this.reps;
    REP_MEASURES.forEach((m, i) => {
      summary.measures[m] = { n: this.counts[i] ?? 0, sum: this.sums[i] ?? 0 };
    });
    summary.repsAtOrAboveQuota = this.atOrAboveQuota;
    summary.touches = { reps: this.touchReps, social: this.touchSocial, all: this.touchAll };
    ATTAINMENT_BUCKETS.forEach((bucket, i) => {
      summary.attainmentBuckets[bucket.id] = this.buckets[i] ?? 0;
    });
    return summary;
  }
}

/**
 * A team summary built one rep at a time, so a caller reading reps from a file need not keep them (what
 * `summarizeReps` does for a list). Reps with a role outside REP_ROLES are skipped.
 */
export class TeamSummaryAccumulator {
  private readonly inside = new RoleAccumulator();
  private readonly outside = new RoleAccumulator();
  private readonly hybrid = new RoleAccumulator();

  add(rep: Rep): void {
    if (rep.role === "inside") this.inside.add(rep);
    else if (rep.role === "outside") this.outside.add(rep);
    else if (rep.role === "hybrid") this.hybrid.add(rep);
  }

  build(): TeamSummary {
    return {
      kind: "team_summary",
      byRole: {
        inside: this.inside.toSummary(),
        outside: this.outside.toSummary(),
        hybrid: this.hybrid.toSummary(),
      },
    };
  }
}

/** One pass over the reps; reps with a role outside REP_ROLES are skipped. */
export function summarizeReps(reps: readonly Rep[]): TeamSummary {
  const accumulator = new TeamSummaryAccumulator();
  for (const rep of reps) accumulator.add(rep);
  return accumulator.build();
}

/** Adds role summaries (e.g. all roles into one, or two snapshots' partial sums). */
export function mergeRoleSummaries(parts: readonly RoleSummary[]): RoleSummary {
  const merged = emptyRoleSummary();
  for (const part of parts) {
    merged.reps += part.reps;
    for (const m of REP_MEASURES) {
      merged.measures[m].n += part.measures[m].n;
      merged.measures[m].sum += part.measures[m].sum;
    }
    merged.repsAtOrAboveQuota += part.repsAtOrAboveQuota;
    merged.touches.reps += part.touches.reps;
    merged.touches.social += part.touches.social;
    merged.touches.all += part.touches.all;
    for (const bucket of ATTAINMENT_BUCKETS)
      merged.attainmentBuckets[bucket.id] += part.attainmentBuckets[bucket.id];
  }
  return merged;
}

/** Parses a summary built elsewhere (SQL, a cache, the network); throws a zod error saying what is wrong. */
export function parseTeamSummary(input: unknown): TeamSummary {
  return teamSummarySchema.parse(input);
}
