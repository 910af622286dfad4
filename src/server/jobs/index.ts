import "server-only";
import { env } from "@/env";
import type { Database } from "../db/client";
import { appJobHandlers } from "./handlers";
import { createWorker } from "./worker";
import { queueDailyJobs, SCHEDULE_TICK_MS } from "./schedule";
import { kickJobWorker } from "./kick";
import { processState } from "../state";

export { enqueue } from "./queue";
export { kickJobWorker } from "./kick";

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
  if (!state.jobSchedule) {
    // Every process offers the daily jobs at start and every hour; their keys make it once a day in all.
    const offer = () =>
      queueDailyJobs(db)
        .then((queued) => queued && kickJobWorker())
        .catch((e: unknown) =>
          console.error("[jobs] scheduling failed:", e instanceof Error ? e.message : e),
        );
    void offer();
    state.jobSchedule = setInterval(offer, SCHEDULE_TICK_MS);
    state.jobSchedule.unref();
  }
  return state.jobWorker;
}

export async function stopJobWorker(): Promise<void> {
  const state = processState();
  const worker = state.jobWorker;
  state.jobWorker = undefined;
  if (state.jobSchedule) clearInterval(state.jobSchedule);
  state.jobSchedule = undefined;
  await worker?.stop();
}
