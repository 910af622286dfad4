import "server-only";
import { env } from "@/env";
import type { Database } from "../db/client";
import { appJobHandlers } from "./handlers";
import { createWorker, type JobWorker } from "./worker";

export { enqueue } from "./queue";

/** The process's one worker, kept on globalThis (the app's modules may be loaded twice in one process). */
const globalForJobs = globalThis as unknown as { salesmixJobWorker?: JobWorker };

/** Starts this process's worker once (every app process runs one; SKIP LOCKED keeps them apart). */
export function startJobWorker(db: Database): JobWorker | null {
  if (env.JOBS_WORKER === "false") return null;
  globalForJobs.salesmixJobWorker ??= createWorker({
    db,
    handlers: appJobHandlers(),
    pollMs: env.JOBS_POLL_MS,
  });
  return globalForJobs.salesmixJobWorker;
}

/** Wakes this process's worker after an enqueue, so a job runs now rather than at the next poll. */
export function kickJobWorker(): void {
  globalForJobs.salesmixJobWorker?.kick();
}

export async function stopJobWorker(): Promise<void> {
  const worker = globalForJobs.salesmixJobWorker;
  globalForJobs.salesmixJobWorker = undefined;
  await worker?.stop();
}
