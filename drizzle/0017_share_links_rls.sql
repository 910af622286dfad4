-- Row-level security for share links, as for every tenant table (0001_rls.sql). A link is opened before its
-- organization is known: like an invitation, the one row whose hash is set in app.token_hash is visible then.
ALTER TABLE "share_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "share_links" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "share_links_tenant" ON "share_links"
  USING (organization_id = app_current_org()
         OR token_hash = nullif(current_setting('app.token_hash', true), ''))
  WITH CHECK (organization_id = app_current_org());--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'salesmix_app') THEN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE share_links TO salesmix_app');
  END IF;
END $$;
