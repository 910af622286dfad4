ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
-- An API key's access, as in 0004_request_access.sql, now also refusing a key past its optional expiry.
CREATE OR REPLACE FUNCTION app_api_key_access(p_key_hash text)
RETURNS TABLE (
  access_key_id uuid,
  access_key_name text,
  access_key_prefix text,
  access_key_scope text,
  access_key_last_used_at timestamptz,
  access_organization_id uuid,
  access_snapshot_id uuid
)
LANGUAGE plpgsql VOLATILE ROWS 1 AS $$
DECLARE
  prev_hash text := coalesce(current_setting('app.key_hash', true), '');
  prev_org text := coalesce(current_setting('app.organization_id', true), '');
  v_key api_keys%ROWTYPE;
  v_marked uuid;
  v_snapshot uuid;
BEGIN
  PERFORM set_config('app.key_hash', p_key_hash, true);
  SELECT k.* INTO v_key FROM api_keys k
   WHERE k.key_hash = p_key_hash AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now());
  PERFORM set_config('app.key_hash', prev_hash, true);
  IF v_key.id IS NULL THEN
    RETURN;
  END IF;
  SELECT o.current_snapshot_id INTO v_marked FROM organizations o WHERE o.id = v_key.organization_id;
  PERFORM set_config('app.organization_id', v_key.organization_id::text, true);
  v_snapshot := app_current_snapshot(v_key.organization_id, v_marked);
  PERFORM set_config('app.organization_id', prev_org, true);
  RETURN QUERY SELECT v_key.id, v_key.name, v_key.prefix, v_key.scope, v_key.last_used_at,
    v_key.organization_id, v_snapshot;
END
$$;
