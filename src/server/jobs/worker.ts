import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Database } from "../db/client";
import { claimJobs, completeJob, failJob, type ClaimedJob } from "./queue";

/** Thrown by a handler for a failure that retrying cannot fix (the job goes straight to dead). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export type JobHandler = (db: Database, job: ClaimedJob) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions {
  db: Database;
  handlers: JobHandlers;
  workerId?: string;
  /** How often an idle worker looks for due jobs. */
  pollMs?: number;
  /** How long a claim holds before another worker may take the job (longer than any handler runs). */
  leaseMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  batch?: number;
  /** No polling loop: the caller drives it with runOnce (tests). */
  manual?: boolean;
  /** Called after each attempt (tests and logs). */
  onAttempt?: (job: ClaimedJob, outcome: "done" | "pending" | "dead" | "lost", error?: string) => void;
}

export interface JobWorker {
  readonly workerId: string;
  /** Claims and runs one batch of due jobs; returns how many it ran. */
  runOnce: () => Promise<number>;
  /** Wakes an idle worker now (after an enqueue) instead of at its next poll. */
  kick: () => void;
  /** Stops polling and waits for the batch under way. */
  stop: () => Promise<void>;
}

export const newWorkerId = () => `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/** The in-process worker over the jobs table; runs the same on PostgreSQL and embedded PGlite. */
export function createWorker(options: WorkerOptions): JobWorker {
  const workerId = options.workerId ?? newWorkerId();
  const leaseMs = options.leaseMs ?? 120_000;
  const retry = { baseMs: options.baseBackoffMs ?? 30_000, maxMs: options.maxBackoffMs ?? 6 * 3_600_000 };
  const queues = Object.keys(options.handlers);

  const runJob = async (job: ClaimedJob) => {
    const handler = options.handlers[job.queue];
    try {
      if (!handler) throw new PermanentJobError(`No handler for queue ${job.queue}`);
      await handler(options.db, job);
      await completeJob(options.db, job, workerId);
      options.onAttempt?.(job, "done");
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const status = await failJob(options.db, job, workerId, message, {
        ...retry,
        retryable: !(e instanceof PermanentJobError),
      });
      options.onAttempt?.(job, status ?? "lost", message);
    }
  };

  const runOnce = async () => {
    const claimed = await claimJobs(options.db, workerId, { limit: options.batch ?? 5, leaseMs, queues });
    for (const job of claimed) await runJob(job);
    return claimed.length;
  };

  let running = true;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  const loop = (async () => {
    while (running && !options.manual) {
      let ran = 0;
      try {
        ran = await runOnce();
      } catch (e) {
        // The database went away or is busy: try again at the next poll.
        console.error("[jobs] claim failed:", e instanceof Error ? e.message : e);
      }
      if (running && ran === 0) await sleep(options.pollMs ?? 1_000);
    }
  })();

  return {
    workerId,
    runOnce,
    kick: () => wake?.(),
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}
