import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { Transaction } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { ServiceError } from "../errors";
import { enqueue } from "../jobs/queue";
import { kickJobWorker } from "../jobs/kick";
import { userActor, type OrgActorContext } from "../members/context";
import { can } from "@/lib/permissions";
import { WEBHOOK_ATTEMPTS, WEBHOOK_DELIVER_QUEUE } from "./events";
import { encryptSecret, newWebhookSecret, SIGNATURE_HEADER, signatureHeader } from "./secret";
import {
  checkWebhookTarget,
  checkWebhookUrl,
  defaultTargetPolicy,
  postWebhook,
  TargetRefused,
  type TargetPolicy,
} from "./target";
import { createWebhookSchema, deliveryIdSchema, listDeliveriesSchema, webhookIdSchema } from "./schemas";

export const MAX_ENDPOINTS = 10;

function requireManage(ctx: OrgActorContext) {
  if (!can(ctx.role, "webhooks.manage"))
    throw new ServiceError(
      "FORBIDDEN",
      `Your role (${ctx.role}) cannot manage webhooks. Ask an admin or the owner of ${ctx.org.name}.`,
    );
}

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  createdAt: webhookEndpoints.createdAt,
  consecutiveFailures: webhookEndpoints.consecutiveFailures,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
};

/** The organization's endpoints, never their secrets. */
export async function listWebhooks(ctx: OrgActorContext) {
  requireManage(ctx);
  const endpoints = await withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select(endpointColumns)
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.organizationId, ctx.org.id))
      .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id)),
  );
  return { endpoints, signatureHeader: SIGNATURE_HEADER };
}

/**
 * Registers an endpoint after checking it: HTTPS, an address allowed by the policy, and a signed `ping` that must
 * not be answered with a redirect (redirects are never followed). The secret is returned here once.
 */
export async function createWebhook(
  ctx: OrgActorContext,
  rawInput: unknown,
  policy: TargetPolicy = defaultTargetPolicy(),
) {
  requireManage(ctx);
  const input = createWebhookSchema.parse(rawInput);
  let url: URL;
  try {
    url = checkWebhookUrl(input.url, policy);
    await checkWebhookTarget(url, policy);
  } catch (e) {
    if (e instanceof TargetRefused) throw new ServiceError("BAD_REQUEST", e.message, { field: "url" });
    throw e;
  }
  const secret = newWebhookSecret();
  const ping = await pingEndpoint(url, secret, policy);
  if (ping.redirect)
    throw new ServiceError(
      "BAD_REQUEST",
      `${url.href} answered ${ping.statusCode} redirecting to ${ping.redirect}. Redirects are not followed: register the final URL.`,
      { field: "url" },
    );
  const events = [...new Set(input.events)];
  const endpoint = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    // Serialize creations per organization so the cap holds under concurrent requests.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${ctx.org.id}`}))`);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.organizationId, ctx.org.id));
    if (n >= MAX_ENDPOINTS)
      throw new ServiceError(
        "CONFLICT",
        `An organization can have at most ${MAX_ENDPOINTS} webhook endpoints.`,
      );
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        organizationId: ctx.org.id,
        url: url.href,
        events,
        secretCiphertext: encryptSecret(secret),
        createdBy: ctx.user.id,
      })
      .returning(endpointColumns);
    if (!row) throw new Error("webhook insert returned nothing");
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "webhook.created",
      targetType: "webhook_endpoint",
      targetId: row.id,
      ip: ctx.ip,
      data: { url: row.url, events },
    });
    return row;
  });
  return { endpoint, secret, ping: { ok: ping.ok, statusCode: ping.statusCode, error: ping.error } };
}

async function pingEndpoint(url: URL, secret: string, policy: TargetPolicy) {
  const body = JSON.stringify({ type: "ping", createdAt: new Date().toISOString() });
  try {
    const res = await postWebhook(
      url,
      body,
      {
        "Content-Type": "application/json",
        "User-Agent": "SalesMix-Webhooks/1",
        "SalesMix-Event": "ping",
        [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
      },
      policy,
      5_000,
    );
    const redirect = res.statusCode >= 300 && res.statusCode < 400 ? (res.location ?? "(no Location)") : null;
    return {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      statusCode: res.statusCode,
      redirect,
      error: null,
    };
  } catch (e) {
    // Unreachable right now is not a reason to refuse: the deliveries will retry. A refused address is.
    if (e instanceof TargetRefused) throw new ServiceError("BAD_REQUEST", e.message, { field: "url" });
    return { ok: false, statusCode: null, redirect: null, error: e instanceof Error ? e.message : String(e) };
  }
}

async function endpointOf(tx: Transaction, ctx: OrgActorContext, endpointId: string) {
  const [row] = await tx
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, ctx.org.id), eq(webhookEndpoints.id, endpointId)));
  if (!row) throw new ServiceError("NOT_FOUND", "That webhook endpoint does not exist in this organization.");
  return row;
}

