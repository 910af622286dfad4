-- The access check every request makes, in one statement instead of a transaction each: who may see which
-- organization, and which of its uploads the dashboard shows. Each function sets the same settings the app sets
-- (app.user_id / app.key_hash, then app.organization_id) before each read, so row-level security applies as it
-- does to the app's own queries (SECURITY INVOKER), and restores the caller's values before it returns, so
-- nothing outlives the call even inside a caller's transaction.

-- The snapshot the dashboard shows: the one marked current if it is completed, else the latest completed
-- (the same rule as currentSnapshotIdIn in src/server/imports/snapshots.ts).
CREATE OR REPLACE FUNCTION app_current_snapshot(p_organization_id uuid, p_marked uuid) RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT s.id FROM team_snapshots s
      WHERE s.organization_id = p_organization_id AND s.id = p_marked AND s.status = 'completed'),
    (SELECT s.id FROM team_snapshots s
      WHERE s.organization_id = p_organization_id AND s.status = 'completed'
      ORDER BY s.as_of DESC, s.created_at DESC LIMIT 1))
$$;--> statement-breakpoint

-- A signed-in user's access to the organization of a slug: its id, the user's role, the current snapshot.
-- No row when there is no such organization or the user is not a member.
CREATE OR REPLACE FUNCTION app_org_access(p_user_id uuid, p_slug text)
RETURNS TABLE (access_organization_id uuid, access_role text, access_snapshot_id uuid)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev_user text := coalesce(current_setting('app.user_id', true), '');
  prev_org text := coalesce(current_setting('app.organization_id', true), '');
  v_org uuid;
  v_role text;
  v_marked uuid;
  v_snapshot uuid;
BEGIN
  PERFORM set_config('app.user_id', p_user_id::text, true);
  SELECT m.organization_id, m.role, o.current_snapshot_id INTO v_org, v_role, v_marked
    FROM organizations o
    JOIN memberships m ON m.organization_id = o.id AND m.user_id = p_user_id
   WHERE o.slug = p_slug;
  PERFORM set_config('app.user_id', prev_user, true);
  IF v_org IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('app.organization_id', v_org::text, true);
  v_snapshot := app_current_snapshot(v_org, v_marked);
  PERFORM set_config('app.organization_id', prev_org, true);
  RETURN QUERY SELECT v_org, v_role, v_snapshot;
END
$$;--> statement-breakpoint

-- An API key's access: the key (not revoked), its organization and that organization's current snapshot.
-- No row for an unknown or revoked key.
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
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev_hash text := coalesce(current_setting('app.key_hash', true), '');
  prev_org text := coalesce(current_setting('app.organization_id', true), '');
  v_key api_keys%ROWTYPE;
  v_marked uuid;
  v_snapshot uuid;
BEGIN
  PERFORM set_config('app.key_hash', p_key_hash, true);
  SELECT k.* INTO v_key FROM api_keys k WHERE k.key_hash = p_key_hash AND k.revoked_at IS NULL;
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
$$;--> statement-breakpoint

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'salesmix_app') THEN
    GRANT EXECUTE ON FUNCTION app_current_snapshot(uuid, uuid), app_org_access(uuid, text),
      app_api_key_access(text) TO salesmix_app;
  END IF;
END $$;
