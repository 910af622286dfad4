import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type WebhookEvent } from "../db/schema";
import type { Transaction } from "../db/client";
import { enqueue } from "../jobs/queue";

export const WEBHOOK_DELIVER_QUEUE = "webhook.deliver";
/** Attempts per delivery: with the queue's backoff (30 s doubling), the last one comes about an hour after the first. */
export const WEBHOOK_ATTEMPTS = 8;

/**
 * Records one event for every enabled endpoint of the organization that subscribed to it: a delivery row with the
 * exact body, and its job. Call it inside the transaction of the change (the tenant transaction of `organizationId`),
 * so deliveries exist exactly when the change committed. Returns the event id.
 */
export async function emitWebhookEvent(
  tx: Transaction,
  organization: { id: string; slug: string },
  type: WebhookEvent,
  data: Record<string, unknown>,
): Promise<string> {
  const eventId = randomUUID();
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organizationId, organization.id),
        isNull(webhookEndpoints.disabledAt),
        sql`${webhookEndpoints.events} @> ${JSON.stringify([type])}::jsonb`,
      ),
    );
  if (endpoints.length === 0) return eventId;
  const body = JSON.stringify({
    id: eventId,
    type,
    createdAt: new Date().toISOString(),
    organization: { id: organization.id, slug: organization.slug },
    data,
  });
  for (const endpoint of endpoints) {
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ organizationId: organization.id, endpointId: endpoint.id, eventId, eventType: type, body })
      .returning({ id: webhookDeliveries.id });
    if (!delivery) throw new Error("delivery insert returned nothing");
    await enqueue(tx, {
      queue: WEBHOOK_DELIVER_QUEUE,
      idempotencyKey: `webhook:${delivery.id}`,
      payload: { organizationId: organization.id, deliveryId: delivery.id },
      maxAttempts: WEBHOOK_ATTEMPTS,
    });
  }
  return eventId;
}
