import "server-only";
import type { JobHandlers } from "./worker";

/** Every queue the app's worker serves and its handler. Each domain adds its own queues here. */
export function appJobHandlers(): JobHandlers {
  return {};
}
