-- The session check and the access check of a dashboard request in one statement: the signed-in user of a session
-- (not revoked, not expired) and, through app_org_access, that user's access to the organization of a slug.
-- One row when the session is valid (the access columns null when the user is not a member), none when it is not.
CREATE OR REPLACE FUNCTION app_session_org_access(p_session_id text, p_slug text)
RETURNS TABLE (
  session_user_id uuid,
  session_user_email text,
  session_user_name text,
  access_organization_id uuid,
  access_role text,
  access_snapshot_id uuid
)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_user users%ROWTYPE;
BEGIN
  SELECT u.* INTO v_user
    FROM sessions s
    JOIN users u ON u.id = s.user_id
   WHERE s.id = p_session_id AND s.revoked_at IS NULL AND s.expires_at > now();
  IF v_user.id IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT v_user.id, v_user.email, v_user.name, a.access_organization_id, a.access_role, a.access_snapshot_id
      FROM (SELECT 1) AS one
      LEFT JOIN app_org_access(v_user.id, p_slug) AS a ON true;
END
$$;
