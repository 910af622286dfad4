import { createTRPCRouter, orgProcedure } from "../trpc";
import { auditFilterOptions, listAuditEvents, listAuditSchema } from "../../audit/list";

/** Wiring only: the audit service checks the role and scopes every query to the organization. */
export const auditRouter = createTRPCRouter({
  list: orgProcedure.input(listAuditSchema).query(({ ctx, input }) => listAuditEvents(ctx, input)),
  filters: orgProcedure.query(({ ctx }) => auditFilterOptions(ctx)),
});
