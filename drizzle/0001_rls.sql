-- Row-level security: the second wall behind the application's own organization filter.
-- The app sets app.organization_id (and, for lookups that precede knowing the org, app.user_id,
-- app.token_hash or app.key_hash) with set_config(..., true) inside each transaction.
-- Superusers and BYPASSRLS roles skip these policies: the app must connect as an ordinary role
-- (salesmix_app, or a login role that is a member of it). FORCE makes the table owner subject too.
CREATE OR REPLACE FUNCTION app_current_org() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.organization_id', true), '')::uuid
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;--> statement-breakpoint

ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "memberships_tenant" ON "memberships"
  USING (organization_id = app_current_org() OR user_id = app_current_user())
  WITH CHECK (organization_id = app_current_org());--> statement-breakpoint

ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "invitations_tenant" ON "invitations"
  USING (organization_id = app_current_org()
         OR token_hash = nullif(current_setting('app.token_hash', true), ''))
  WITH CHECK (organization_id = app_current_org());--> statement-breakpoint

ALTER TABLE "team_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "team_snapshots" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "team_snapshots_tenant" ON "team_snapshots"
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());--> statement-breakpoint

ALTER TABLE "reps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reps" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "reps_tenant" ON "reps"
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());--> statement-breakpoint

ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "audit_events_tenant" ON "audit_events"
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());--> statement-breakpoint

ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "api_keys_tenant" ON "api_keys"
  USING (organization_id = app_current_org()
         OR key_hash = nullif(current_setting('app.key_hash', true), ''))
  WITH CHECK (organization_id = app_current_org());--> statement-breakpoint

-- The ordinary role the app runs as. Creating it needs CREATEROLE; where the migrating role lacks it,
-- an administrator creates it (see docs/scaling.md) and the grants below are skipped with a notice.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'salesmix_app') THEN
    BEGIN
      CREATE ROLE salesmix_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'salesmix_app role not created: insufficient privilege';
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'salesmix_app') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA public TO salesmix_app');
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO salesmix_app');
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO salesmix_app');
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO salesmix_app');
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO salesmix_app');
  END IF;
END $$;
