import "server-only";
import type { JobHandlers } from "./worker";
import { WEBHOOK_DELIVER_QUEUE } from "../webhooks/events";
import {
  deliverWebhookJob,
  WEBHOOK_DISABLED_EMAIL_QUEUE,
  webhookDisabledEmailJob,
} from "../webhooks/deliver";

/** Every queue the app's worker serves and its handler. Each domain adds its own queues here. */
export function appJobHandlers(): JobHandlers {
  return {
    [WEBHOOK_DELIVER_QUEUE]: (db, job) => deliverWebhookJob(db, job),
    [WEBHOOK_DISABLED_EMAIL_QUEUE]: webhookDisabledEmailJob,
  };
}
