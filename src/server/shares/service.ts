import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { scenarios, shareLinks, teamSnapshots } from "../db/schema";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { ServiceError } from "../errors";
import { userActor, type OrgActorContext } from "../members/context";
import { hashPassword } from "../auth/password";
import { snapshotLabel } from "../planner/reps";
import { can } from "@/lib/permissions";
import { newShareToken, sharePath } from "./token";
import { createShareSchema, shareIdSchema } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

function requireManage(ctx: OrgActorContext) {
  if (!can(ctx.role, "shares.manage"))
    throw new ServiceError(
      "FORBIDDEN",
      `Your role (${ctx.role}) cannot manage share links. Ask an admin or the owner of ${ctx.org.name}.`,
    );
}

/** What a list shows of a link: never its token, its hash or its password hash. */
const shareColumns = {
  id: shareLinks.id,
  snapshotId: shareLinks.snapshotId,
  snapshotLabel: shareLinks.snapshotLabel,
  scenarioId: shareLinks.scenarioId,
  redaction: shareLinks.redaction,
  hasPassword: sql<boolean>`${shareLinks.passwordHash} is not null`,
  createdByLabel: shareLinks.createdByLabel,
  createdAt: shareLinks.createdAt,
  expiresAt: shareLinks.expiresAt,
  expired: sql<boolean>`${shareLinks.expiresAt} <= now()`,
  revokedAt: shareLinks.revokedAt,
  viewCount: shareLinks.viewCount,
  lastViewedAt: shareLinks.lastViewedAt,
};

/** The organization's links, usable ones first, newest first. */
export async function listShares(ctx: OrgActorContext) {
  requireManage(ctx);
  const links = await withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({ ...shareColumns, scenarioName: scenarios.name })
      .from(shareLinks)
      .leftJoin(
        scenarios,
        and(eq(scenarios.organizationId, shareLinks.organizationId), eq(scenarios.id, shareLinks.scenarioId)),
      )
      .where(eq(shareLinks.organizationId, ctx.org.id))
      .orderBy(
        sql`(${shareLinks.revokedAt} is not null or ${shareLinks.expiresAt} <= now())`,
        desc(shareLinks.createdAt),
        desc(shareLinks.id),
      ),
  );
  return { links };
}

/**
 * Creates a read-only link to the report of one upload: the one given or the current one, pinned at creation so
 * the link never shows a later upload. A scenario must start from that same upload (the link shows nothing of
 * another). The token is returned here once; only its hash is stored.
 */
export async function createShare(
  ctx: OrgActorContext & { currentSnapshotId: string | null },
  rawInput: unknown,
) {
  requireManage(ctx);
  const input = createShareSchema.parse(rawInput);
  const password = input.password ? input.password : null;
  const passwordHash = password ? await hashPassword(password) : null;
  const { token, tokenHash } = newShareToken();
  const link = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    // The current upload as this request's access check read it.
    const snapshotId = input.snapshotId ?? ctx.currentSnapshotId;
    if (!snapshotId)
      throw new ServiceError("CONFLICT", "There is no upload to share yet: upload a team first.", {
        field: "snapshotId",
      });
    const [snapshot] = await tx
      .select()
      .from(teamSnapshots)
      .where(and(eq(teamSnapshots.organizationId, ctx.org.id), eq(teamSnapshots.id, snapshotId)));
    if (!snapshot)
      throw new ServiceError("NOT_FOUND", "That upload does not exist in this organization.", {
        field: "snapshotId",
      });
    if (snapshot.status !== "completed")
      throw new ServiceError(
        "UNPROCESSABLE_CONTENT",
        "That upload did not complete: it has no report to share.",
        {
          field: "snapshotId",
        },
      );
    if (input.scenarioId) {
      const [scenario] = await tx
        .select({ id: scenarios.id, name: scenarios.name, snapshotId: scenarios.snapshotId })
        .from(scenarios)
        .where(and(eq(scenarios.organizationId, ctx.org.id), eq(scenarios.id, input.scenarioId)));
      if (!scenario)
        throw new ServiceError("NOT_FOUND", "That scenario does not exist in this organization.", {
          field: "scenarioId",
        });
      if (scenario.snapshotId !== snapshot.id)
        throw new ServiceError(
          "BAD_REQUEST",
          `The scenario “${scenario.name}” starts from another upload than ${snapshotLabel(snapshot)}: share the upload it starts from, or rebase it in the planner.`,
          { field: "scenarioId" },
        );
    }
    const [row] = await tx
      .insert(shareLinks)
      .values({
        organizationId: ctx.org.id,
        tokenHash,
        snapshotId: snapshot.id,
        snapshotLabel: snapshotLabel(snapshot),
        scenarioId: input.scenarioId ?? null,
        redaction: input.redaction,
        passwordHash,
        createdBy: ctx.user.id,
        createdByLabel: ctx.user.email,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      })
      .returning(shareColumns);
    if (!row) throw new Error("share link insert returned nothing");
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "share.created",
      targetType: "share_link",
      targetId: row.id,
      ip: ctx.ip,
      data: {
        snapshotId: row.snapshotId,
        scenarioId: row.scenarioId,
        redaction: row.redaction,
        password: row.hasPassword,
        expiresAt: row.expiresAt.toISOString(),
      },
    });
    return row;
  });
  return { link, token, path: sharePath(token) };
}

/** Revokes a link at once: the next request for it is refused (nothing about a link is cached). */
export async function revokeShare(ctx: OrgActorContext, rawInput: unknown) {
  requireManage(ctx);
  const { shareId } = shareIdSchema.parse(rawInput);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .update(shareLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(shareLinks.organizationId, ctx.org.id),
          eq(shareLinks.id, shareId),
          isNull(shareLinks.revokedAt),
        ),
      )
      .returning(shareColumns);
    if (!row) {
      const [existing] = await tx
        .select({ id: shareLinks.id })
        .from(shareLinks)
        .where(and(eq(shareLinks.organizationId, ctx.org.id), eq(shareLinks.id, shareId)));
      if (!existing)
        throw new ServiceError("NOT_FOUND", "That share link does not exist in this organization.");
      throw new ServiceError("CONFLICT", "This share link is already revoked.");
    }
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "share.revoked",
      targetType: "share_link",
      targetId: row.id,
      ip: ctx.ip,
      data: { snapshotId: row.snapshotId, views: row.viewCount },
    });
    return { link: row };
  });
}
