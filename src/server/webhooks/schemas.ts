import { z } from "zod";
import { WEBHOOK_EVENTS } from "../db/schema";
import { oneLineText } from "@/lib/validation/text";

export const createWebhookSchema = z.object({
  url: oneLineText("The webhook URL")
    .trim()
    .min(1, "Enter the URL that should receive the webhooks")
    .max(2000, "The URL is longer than 2,000 characters"),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { message: `Events are ${WEBHOOK_EVENTS.join(" and ")}` }))
    .min(1, "Choose at least one event")
    .max(WEBHOOK_EVENTS.length),
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ endpointId: z.uuid("That is not a webhook endpoint id") });
export const deliveryIdSchema = z.object({ deliveryId: z.uuid("That is not a delivery id") });
export const listDeliveriesSchema = z.object({
  endpointId: z.uuid("That is not a webhook endpoint id").optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
