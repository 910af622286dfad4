import type { Database } from "../db/client";
import type { Organization } from "../db/schema";
import type { Actor } from "../audit";
import type { Role } from "@/lib/permissions";

/**
 * What the planner's services need from a request, built once per transport: the tRPC org procedure (the
 * member's role, the user as actor) or an API key (the role its scope stands for, the key as actor).
 */
export interface PlannerContext {
  db: Database;
  org: Organization;
  role: Role;
  actor: Actor;
  ip: string | null;
  /** The organization's current snapshot as the request's access check read it. */
  currentSnapshotId: string | null;
}
