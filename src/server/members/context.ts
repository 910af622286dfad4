import type { Database } from "../db/client";
import type { Role } from "@/lib/permissions";

/**
 * What a tenant service needs from the request: the database, the signed-in user, the organization and role
 * the org procedure looked up on the server, and the request IP for the audit log. The tRPC `orgProcedure`
 * context satisfies it as is.
 */
export interface OrgActorContext {
  db: Database;
  user: { id: string; email: string; name: string };
  org: { id: string; slug: string; name: string };
  role: Role;
  ip: string | null;
}

export const userActor = (ctx: Pick<OrgActorContext, "user">) =>
  ({ kind: "user", userId: ctx.user.id, label: ctx.user.email }) as const;
