/**
 * Roles and what they may do, declared once as data. The server enforces these in the services; the UI reads
 * the same table only to decide which buttons to show.
 */
export const ROLES = ["owner", "admin", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2, owner: 3 };

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  analyst: "Analyst",
  viewer: "Viewer",
};

/** The least role that holds each permission. */
export const PERMISSIONS = {
  "dashboard.read": "viewer",
  "snapshots.read": "viewer",
  "members.read": "viewer",
  "scenarios.read": "viewer",
  "imports.create": "analyst",
  "exports.create": "analyst",
  "scenarios.manage": "analyst",
  "org.update": "admin",
  "members.invite": "admin",
  "members.manage": "admin",
  "apikeys.manage": "admin",
  "webhooks.manage": "admin",
  "shares.manage": "admin",
  "snapshots.delete": "admin",
  "audit.read": "admin",
  "org.delete": "owner",
  "org.export": "owner",
  "ownership.transfer": "owner",
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[PERMISSIONS[permission]];
}

export function isAtLeast(role: Role, least: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[least];
}
