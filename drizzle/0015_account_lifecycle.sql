CREATE TABLE "account_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "public_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "idle_timeout_seconds" integer DEFAULT 43200 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_tokens_hash_idx" ON "account_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "account_tokens_user_idx" ON "account_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_public_id_idx" ON "sessions" USING btree ("public_id");--> statement-breakpoint
-- Accounts made before email verification existed keep working: they count as verified from their creation.
UPDATE "users" SET "email_verified_at" = "created_at" WHERE "email_verified_at" IS NULL;--> statement-breakpoint
-- The session check of 0006_session_org_access.sql, now also ending a session idle for longer than its limit and
-- recording its use (at most once a minute, so a busy session writes rarely).
CREATE OR REPLACE FUNCTION app_session_org_access(p_session_id text, p_slug text)
RETURNS TABLE (
  session_user_id uuid,
  session_user_email text,
  session_user_name text,
  access_organization_id uuid,
  access_role text,
  access_snapshot_id uuid
)
LANGUAGE plpgsql VOLATILE ROWS 1 AS $$
DECLARE
  v_user_id uuid;
  v_email text;
  v_name text;
  v_last_seen timestamptz;
BEGIN
  SELECT u.id, u.email, u.name, s.last_seen_at INTO v_user_id, v_email, v_name, v_last_seen
    FROM sessions s
    JOIN users u ON u.id = s.user_id
   WHERE s.id = p_session_id AND s.revoked_at IS NULL AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(secs => s.idle_timeout_seconds);
  IF v_user_id IS NULL THEN
    RETURN;
  END IF;
  IF v_last_seen < now() - interval '1 minute' THEN
    UPDATE sessions SET last_seen_at = now() WHERE id = p_session_id;
  END IF;
  RETURN QUERY
    SELECT v_user_id, v_email, v_name, a.access_organization_id, a.access_role, a.access_snapshot_id
      FROM (SELECT 1) AS one
      LEFT JOIN app_org_access(v_user_id, p_slug) AS a ON true;
END
$$;
