import { z } from "zod";
import { createTRPCRouter, permittedProcedure } from "../trpc";
import {
  deleteSnapshot,
  getSnapshot,
  listReps,
  listSnapshots,
  REP_SORT_COLUMNS,
  setCurrentSnapshot,
} from "../../imports/snapshots";
import { findSnapshotByHash, rememberedMapping } from "../../imports/import-team";
import { withTenant } from "../../db/tenant";
import { rememberedMappingInputSchema, saveRememberedMapping } from "../../imports/mapping";
import { REP_ROLES } from "@/lib/team/types";
import type { Actor } from "../../audit";
import { freeText } from "@/lib/validation/text";

const snapshotId = z.uuid("Not a snapshot id");
const actorOf = (user: { id: string; email: string }): Actor => ({
  kind: "user",
  userId: user.id,
  label: user.email,
});

export const importsRouter = createTRPCRouter({
  list: permittedProcedure("snapshots.read")
    .input(z.object({ cursor: z.uuid().optional(), limit: z.number().int().min(1).max(200).optional() }))
    .query(({ ctx, input }) => listSnapshots(ctx.db, ctx.org, input)),

  get: permittedProcedure("snapshots.read")
    .input(z.object({ snapshotId }))
    .query(({ ctx, input }) =>
      withTenant(ctx.db, ctx.org.id, (tx) => getSnapshot(tx, ctx.org, input.snapshotId)),
    ),

  reps: permittedProcedure("snapshots.read")
    .input(
      z.object({
        snapshotId,
        role: z.enum(REP_ROLES).nullish(),
        team: freeText("The team filter").max(200).nullish(),
        title: freeText("The title filter").max(200).nullish(),
        search: freeText("The search").max(200).nullish(),
        sort: z.enum(Object.keys(REP_SORT_COLUMNS) as [keyof typeof REP_SORT_COLUMNS]).optional(),
        direction: z.enum(["asc", "desc"]).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      listReps(ctx.db, ctx.org, input.snapshotId, {
        filter: { role: input.role, team: input.team, title: input.title, search: input.search },
        sort: input.sort,
        direction: input.direction,
        offset: input.offset,
        limit: input.limit,
      }),
    ),

  /** What the upload page needs to read a file exactly as the server will: the remembered mapping and currency. */
  uploadContext: permittedProcedure("imports.create").query(({ ctx }) => ({
    remembered: rememberedMapping(ctx.org.lastImportMapping) ?? {},
    currency: ctx.org.currency,
  })),

  /** Replace (or, with `{}`, forget) the organization's remembered column mapping. */
  saveMapping: permittedProcedure("imports.create")
    .input(z.object({ mapping: rememberedMappingInputSchema }))
    .mutation(({ ctx, input }) =>
      saveRememberedMapping(ctx.db, ctx.org, actorOf(ctx.user), input.mapping, ctx.ip),
    ),

  findByHash: permittedProcedure("imports.create")
    .input(z.object({ contentHash: z.string().regex(/^[0-9a-f]{64}$/, "Not a SHA-256 hex digest") }))
    .query(({ ctx, input }) => findSnapshotByHash(ctx.db, ctx.org.id, input.contentHash)),

  setCurrent: permittedProcedure("imports.create")
    .input(z.object({ snapshotId }))
    .mutation(({ ctx, input }) =>
      setCurrentSnapshot(ctx.db, ctx.org, actorOf(ctx.user), input.snapshotId, ctx.ip),
    ),

  delete: permittedProcedure("snapshots.delete")
    .input(z.object({ snapshotId }))
    .mutation(({ ctx, input }) =>
      deleteSnapshot(ctx.db, ctx.org, actorOf(ctx.user), input.snapshotId, ctx.ip),
    ),
});
