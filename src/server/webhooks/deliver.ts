import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { memberships, organizations, users, webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { Database, Transaction } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { appBaseUrl, escapeHtml, sendEmail } from "../email";
import { enqueue } from "../jobs/queue";
import type { ClaimedJob } from "../jobs/queue";
import { decryptSecret, SIGNATURE_HEADER, signatureHeader } from "./secret";
import { defaultTargetPolicy, postWebhook, TargetRefused, type TargetPolicy } from "./target";

/** Failed attempts in a row (across deliveries) after which an endpoint is disabled and its admins are emailed. */
export const DISABLE_AFTER_FAILURES = 15;
export const WEBHOOK_DISABLED_EMAIL_QUEUE = "email.webhook_disabled";

interface Attempt {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

async function attempt(
  url: string,
  delivery: { id: string; eventType: string; body: string },
  secret: string,
  policy: TargetPolicy,
): Promise<Attempt> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await postWebhook(
      new URL(url),
      delivery.body,
      {
        "Content-Type": "application/json",
        "User-Agent": "SalesMix-Webhooks/1",
        "SalesMix-Event": delivery.eventType,
        "SalesMix-Delivery": delivery.id,
        [SIGNATURE_HEADER]: signatureHeader(secret, delivery.body, timestamp),
      },
      policy,
    );
    if (res.statusCode >= 200 && res.statusCode < 300)
      return { ok: true, statusCode: res.statusCode, error: null };
    if (res.statusCode >= 300 && res.statusCode < 400)
      return {
        ok: false,
        statusCode: res.statusCode,
        error: `Answered ${res.statusCode} redirecting to ${res.location ?? "(no Location)"}; redirects are not followed: register the final URL.`,
      };
    return {
      ok: false,
      statusCode: res.statusCode,
      error: `Answered ${res.statusCode}: ${res.excerpt.slice(0, 200)}`,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      statusCode: null,
      error: e instanceof TargetRefused ? `Refused target: ${message}` : message,
    };
  }
}

/**
 * The `webhook.deliver` job: one attempt of one delivery. A failure throws so the queue retries it with backoff;
 * the delivery row keeps the count and the last answer. A delivery already succeeded (a job run twice after a lapsed
 * claim) is not sent again; one whose organization or endpoint is gone finishes quietly.
 */
export async function deliverWebhookJob(
  db: Database,
  job: ClaimedJob,
  policy = defaultTargetPolicy(),
): Promise<void> {
  const organizationId = String(job.payload.organizationId);
  const deliveryId = String(job.payload.deliveryId);
  const found = await withTenant(db, organizationId, async (tx) => {
    const [row] = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.organizationId, webhookDeliveries.organizationId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .where(and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.id, deliveryId)));
    return row ?? null;
  });
  if (!found || found.delivery.status === "succeeded") return;
  const { delivery, endpoint } = found;
  if (endpoint.disabledAt) {
    await withTenant(db, organizationId, (tx) =>
      tx
        .update(webhookDeliveries)
        .set({ status: "failed", lastError: "The endpoint is disabled." })
        .where(
          and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.id, deliveryId)),
        ),
    );
    return;
  }

  const result = await attempt(endpoint.url, delivery, decryptSecret(endpoint.secretCiphertext), policy);
  const lastAttempt = job.attempts >= job.maxAttempts;
  const disabledNow = await withTenant(db, organizationId, async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: result.statusCode,
        lastError: result.error?.slice(0, 1000) ?? null,
        lastAttemptAt: sql`now()`,
        ...(result.ok
          ? { status: "succeeded" as const, deliveredAt: sql`now()` }
          : lastAttempt
            ? { status: "failed" as const }
            : {}),
      })
      .where(and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.id, deliveryId)));
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: result.ok ? 0 : sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, endpoint.id)))
      .returning({ failures: webhookEndpoints.consecutiveFailures, disabledAt: webhookEndpoints.disabledAt });
    if (result.ok || !updated || updated.disabledAt || updated.failures < DISABLE_AFTER_FAILURES)
      return false;
    await disableEndpoint(tx, organizationId, endpoint.id, updated.failures);
    return true;
  });
  if (disabledNow) {
    await withTenant(db, organizationId, (tx) =>
      tx
        .update(webhookDeliveries)
        .set({ status: "failed" })
        .where(
          and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.id, deliveryId)),
        ),
    );
    return;
  }
  if (!result.ok) throw new Error(result.error ?? "Delivery failed");
}

async function disableEndpoint(
  tx: Transaction,
  organizationId: string,
  endpointId: string,
  failures: number,
) {
  const reason = `${failures} failed attempts in a row`;
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: sql`now()`, disabledReason: reason })
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, endpointId)))
    .returning({ disabledAt: webhookEndpoints.disabledAt, url: webhookEndpoints.url });
  if (!disabled) return;
  await recordAudit(tx, {
    organizationId,
    actor: { kind: "system", label: "webhooks" },
    action: "webhook.disabled",
    targetType: "webhook_endpoint",
    targetId: endpointId,
    data: { url: disabled.url, reason },
  });
  // Every admin and owner hears of it, once per disabling.
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.organizationId, organizationId), sql`${memberships.role} in ('admin', 'owner')`),
    );
  for (const admin of admins)
    await enqueue(tx, {
      queue: WEBHOOK_DISABLED_EMAIL_QUEUE,
      idempotencyKey: `webhook-disabled:${endpointId}:${disabled.disabledAt?.toISOString()}:${admin.userId}`,
      payload: { organizationId, endpointId, userId: admin.userId },
    });
}

/** The `email.webhook_disabled` job: tells one admin which endpoint stopped receiving and how to turn it back on. */
export async function webhookDisabledEmailJob(db: Database, job: ClaimedJob): Promise<void> {
  const organizationId = String(job.payload.organizationId);
  const found = await withTenant(db, organizationId, async (tx) => {
    const [row] = await tx
      .select({
        url: webhookEndpoints.url,
        reason: webhookEndpoints.disabledReason,
        disabledAt: webhookEndpoints.disabledAt,
        orgName: organizations.name,
        orgSlug: organizations.slug,
        email: users.email,
      })
      .from(webhookEndpoints)
      .innerJoin(organizations, eq(organizations.id, webhookEndpoints.organizationId))
      .innerJoin(
        memberships,
        and(
          eq(memberships.organizationId, webhookEndpoints.organizationId),
          eq(memberships.userId, String(job.payload.userId)),
        ),
      )
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(webhookEndpoints.organizationId, organizationId),
          eq(webhookEndpoints.id, String(job.payload.endpointId)),
        ),
      );
    return row ?? null;
  });
  // Re-enabled meanwhile, removed, or the admin left: nothing to say.
  if (!found?.disabledAt) return;
  const link = `${appBaseUrl()}/o/${found.orgSlug}/settings/webhooks`;
  const subject = `A webhook of ${found.orgName} was disabled`;
  const text = [
    `SalesMix stopped sending webhooks to ${found.url} (${found.orgName}) after ${found.reason}.`,
    "",
    "Check the delivery log, fix the receiver, then enable the endpoint again:",
    link,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif">
<p>SalesMix stopped sending webhooks to <strong>${e(found.url)}</strong> (${e(found.orgName)}) after ${e(found.reason ?? "repeated failures")}.</p>
<p>Check the delivery log, fix the receiver, then enable the endpoint again: <a href="${e(link)}">${e(link)}</a></p>
</body></html>`;
  await sendEmail(db, { to: found.email, subject, text, html });
}
