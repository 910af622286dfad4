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

/** Attainment histogram buckets; each is [from, to): 100 % exactly falls in "100–125 %". */
export const ATTAINMENT_BUCKETS = [
  { id: "under_50", label: "0–50 %", from: 0, to: 0.5 },
  { id: "50_to_75", label: "50–75 %", from: 0.5, to: 0.75 },
  { id: "75_to_100", label: "75–100 %", from: 0.75, to: 1 },
  { id: "100_to_125", label: "100–125 %", from: 1, to: 1.25 },
  { id: "125_plus", label: "125 % and above", from: 1.25, to: null },
] as const;
export type AttainmentBucketId = (typeof ATTAINMENT_BUCKETS)[number]["id"];
const ATTAINMENT_BUCKET_IDS = ATTAINMENT_BUCKETS.map((b) => b.id) as [
  AttainmentBucketId,
  ...AttainmentBucketId[],
];

/** A rep counts as at or above quota from this attainment (a fraction: 1 = 100 %). */
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
  return value !== null && Number.isFinite(value) && value >= 0 && value <= MAX_MEASURE_VALUE;
}

export function attainmentBucketFor(attainment: number): AttainmentBucketId {
  if (attainment < 0.5) return "under_50";
  if (attainment < 0.75) return "50_to_75";
  if (attainment < AT_QUOTA_ATTAINMENT) return "75_to_100";
  if (attainment < 1.25) return "100_to_125";
  return "125_plus";
}

function addRep(summary: RoleSummary, rep: Rep): void {
  summary.reps += 1;
  for (const m of REP_MEASURES) {
    const value = rep[m];
    if (usableMeasure(value)) {
      const total = summary.measures[m];
      total.n += 1;
      total.sum += value;
    }
  }
  const attainment = rep.quotaAttainment;
  if (usableMeasure(attainment)) {
    if (attainment >= AT_QUOTA_ATTAINMENT) summary.repsAtOrAboveQuota += 1;
    summary.attainmentBuckets[attainmentBucketFor(attainment)] += 1;
  }
  const { calls, voicemails, emails, socialTouches } = rep;
  if (
    usableMeasure(calls) &&
    usableMeasure(voicemails) &&
    usableMeasure(emails) &&
    usableMeasure(socialTouches)
  ) {
    summary.touches.reps += 1;
    summary.touches.social += socialTouches;
    summary.touches.all += calls + voicemails + emails + socialTouches;
  }
}

/** One pass over the reps; reps with a role outside REP_ROLES are skipped. */
export function summarizeReps(reps: readonly Rep[]): TeamSummary {
  const summary = emptyTeamSummary();
  for (const rep of reps) {
    const roleSummary: RoleSummary | undefined = summary.byRole[rep.role];
    if (roleSummary) addRep(roleSummary, rep);
  }
  return summary;
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
