-- Row-level security for the webhook tables, as for every tenant table (0001_rls.sql).
ALTER TABLE "webhook_endpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "webhook_endpoints_tenant" ON "webhook_endpoints"
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "webhook_deliveries_tenant" ON "webhook_deliveries"
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
