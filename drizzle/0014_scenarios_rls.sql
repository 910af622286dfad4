-- Row-level security for saved scenarios, as for every tenant table (drizzle/0001_rls.sql).
ALTER TABLE "scenarios" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scenarios" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scenarios_tenant" ON "scenarios"
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'salesmix_app') THEN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE scenarios TO salesmix_app');
  END IF;
END $$;
