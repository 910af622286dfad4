import "server-only";
import { env } from "@/env";
import type { Database } from "../db/client";
import { appJobHandlers } from "./handlers";
import { createWorker } from "./worker";
import { processState } from "../state";

export { enqueue } from "./queue";

/**
 * Starts this process's worker once (every app process runs one; SKIP LOCKED keeps them apart). It is kept in the
 * process state (src/server/state.ts): the app's modules may be loaded twice in one process.
 */
export function startJobWorker(db: Database) {
  if (env.JOBS_WORKER === "false") return null;
  const state = processState();
  state.jobWorker ??= createWorker({
    db,
    handlers: appJobHandlers(),
    pollMs: env.JOBS_POLL_MS,
  });
  return state.jobWorker;
}

/** Wakes this process's worker after an enqueue, so a job runs now rather than at the next poll. */
export function kickJobWorker(): void {
  processState().jobWorker?.kick();
}

export async function stopJobWorker(): Promise<void> {
  const state = processState();
  const worker = state.jobWorker;
  state.jobWorker = undefined;
  await worker?.stop();
}
