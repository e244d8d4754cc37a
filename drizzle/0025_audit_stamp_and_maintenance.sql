-- Issue 12. An audit row's id and time are the database's, not the writer's: a role that does not own
-- audit_log (the portal's) cannot backdate an entry or plant an id ahead of the sequence (which would
-- make later genuine entries, and the changes they record, fail). The owner's scripts (the bench
-- generator) may still write historical times.
CREATE OR REPLACE FUNCTION audit_log_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    NEW.at := now();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_stamp();
--> statement-breakpoint
-- Recomputing every tally of a country is maintenance for the owner, not something the portal calls.
REVOKE EXECUTE ON FUNCTION rebuild_derived() FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION derived_drift() FROM PUBLIC;
