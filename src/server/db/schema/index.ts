/**
 * The whole data model. Tables fall in two groups:
 * - global (reference) tables: users, sessions, organizations (the tenant root), email outbox;
 * - tenant tables: every row belongs to one organization. `organization_id` is NOT NULL, leads the primary key,
 *   and is part of every foreign key between tenant tables, so the schema can be distributed by organization.
 */
export * from "./global";
export * from "./tenant";
