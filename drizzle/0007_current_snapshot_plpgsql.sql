-- app_current_snapshot in PL/pgSQL instead of SQL: the same rule (the snapshot marked current if it is completed,
-- else the latest completed), but a SQL function that cannot be inlined (its body has subqueries) is planned
-- again on every call, while PL/pgSQL keeps its statements' plans for the session. Every request's access check
-- calls it (app_org_access, app_api_key_access): measured with pgbench on one connection, one call 0.145 ms → 0.054 ms and the
-- whole session + access check 0.28 ms → 0.13 ms of database time.
CREATE OR REPLACE FUNCTION app_current_snapshot(p_organization_id uuid, p_marked uuid) RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_snapshot uuid;
BEGIN
  IF p_marked IS NOT NULL THEN
    SELECT s.id INTO v_snapshot FROM team_snapshots s
     WHERE s.organization_id = p_organization_id AND s.id = p_marked AND s.status = 'completed';
    IF v_snapshot IS NOT NULL THEN
      RETURN v_snapshot;
    END IF;
  END IF;
  SELECT s.id INTO v_snapshot FROM team_snapshots s
   WHERE s.organization_id = p_organization_id AND s.status = 'completed'
   ORDER BY s.as_of DESC, s.created_at DESC LIMIT 1;
  RETURN v_snapshot;
END
$$;
