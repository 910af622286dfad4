import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { jobs, type Job } from "../db/schema";
import { queryRows, type Db } from "../db/client";

export interface EnqueueInput {
  queue: string;
  /** One event, one job: a second enqueue with the same key (per queue) is a no-op. */
  idempotencyKey: string;
  /** Ids only, never tenant data: the handler reads what it needs inside the organization's transaction. */
  payload: Record<string, unknown>;
  maxAttempts?: number;
  /** Delay before the first attempt. */
  delayMs?: number;
}

/**
 * Adds a job. Call it inside the transaction of the change that causes it: the job commits with the change or
 * not at all, so an event is never lost after its change committed nor sent for a change that rolled back.
 * Returns whether a new job was created (false: that key was already queued).
 */
export async function enqueue(db: Db, input: EnqueueInput): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({
      queue: input.queue,
      idempotencyKey: input.idempotencyKey,
      payload: input.payload,
      maxAttempts: input.maxAttempts ?? 8,
      runAt: input.delayMs ? sql`now() + make_interval(secs => ${input.delayMs / 1000})` : sql`now()`,
    })
    .onConflictDoNothing({ target: [jobs.queue, jobs.idempotencyKey] })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

interface JobRow {
  id: string;
  queue: string;
  idempotency_key: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
}
export type ClaimedJob = Pick<Job, "id" | "queue" | "idempotencyKey" | "payload"> & {
  attempts: number;
  maxAttempts: number;
};

/**
 * Claims up to `limit` due jobs for `workerId`: pending ones whose time has come, and running ones whose claim
 * lapsed (their worker died). `SKIP LOCKED` lets several workers claim at once without waiting on or taking each
 * other's rows; the attempt is counted at the claim, so a crash mid-attempt still counts.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  options: { limit: number; leaseMs: number; queues: string[] },
): Promise<ClaimedJob[]> {
  if (options.queues.length === 0) return [];
  const queues = sql.join(
    options.queues.map((q) => sql`${q}`),
    sql`, `,
  );
  const rows = await queryRows<JobRow & Record<string, unknown>>(
    db,
    sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
          locked_until = now() + make_interval(secs => ${options.leaseMs / 1000})
        where id in (
          select id from jobs
           where queue in (${queues})
             and ((status = 'pending' and run_at <= now())
               or (status = 'running' and locked_until < now()))
           order by run_at
           limit ${options.limit}
           for update skip locked)
        returning id, queue, idempotency_key, payload, attempts, max_attempts`,
  );
  return rows.map((r) => ({
    id: r.id,
    queue: r.queue,
    idempotencyKey: r.idempotency_key,
    payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

/** Marks a claimed job done; a worker whose claim lapsed and was retaken changes nothing. */
export async function completeJob(db: Db, job: ClaimedJob, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "done", finishedAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")));
}

/** Exponential backoff: base × 2^(attempt − 1), at most `maxMs`. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * A failed attempt: back to pending after the backoff, or dead once its attempts are used up. Returns the new
 * status (null when this worker no longer held the job).
 */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  workerId: string,
  error: string,
  retry: { baseMs: number; maxMs: number; retryable: boolean },
): Promise<"pending" | "dead" | null> {
  const dead = !retry.retryable || job.attempts >= job.maxAttempts;
  const delay = backoffMs(job.attempts, retry.baseMs, retry.maxMs);
  const rows = await db
    .update(jobs)
    .set({
      status: dead ? "dead" : "pending",
      runAt: dead ? sql`run_at` : sql`now() + make_interval(secs => ${delay / 1000})`,
      finishedAt: dead ? sql`now()` : null,
      lockedUntil: null,
      lastError: error.slice(0, 1000),
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")))
    .returning({ status: jobs.status });
  const status = rows[0]?.status;
  return status === "pending" || status === "dead" ? status : null;
}
