import { z } from "zod";
import { createTRPCRouter, permittedProcedure } from "../trpc";
import { getReport, getTrend } from "../../reports/report";
import { compareSnapshots, sinceLastUpload } from "../../reports/compare";
import { freeText } from "@/lib/validation/text";

export const reportRouter = createTRPCRouter({
  overview: permittedProcedure("dashboard.read")
    .input(
      z.object({
        snapshotId: z.uuid("Not a snapshot id").nullish(),
        team: freeText("The team filter").max(200).nullish(),
        title: freeText("The title filter").max(200).nullish(),
      }),
    )
    .query(({ ctx, input }) =>
      getReport(ctx.db, ctx.org, {
        snapshotId: input.snapshotId,
        current: ctx.currentSnapshotId,
        filter: { team: input.team, title: input.title },
      }),
    ),
  trend: permittedProcedure("dashboard.read")
    .input(
      z.object({
        team: freeText("The team filter").max(200).nullish(),
        title: freeText("The title filter").max(200).nullish(),
      }),
    )
    .query(({ ctx, input }) => getTrend(ctx.db, ctx.org, { team: input.team, title: input.title })),
  compare: permittedProcedure("dashboard.read")
    .input(z.object({ from: z.uuid("Not a snapshot id"), to: z.uuid("Not a snapshot id") }))
    .query(({ ctx, input }) => compareSnapshots(ctx.db, ctx.org, input.from, input.to)),
  sinceLast: permittedProcedure("dashboard.read")
    .input(z.object({ snapshotId: z.uuid("Not a snapshot id") }))
    .query(({ ctx, input }) => sinceLastUpload(ctx.db, ctx.org, input.snapshotId)),
});
