CREATE TABLE "unit_subtree_counts" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"units_below" integer DEFAULT 0 NOT NULL,
	"active_users" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_subtree_counts" ADD CONSTRAINT "unit_subtree_counts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The strict ancestors of a unit path as unit ids (a path's labels are the ids): '1.5.9' → {1,5}.
CREATE OR REPLACE FUNCTION path_ancestors(p ltree) RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN nlevel(p) > 1 THEN string_to_array(subpath(p, 0, nlevel(p) - 1)::text, '.')::integer[] ELSE '{}'::integer[] END
$$;
--> statement-breakpoint
-- A unit path's units, itself included: '1.5.9' → {1,5,9} ('' → {}).
CREATE OR REPLACE FUNCTION path_units(p ltree) RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN nlevel(p) > 0 THEN string_to_array(p::text, '.')::integer[] ELSE '{}'::integer[] END
$$;
--> statement-breakpoint
-- Add to the subtree counts of these units (their rows locked in id order: two changes lock alike).
CREATE OR REPLACE FUNCTION count_in_subtrees(p_units integer[], d_units integer, d_users integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO unit_subtree_counts AS t (unit_id, units_below, active_users)
  SELECT u, d_units, d_users FROM unnest(p_units) u ORDER BY u
  ON CONFLICT (unit_id) DO UPDATE SET units_below = t.units_below + excluded.units_below, active_users = t.active_users + excluded.active_users
$$;
--> statement-breakpoint
-- A new active unit counts below each of its ancestors.
CREATE OR REPLACE FUNCTION units_count_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO unit_subtree_counts AS t (unit_id, units_below)
  SELECT a, count(*)::integer FROM new_units n, unnest(path_ancestors(n.path)) a WHERE n.status = 'active' GROUP BY a ORDER BY a
  ON CONFLICT (unit_id) DO UPDATE SET units_below = t.units_below + excluded.units_below;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER units_count_inserted
  AFTER INSERT ON units REFERENCING NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION units_count_inserted();
--> statement-breakpoint
-- An active account counts at its unit and each unit above (it follows its unit's moves through unit_path).
CREATE OR REPLACE FUNCTION users_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.unit_path = OLD.unit_path AND NEW.active = OLD.active THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active THEN PERFORM count_in_subtrees(path_units(OLD.unit_path), 0, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active THEN PERFORM count_in_subtrees(path_units(NEW.unit_path), 0, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_count AFTER INSERT OR UPDATE OF unit_id, unit_path, active OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_count();
--> statement-breakpoint
-- The same counts, from the units and accounts themselves.
CREATE VIEW unit_subtree_counts_expected AS
SELECT unit_id, sum(units_below)::integer AS units_below, sum(active_users)::integer AS active_users FROM (
  SELECT a AS unit_id, 1 AS units_below, 0 AS active_users FROM units d, unnest(path_ancestors(d.path)) a WHERE d.status = 'active'
  UNION ALL
  SELECT a, 0, 1 FROM users us, unnest(path_units(us.unit_path)) a WHERE us.active
) x GROUP BY unit_id;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION units_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  moved integer[];
  changed integer[];
BEGIN
  SELECT array_agg(n.id) FILTER (WHERE n.path <> o.path),
         array_agg(n.id) FILTER (WHERE n.path <> o.path OR n.status <> o.status OR n.parent_id IS DISTINCT FROM o.parent_id)
    INTO moved, changed
    FROM new_units n JOIN old_units o ON o.id = n.id;
  IF moved IS NOT NULL THEN
    UPDATE party_members SET scope_units = '{}' WHERE scope_units && moved;
    UPDATE admission_cases SET scope_units = '{}' WHERE scope_units && moved;
    UPDATE enterprises SET scope_units = '{}' WHERE scope_units && moved;
    UPDATE founding_proposals SET scope_units = '{}' WHERE scope_units && moved;
    UPDATE users SET unit_path = '' WHERE unit_id = ANY (moved);
    UPDATE unit_year_tallies t SET path = u.path FROM units u WHERE u.id = t.unit_id AND t.unit_id = ANY (moved);
  END IF;
  IF changed IS NOT NULL THEN
    UPDATE unit_tallies t SET path = u.path, parent_kind = p.kind, active = (u.status = 'active')
      FROM units u LEFT JOIN units p ON p.id = u.parent_id
      WHERE u.id = t.unit_id AND t.unit_id = ANY (changed);
  END IF;
  -- Units that left or joined the active tree, or moved: their ancestors' counts change.
  INSERT INTO unit_subtree_counts AS t (unit_id, units_below)
  SELECT a, sum(d)::integer FROM (
    SELECT unnest(path_ancestors(o.path)) AS a, -1 AS d FROM old_units o JOIN new_units n ON n.id = o.id
      WHERE o.status = 'active' AND (o.path <> n.path OR o.status <> n.status)
    UNION ALL
    SELECT unnest(path_ancestors(n.path)), 1 FROM old_units o JOIN new_units n ON n.id = o.id
      WHERE n.status = 'active' AND (o.path <> n.path OR o.status <> n.status)
  ) x GROUP BY a HAVING sum(d) <> 0 ORDER BY a
  ON CONFLICT (unit_id) DO UPDATE SET units_below = t.units_below + excluded.units_below;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION derived_drift() RETURNS TABLE (what text, rows bigint)
LANGUAGE sql STABLE AS $$
  WITH kept AS (
    SELECT * FROM unit_tallies t WHERE (t.members, t.members_in_enterprises, t.member_owners, t.member_workers, t.cases_referral_draft, t.cases_referred,
      t.cases_cell_review, t.cases_committee_review, t.cases_decision_pending, t.cases_ceremony_pending, t.cases_probation, t.cases_recognition_cell_review,
      t.cases_recognition_committee_review, t.cases_recognition_decision_pending, t.enterprises_operating, t.enterprises_with_party, t.enterprises_with_union,
      t.enterprises_with_youth, t.enterprise_links) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ), due AS (
    SELECT * FROM unit_tallies_expected t WHERE (t.members, t.members_in_enterprises, t.member_owners, t.member_workers, t.cases_referral_draft, t.cases_referred,
      t.cases_cell_review, t.cases_committee_review, t.cases_decision_pending, t.cases_ceremony_pending, t.cases_probation, t.cases_recognition_cell_review,
      t.cases_recognition_committee_review, t.cases_recognition_decision_pending, t.enterprises_operating, t.enterprises_with_party, t.enterprises_with_union,
      t.enterprises_with_youth, t.enterprise_links) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ), year_kept AS (
    SELECT * FROM unit_year_tallies t WHERE (t.admitted, t.admitted_nonstate, t.admitted_owners, t.admitted_workers, t.introduced, t.member_excellent, t.member_good,
      t.member_completed, t.member_not_completed, t.org_excellent, t.org_good, t.org_completed, t.org_not_completed) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  )
  SELECT 'unit_tallies', count(*) FROM ((SELECT * FROM kept EXCEPT SELECT * FROM due) UNION ALL (SELECT * FROM due EXCEPT SELECT * FROM kept)) d
  UNION ALL
  SELECT 'unit_year_tallies', count(*) FROM ((SELECT * FROM year_kept EXCEPT SELECT * FROM unit_year_tallies_expected)
    UNION ALL (SELECT * FROM unit_year_tallies_expected EXCEPT SELECT * FROM year_kept)) d
  UNION ALL
  SELECT 'classes', count(*) FROM classes c
    LEFT JOIN (SELECT class_id, count(*) AS n, count(certificate_no) AS certified FROM class_enrolments GROUP BY 1) e ON e.class_id = c.id
    WHERE c.enrolled <> coalesce(e.n, 0) OR c.certified <> coalesce(e.certified, 0)
  UNION ALL
  SELECT 'enterprises.official_members', count(*) FROM enterprises e
    LEFT JOIN (SELECT enterprise_id, count(*) AS n FROM party_members
               WHERE status IN ('active', 'temporary_elsewhere') AND official_on IS NOT NULL AND enterprise_id IS NOT NULL GROUP BY 1) m ON m.enterprise_id = e.id
    WHERE e.official_members <> coalesce(m.n, 0)
  UNION ALL
  SELECT 'party_members', count(*) FROM party_members m JOIN persons p ON p.id = m.person_id
    WHERE m.scope_units <> unit_scope(ARRAY[m.cell_unit_id, m.transfer_to_unit_id, m.host_unit_id]) OR m.full_name <> p.full_name OR m.search_name <> p.search_name
  UNION ALL
  SELECT 'admission_cases', count(*) FROM admission_cases c JOIN persons p ON p.id = c.person_id
    WHERE c.scope_units <> unit_scope(ARRAY[c.referrer_unit_id, c.cell_unit_id, c.committee_unit_id, c.decider_unit_id]) OR c.search_name <> p.search_name
  UNION ALL
  SELECT 'enterprises', count(*) FROM enterprises e
    WHERE e.scope_units <> unit_scope(ARRAY[e.managing_unit_id, e.party_unit_id, e.trade_union_unit_id, e.youth_union_unit_id])
  UNION ALL
  SELECT 'founding_proposals', count(*) FROM founding_proposals f
    WHERE f.scope_units <> unit_scope(ARRAY[f.proposed_by_unit_id, f.parent_unit_id, f.decider_unit_id])
  UNION ALL
  SELECT 'users', count(*) FROM users us JOIN units u ON u.id = us.unit_id WHERE us.unit_path <> u.path
  UNION ALL
  SELECT 'unit_subtree_counts', count(*) FROM (
    (SELECT unit_id, units_below, active_users FROM unit_subtree_counts WHERE (units_below, active_users) <> (0, 0)
      EXCEPT SELECT unit_id, units_below, active_users FROM unit_subtree_counts_expected)
    UNION ALL
    (SELECT unit_id, units_below, active_users FROM unit_subtree_counts_expected
      EXCEPT SELECT unit_id, units_below, active_users FROM unit_subtree_counts WHERE (units_below, active_users) <> (0, 0))) d
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_derived() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE party_members m SET scope_units = unit_scope(ARRAY[m.cell_unit_id, m.transfer_to_unit_id, m.host_unit_id]), full_name = p.full_name, search_name = p.search_name
    FROM persons p WHERE p.id = m.person_id;
  UPDATE admission_cases c SET scope_units = unit_scope(ARRAY[c.referrer_unit_id, c.cell_unit_id, c.committee_unit_id, c.decider_unit_id]), search_name = p.search_name
    FROM persons p WHERE p.id = c.person_id;
  UPDATE enterprises e SET scope_units = unit_scope(ARRAY[e.managing_unit_id, e.party_unit_id, e.trade_union_unit_id, e.youth_union_unit_id]),
    official_members = coalesce((SELECT count(*) FROM party_members m WHERE m.enterprise_id = e.id AND m.status IN ('active', 'temporary_elsewhere') AND m.official_on IS NOT NULL), 0);
  UPDATE founding_proposals f SET scope_units = unit_scope(ARRAY[f.proposed_by_unit_id, f.parent_unit_id, f.decider_unit_id]);
  UPDATE users us SET unit_path = u.path FROM units u WHERE u.id = us.unit_id;
  DELETE FROM unit_tallies;
  INSERT INTO unit_tallies SELECT * FROM unit_tallies_expected;
  DELETE FROM unit_year_tallies;
  INSERT INTO unit_year_tallies SELECT * FROM unit_year_tallies_expected;
  UPDATE classes c SET enrolled = coalesce(e.n, 0), certified = coalesce(e.certified, 0)
    FROM classes c2 LEFT JOIN (SELECT class_id, count(*) AS n, count(certificate_no) AS certified FROM class_enrolments GROUP BY 1) e ON e.class_id = c2.id
    WHERE c2.id = c.id;
  DELETE FROM unit_subtree_counts;
  INSERT INTO unit_subtree_counts (unit_id, units_below, active_users) SELECT unit_id, units_below, active_users FROM unit_subtree_counts_expected;
END;
$$;
--> statement-breakpoint
INSERT INTO unit_subtree_counts (unit_id, units_below, active_users) SELECT unit_id, units_below, active_users FROM unit_subtree_counts_expected;
