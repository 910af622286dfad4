import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { scenarios, teamSnapshots, type ScenarioRow } from "../db/schema";
import type { Db } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type AuditAction } from "../audit";
import { ServiceError } from "../errors";
import { can, type Permission } from "@/lib/permissions";
import {
  checkMoves,
  scenarioContentSchema,
  SCENARIO_NAME_MAX,
  DEFAULT_CONTENT,
  type ScenarioContent,
} from "@/lib/planner";
import type { PlannerContext } from "./context";
import { findSnapshot, plannerReps, snapshotLabel } from "./reps";
import { oneLineText } from "@/lib/validation/text";

const notFound = () => new ServiceError("NOT_FOUND", "Scenario not found.");

const nameSchema = oneLineText("A scenario name", "A scenario needs a name.")
  .trim()
  .min(1, "A scenario needs a name.")
  .max(SCENARIO_NAME_MAX, `A scenario name has at most ${SCENARIO_NAME_MAX} characters.`);

export const createScenarioSchema = z
  .object({
    name: nameSchema,
    snapshotId: z.uuid("Not a snapshot id").optional(),
    content: scenarioContentSchema.optional(),
  })
  .strict();
export const updateScenarioSchema = z
  .object({
    name: nameSchema.optional(),
    content: scenarioContentSchema.optional(),
    rebase: z.boolean().optional().meta({
      description: "Move the scenario to the current upload; its moves are dropped, its assumptions kept.",
    }),
  })
  .strict();
export const duplicateScenarioSchema = z.object({ name: nameSchema.optional() }).strict();
export type CreateScenarioInput = z.infer<typeof createScenarioSchema>;
export type UpdateScenarioInput = z.infer<typeof updateScenarioSchema>;

export interface ScenarioView {
  id: string;
  name: string;
  snapshotId: string;
  snapshotLabel: string;
  /** The upload the scenario starts from was deleted: it can be rebased on `rebaseSnapshotId`. */
  snapshotDeleted: boolean;
  rebaseSnapshotId: string | null;
  author: string;
  createdAt: Date;
  updatedAt: Date;
  content: ScenarioContent;
}

function require(ctx: PlannerContext, permission: Permission) {
  if (!can(ctx.role, permission)) {
    throw new ServiceError(
      "FORBIDDEN",
      permission === "scenarios.manage"
        ? "Analysts, admins and owners save and change scenarios; your role can only read them."
        : "Your role cannot see scenarios.",
    );
  }
}

function view(row: ScenarioRow, exists: boolean, current: string | null): ScenarioView {
  return {
    id: row.id,
    name: row.name,
    snapshotId: row.snapshotId,
    snapshotLabel: row.snapshotLabel,
    snapshotDeleted: !exists,
    rebaseSnapshotId: exists ? null : current,
    author: row.authorLabel,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    content: row.content,
  };
}

async function currentSnapshot(tx: Db, ctx: PlannerContext) {
  if (!ctx.currentSnapshotId) return null;
  const s = await findSnapshot(tx, ctx.org, ctx.currentSnapshotId);
  return s && s.status === "completed" ? s : null;
}

/** The moves must name reps of the scenario's snapshot: checked against its rows, nothing saved otherwise. */
async function validateContent(tx: Db, ctx: PlannerContext, snapshotId: string, content: ScenarioContent) {
  if (content.moves.length === 0) return;
  const reps = await plannerReps(tx, ctx.org, snapshotId);
  const problems = checkMoves(reps, content.moves);
  if (problems.length > 0) {
    throw new ServiceError("INVALID_FIELD", problems[0]!.message, {
      field: `content.moves.${problems[0]!.index}`,
      problems: problems.slice(0, 20).map((p) => p.message),
    });
  }
}

async function getRow(tx: Db, ctx: PlannerContext, id: string) {
  const [row] = await tx
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.organizationId, ctx.org.id), eq(scenarios.id, id)));
  if (!row) throw notFound();
  return row;
}

async function audit(
  tx: Db,
  ctx: PlannerContext,
  action: AuditAction,
  row: ScenarioRow,
  data: Record<string, unknown> = {},
) {
  await recordAudit(tx, {
    organizationId: ctx.org.id,
    actor: ctx.actor,
    action,
    targetType: "scenario",
    targetId: row.id,
    ip: ctx.ip,
    data: { name: row.name, snapshotId: row.snapshotId, ...data },
  });
}

const authorOf = (ctx: PlannerContext) => ({
  createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
  createdByApiKeyId: ctx.actor.kind === "apiKey" ? ctx.actor.apiKeyId : null,
  authorLabel: ctx.actor.label,
});

export async function listScenarios(ctx: PlannerContext): Promise<ScenarioView[]> {
  require(ctx, "scenarios.read");
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const rows = await tx
      .select({ scenario: scenarios, snapshotId: teamSnapshots.id })
      .from(scenarios)
      .leftJoin(
        teamSnapshots,
        and(
          eq(teamSnapshots.organizationId, scenarios.organizationId),
          eq(teamSnapshots.id, scenarios.snapshotId),
        ),
      )
      .where(eq(scenarios.organizationId, ctx.org.id))
      .orderBy(desc(scenarios.updatedAt), desc(scenarios.id));
    return rows.map((r) => view(r.scenario, r.snapshotId !== null, ctx.currentSnapshotId));
  });
}