/** Removes the endpoint and its delivery log; deliveries waiting for a retry are dropped with it. */
export async function deleteWebhook(ctx: OrgActorContext, rawInput: unknown) {
  requireManage(ctx);
  const { endpointId } = webhookIdSchema.parse(rawInput);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const endpoint = await endpointOf(tx, ctx, endpointId);
    await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, ctx.org.id), eq(webhookEndpoints.id, endpointId)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "webhook.deleted",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      ip: ctx.ip,
      data: { url: endpoint.url },
    });
    return { endpointId };
  });
}

/** Turns a disabled endpoint back on with a clean failure count (earlier failed deliveries can be replayed). */
export async function enableWebhook(ctx: OrgActorContext, rawInput: unknown) {
  requireManage(ctx);
  const { endpointId } = webhookIdSchema.parse(rawInput);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const endpoint = await endpointOf(tx, ctx, endpointId);
    if (!endpoint.disabledAt) throw new ServiceError("CONFLICT", "This endpoint is already enabled.");
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: null, disabledReason: null, consecutiveFailures: 0 })
      .where(
        and(
          eq(webhookEndpoints.organizationId, ctx.org.id),
          eq(webhookEndpoints.id, endpointId),
          isNotNull(webhookEndpoints.disabledAt),
        ),
      )
      .returning(endpointColumns);
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "webhook.enabled",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      ip: ctx.ip,
      data: { url: endpoint.url },
    });
    return row;
  });
}

/** The delivery log, newest first: what was sent, how often, the last answer. */
export async function listDeliveries(ctx: OrgActorContext, rawInput: unknown) {
  requireManage(ctx);
  const input = listDeliveriesSchema.parse(rawInput ?? {});
  const rows = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    if (input.endpointId) await endpointOf(tx, ctx, input.endpointId);
    return tx
      .select({
        id: webhookDeliveries.id,
        endpointId: webhookDeliveries.endpointId,
        url: webhookEndpoints.url,
        eventId: webhookDeliveries.eventId,
        eventType: webhookDeliveries.eventType,
        body: webhookDeliveries.body,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        replays: webhookDeliveries.replays,
        lastStatusCode: webhookDeliveries.lastStatusCode,
        lastError: webhookDeliveries.lastError,
        lastAttemptAt: webhookDeliveries.lastAttemptAt,
        deliveredAt: webhookDeliveries.deliveredAt,
        createdAt: webhookDeliveries.createdAt,
      })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.organizationId, webhookDeliveries.organizationId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .where(
        and(
          eq(webhookDeliveries.organizationId, ctx.org.id),
          input.endpointId ? eq(webhookDeliveries.endpointId, input.endpointId) : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(input.limit);
  });
  return { deliveries: rows };
}

/** Sends a delivery again, same event and delivery id (receivers that saw it already can tell). */
export async function replayDelivery(ctx: OrgActorContext, rawInput: unknown) {
  requireManage(ctx);
  const { deliveryId } = deliveryIdSchema.parse(rawInput);
  const result = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .select({ delivery: webhookDeliveries, disabledAt: webhookEndpoints.disabledAt })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.organizationId, webhookDeliveries.organizationId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .where(and(eq(webhookDeliveries.organizationId, ctx.org.id), eq(webhookDeliveries.id, deliveryId)));
    if (!row) throw new ServiceError("NOT_FOUND", "That delivery does not exist in this organization.");
    if (row.disabledAt)
      throw new ServiceError("CONFLICT", "The endpoint is disabled. Enable it first, then replay.");
    if (row.delivery.status === "pending")
      throw new ServiceError("CONFLICT", "This delivery is still being tried. Wait for it to finish.");
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", replays: sql`${webhookDeliveries.replays} + 1` })
      .where(and(eq(webhookDeliveries.organizationId, ctx.org.id), eq(webhookDeliveries.id, deliveryId)))
      .returning({ replays: webhookDeliveries.replays });
    await enqueue(tx, {
      queue: WEBHOOK_DELIVER_QUEUE,
      idempotencyKey: `webhook:${deliveryId}:replay:${updated?.replays ?? 0}`,
      payload: { organizationId: ctx.org.id, deliveryId },
      maxAttempts: WEBHOOK_ATTEMPTS,
    });
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "webhook.replayed",
      targetType: "webhook_delivery",
      targetId: deliveryId,
      ip: ctx.ip,
      data: { eventType: row.delivery.eventType },
    });
    return { deliveryId, status: "pending" as const };
  });
  kickJobWorker();
  return result;
}
