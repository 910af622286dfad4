import "server-only";
import type { JobHandlers } from "./worker";
import { WEBHOOK_DELIVER_QUEUE } from "../webhooks/events";
import {
  deliverWebhookJob,
  WEBHOOK_DISABLED_EMAIL_QUEUE,
  webhookDisabledEmailJob,
} from "../webhooks/deliver";
import { uploadDigestJob } from "../notify/digest";
import { UPLOAD_DIGEST_QUEUE } from "../notify/digest-queue";
import { REMINDER_QUEUE, REMINDER_SWEEP_QUEUE, reminderJob, reminderSweepJob } from "../notify/reminders";

/** Every queue the app's worker serves and its handler. Each domain adds its own queues here. */
export function appJobHandlers(): JobHandlers {
  return {
    [WEBHOOK_DELIVER_QUEUE]: (db, job) => deliverWebhookJob(db, job),
    [WEBHOOK_DISABLED_EMAIL_QUEUE]: webhookDisabledEmailJob,
    [UPLOAD_DIGEST_QUEUE]: uploadDigestJob,
    [REMINDER_SWEEP_QUEUE]: (db) => reminderSweepJob(db),
    [REMINDER_QUEUE]: reminderJob,
  };
}
