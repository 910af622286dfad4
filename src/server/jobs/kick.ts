import "server-only";
import { processState } from "../state";

/**
 * Wakes this process's worker after an enqueue, so a job runs now rather than at the next poll. Apart from the
 * worker's start (./index.ts) so that services which queue jobs do not import every job handler.
 */
export function kickJobWorker(): void {
  processState().jobWorker?.kick();
}
