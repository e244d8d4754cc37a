-- Issue 12, after review. A role may create temporary tables by default (PUBLIC has TEMP on every
-- database), and pg_temp can be put first on its search_path: a temporary "audit_log" or
-- "unit_tallies" would then capture the unqualified names in trigger functions (the stamp's
-- sequence, the tallies). Nobody but the owner needs temporary tables here: TEMP is revoked, the
-- stamp names its objects and fixes its search_path, and takes the statement's clock, not the start
-- of a transaction the writer may hold open.
CREATE OR REPLACE FUNCTION audit_log_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_catalog.pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    NEW.id := nextval(pg_get_serial_sequence('public.audit_log', 'id'));
    NEW.at := clock_timestamp();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$;
