import "server-only";
import type { Db } from "../db/client";
import { enqueue } from "./queue";
import { REMINDER_SWEEP_QUEUE } from "../notify/reminders";

/** Jobs that run once a day. Each domain adds its own here. */
export const DAILY_JOBS = [REMINDER_SWEEP_QUEUE] as const;

/** How often each process offers today's daily jobs (an hour: a process started late in the day still runs them). */
export const SCHEDULE_TICK_MS = 3_600_000;

/**
 * Queues today's run of every daily job. The key is the UTC date, so every process may call this every tick and
 * each daily job is still queued (and run) once a day; a job of a day that is already done is not queued again.
 */
export async function queueDailyJobs(db: Db, now = new Date()): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  let queued = 0;
  for (const queue of DAILY_JOBS)
    if (await enqueue(db, { queue, idempotencyKey: `${queue}:${day}`, payload: { day }, maxAttempts: 3 }))
      queued++;
  return queued;
}