export async function getScenario(ctx: PlannerContext, id: string): Promise<ScenarioView> {
  require(ctx, "scenarios.read");
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await getRow(tx, ctx, id);
    const exists = (await findSnapshot(tx, ctx.org, row.snapshotId)) !== null;
    return view(row, exists, ctx.currentSnapshotId);
  });
}

export async function createScenario(ctx: PlannerContext, input: CreateScenarioInput): Promise<ScenarioView> {
  require(ctx, "scenarios.manage");
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const snapshot = input.snapshotId
      ? await findSnapshot(tx, ctx.org, input.snapshotId)
      : await currentSnapshot(tx, ctx);
    if (!snapshot) {
      throw input.snapshotId
        ? new ServiceError("NOT_FOUND", "Snapshot not found.")
        : new ServiceError("NOT_FOUND", "No team has been uploaded yet: upload one before planning.");
    }
    if (snapshot.status !== "completed")
      throw new ServiceError("UNPROCESSABLE_CONTENT", "That upload failed and has no reps to plan with.");
    const content = input.content ?? DEFAULT_CONTENT;
    await validateContent(tx, ctx, snapshot.id, content);
    const [row] = await tx
      .insert(scenarios)
      .values({
        organizationId: ctx.org.id,
        name: input.name,
        snapshotId: snapshot.id,
        snapshotLabel: snapshotLabel(snapshot),
        content,
        ...authorOf(ctx),
      })
      .returning();
    await audit(tx, ctx, "scenario.created", row!, { moves: content.moves.length });
    return view(row!, true, null);
  });
}

export async function updateScenario(
  ctx: PlannerContext,
  id: string,
  input: UpdateScenarioInput,
): Promise<ScenarioView> {
  require(ctx, "scenarios.manage");
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await getRow(tx, ctx, id);
    const exists = (await findSnapshot(tx, ctx.org, row.snapshotId)) !== null;
    let snapshotId = row.snapshotId;
    let label = row.snapshotLabel;
    let content = input.content ?? row.content;
    let dropped = 0;
    if (input.rebase) {
      const current = await currentSnapshot(tx, ctx);
      if (!current)
        throw new ServiceError("NOT_FOUND", "No current upload to rebase on: upload the team first.");
      // Rows number reps of one upload only: the moves cannot carry over to another.
      dropped = content.moves.length;
      snapshotId = current.id;
      label = snapshotLabel(current);
      content = { ...content, moves: [] };
    } else if (!exists && input.content) {
      throw new ServiceError(
        "UNPROCESSABLE_CONTENT",
        `The upload this scenario starts from (${row.snapshotLabel}) was deleted. Rebase it on the current upload (send rebase: true): its assumptions are kept and its moves are dropped.`,
        { snapshotDeleted: true, rebaseSnapshotId: ctx.currentSnapshotId },
      );
    }
    if (input.content) await validateContent(tx, ctx, snapshotId, content);
    const [updated] = await tx
      .update(scenarios)
      .set({
        name: input.name ?? row.name,
        snapshotId,
        snapshotLabel: label,
        content,
        updatedAt: new Date(),
      })
      .where(and(eq(scenarios.organizationId, ctx.org.id), eq(scenarios.id, id)))
      .returning();
    await audit(tx, ctx, input.rebase ? "scenario.rebased" : "scenario.updated", updated!, {
      moves: content.moves.length,
      ...(input.rebase ? { fromSnapshotId: row.snapshotId, droppedMoves: dropped } : {}),
      ...(input.name && input.name !== row.name ? { previousName: row.name } : {}),
    });
    return view(updated!, input.rebase ? true : exists, ctx.currentSnapshotId);
  });
}

export async function duplicateScenario(
  ctx: PlannerContext,
  id: string,
  name?: string,
): Promise<ScenarioView> {
  require(ctx, "scenarios.manage");
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await getRow(tx, ctx, id);
    const exists = (await findSnapshot(tx, ctx.org, row.snapshotId)) !== null;
    const copyName = name ?? `${row.name} (copy)`.slice(0, SCENARIO_NAME_MAX);
    const [copy] = await tx
      .insert(scenarios)
      .values({
        organizationId: ctx.org.id,
        name: copyName,
        snapshotId: row.snapshotId,
        snapshotLabel: row.snapshotLabel,
        content: row.content,
        ...authorOf(ctx),
      })
      .returning();
    await audit(tx, ctx, "scenario.duplicated", copy!, { fromScenarioId: row.id });
    return view(copy!, exists, ctx.currentSnapshotId);
  });
}

export async function deleteScenario(
  ctx: PlannerContext,
  id: string,
): Promise<{ id: string; deleted: true }> {
  require(ctx, "scenarios.manage");
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const row = await getRow(tx, ctx, id);
    await tx.delete(scenarios).where(and(eq(scenarios.organizationId, ctx.org.id), eq(scenarios.id, id)));
    await audit(tx, ctx, "scenario.deleted", row);
    return { id, deleted: true as const };
  });
}
