import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { apiKeys, memberships, users } from "../db/schema";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { ServiceError } from "../errors";
import { userActor, type OrgActorContext } from "../members/context";
import { can } from "@/lib/permissions";
import { generateApiKey } from "./keys";
import {
  createApiKeySchema,
  revokeApiKeySchema,
  type CreateApiKeyInput,
  type RevokeApiKeyInput,
} from "./schemas";

function requireManage(ctx: OrgActorContext) {
  if (!can(ctx.role, "apikeys.manage")) {
    throw new ServiceError(
      "FORBIDDEN",
      `Your role (${ctx.role}) cannot manage API keys. Ask an admin or the owner of ${ctx.org.name}.`,
    );
  }
}

/**
 * Every key of the organization, active ones first, newest first; never the key or its hash. Each says when it
 * expires and was last used, and whether the person who created it has left the organization (the key still
 * works: it belongs to the organization, which is exactly why an admin should look at it).
 */
export async function listApiKeys(ctx: OrgActorContext) {
  requireManage(ctx);
  const rows = await withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        scope: apiKeys.scope,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        createdByName: users.name,
        lastUsedAt: apiKeys.lastUsedAt,
        expiresAt: apiKeys.expiresAt,
        expired: sql<boolean>`coalesce(${apiKeys.expiresAt} <= now(), false)`,
        revokedAt: apiKeys.revokedAt,
        creatorLeft: sql<boolean>`${memberships.userId} is null`,
      })
      .from(apiKeys)
      .leftJoin(users, eq(users.id, apiKeys.createdBy))
      .leftJoin(
        memberships,
        and(
          eq(memberships.organizationId, apiKeys.organizationId),
          eq(memberships.userId, apiKeys.createdBy),
        ),
      )
      .where(eq(apiKeys.organizationId, ctx.org.id))
      .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt), desc(apiKeys.id)),
  );
  return { keys: rows };
}

/**
 * Creates a key and returns it whole, once: only its SHA-256 and display prefix are stored, so it cannot be
 * shown again. The key belongs to the organization; `created_by` only records who made it.
 */
export async function createApiKey(ctx: OrgActorContext, rawInput: CreateApiKeyInput) {
  requireManage(ctx);
  const input = createApiKeySchema.parse(rawInput);
  const { key, keyHash, prefix } = generateApiKey();
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        organizationId: ctx.org.id,
        name: input.name,
        scope: input.scope,
        prefix,
        keyHash,
        createdBy: ctx.user.id,
        expiresAt: input.expiresInDays
          ? sql`now() + make_interval(days => ${input.expiresInDays}::int)`
          : null,
      })
      .returning({
        id: apiKeys.id,
        name: apiKeys.name,
        scope: apiKeys.scope,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        expiresAt: apiKeys.expiresAt,
      });
    if (!row) throw new Error("api key insert returned nothing");
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "apikey.created",
      targetType: "api_key",
      targetId: row.id,
      ip: ctx.ip,
      data: {
        name: row.name,
        scope: row.scope,
        prefix: row.prefix,
        expiresAt: row.expiresAt?.toISOString() ?? null,
      },
    });
    return { ...row, key };
  });
}

/** Revokes a key; the next request made with it is refused (keys are checked on every request, never cached). */
export async function revokeApiKey(ctx: OrgActorContext, rawInput: RevokeApiKeyInput) {
  requireManage(ctx);
  const input = revokeApiKeySchema.parse(rawInput);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(apiKeys.organizationId, ctx.org.id), eq(apiKeys.id, input.keyId), isNull(apiKeys.revokedAt)),
      )
      .returning({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope, prefix: apiKeys.prefix });
    if (!revoked) {
      const [existing] = await tx
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.organizationId, ctx.org.id), eq(apiKeys.id, input.keyId)));
      if (!existing) throw new ServiceError("NOT_FOUND", "API key not found.");
      // Already revoked: revoking again changes nothing and records nothing.
      return { id: existing.id, changed: false };
    }
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "apikey.revoked",
      targetType: "api_key",
      targetId: revoked.id,
      ip: ctx.ip,
      data: { name: revoked.name, scope: revoked.scope, prefix: revoked.prefix },
    });
    return { id: revoked.id, changed: true };
  });
}
