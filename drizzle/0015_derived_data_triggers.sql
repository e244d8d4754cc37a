-- Derived data the database keeps itself, in the transaction of the change that affects it, so
-- that lists narrow to a scope with one index and dashboards sum tallies instead of scanning a
-- million rows. Nothing here is written by the application: a BEFORE trigger recomputes every
-- derived column whatever an UPDATE sets, and the tallies change only through these triggers.
-- derived_drift() compares everything with a recomputation from the records (the tests call it
-- after admissions, transfers, moves, merges and imports); rebuild_derived() recomputes it all
-- (this migration's backfill, and the bench after a bulk load with triggers off).

-- ================================================================ scope and copies

-- The ids on the paths of the given units: the units and every unit above them, sorted, once each.
CREATE OR REPLACE FUNCTION unit_scope(ids integer[]) RETURNS integer[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}'::integer[])
  FROM (SELECT unnest(string_to_array(u.path::text, '.'))::integer AS x FROM units u WHERE u.id = ANY (ids)) s
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION party_members_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.scope_units := unit_scope(ARRAY[NEW.cell_unit_id, NEW.transfer_to_unit_id, NEW.host_unit_id]);
  SELECT p.full_name, p.search_name INTO NEW.full_name, NEW.search_name FROM persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER party_members_derive
  BEFORE INSERT OR UPDATE OF cell_unit_id, transfer_to_unit_id, host_unit_id, person_id, scope_units, full_name, search_name ON party_members
  FOR EACH ROW EXECUTE FUNCTION party_members_derive();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION admission_cases_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.scope_units := unit_scope(ARRAY[NEW.referrer_unit_id, NEW.cell_unit_id, NEW.committee_unit_id, NEW.decider_unit_id]);
  SELECT p.search_name INTO NEW.search_name FROM persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER admission_cases_derive
  BEFORE INSERT OR UPDATE OF referrer_unit_id, cell_unit_id, committee_unit_id, decider_unit_id, person_id, scope_units, search_name ON admission_cases
  FOR EACH ROW EXECUTE FUNCTION admission_cases_derive();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enterprises_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.scope_units := unit_scope(ARRAY[NEW.managing_unit_id, NEW.party_unit_id, NEW.trade_union_unit_id, NEW.youth_union_unit_id]);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprises_derive
  BEFORE INSERT OR UPDATE OF managing_unit_id, party_unit_id, trade_union_unit_id, youth_union_unit_id, scope_units ON enterprises
  FOR EACH ROW EXECUTE FUNCTION enterprises_derive();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION founding_proposals_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.scope_units := unit_scope(ARRAY[NEW.proposed_by_unit_id, NEW.parent_unit_id, NEW.decider_unit_id]);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER founding_proposals_derive
  BEFORE INSERT OR UPDATE OF proposed_by_unit_id, parent_unit_id, decider_unit_id, scope_units ON founding_proposals
  FOR EACH ROW EXECUTE FUNCTION founding_proposals_derive();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT u.path INTO NEW.unit_path FROM units u WHERE u.id = NEW.unit_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_derive
  BEFORE INSERT OR UPDATE OF unit_id, unit_path ON users
  FOR EACH ROW EXECUTE FUNCTION users_derive();
--> statement-breakpoint
-- A person's name changes in their member record and case too (the derive triggers read it again).
CREATE OR REPLACE FUNCTION persons_propagate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE party_members SET full_name = NEW.full_name WHERE person_id = NEW.id;
  UPDATE admission_cases SET search_name = NEW.search_name WHERE person_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_propagate
  AFTER UPDATE OF full_name, search_name ON persons
  FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.search_name IS DISTINCT FROM NEW.search_name)
  EXECUTE FUNCTION persons_propagate();
--> statement-breakpoint
-- ================================================================ tallies

-- Add to a unit's current tallies (its row is made on first use, with the unit's own facts).
-- p_state: an admission case's state; states without a column (the closed ones) count nothing.
CREATE OR REPLACE FUNCTION tally_unit(
  p_unit integer, d_members integer, d_in_enterprises integer, d_owners integer, d_workers integer,
  p_state text, d_state integer, d_operating integer, d_with_party integer, d_with_union integer, d_with_youth integer, d_links integer
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_state IS NULL OR p_state NOT IN ('referral_draft', 'referred', 'cell_review', 'committee_review', 'decision_pending', 'ceremony_pending',
      'probation', 'recognition_cell_review', 'recognition_committee_review', 'recognition_decision_pending') THEN
    d_state := 0;
  END IF;
  IF p_unit IS NULL OR (d_members = 0 AND d_in_enterprises = 0 AND d_owners = 0 AND d_workers = 0 AND d_state = 0 AND d_operating = 0
      AND d_with_party = 0 AND d_with_union = 0 AND d_with_youth = 0 AND d_links = 0) THEN
    RETURN;
  END IF;
  INSERT INTO unit_tallies AS t (unit_id, path, kind, parent_kind, active, members, members_in_enterprises, member_owners, member_workers,
      cases_referral_draft, cases_referred, cases_cell_review, cases_committee_review, cases_decision_pending, cases_ceremony_pending,
      cases_probation, cases_recognition_cell_review, cases_recognition_committee_review, cases_recognition_decision_pending,
      enterprises_operating, enterprises_with_party, enterprises_with_union, enterprises_with_youth, enterprise_links)
  SELECT u.id, u.path, u.kind, p.kind, u.status = 'active', d_members, d_in_enterprises, d_owners, d_workers,
      CASE WHEN p_state = 'referral_draft' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'referred' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'cell_review' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'committee_review' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'decision_pending' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'ceremony_pending' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'probation' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'recognition_cell_review' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'recognition_committee_review' THEN d_state ELSE 0 END,
      CASE WHEN p_state = 'recognition_decision_pending' THEN d_state ELSE 0 END,
      d_operating, d_with_party, d_with_union, d_with_youth, d_links
  FROM units u LEFT JOIN units p ON p.id = u.parent_id
  WHERE u.id = p_unit
  ON CONFLICT (unit_id) DO UPDATE SET
    members = t.members + excluded.members,
    members_in_enterprises = t.members_in_enterprises + excluded.members_in_enterprises,
    member_owners = t.member_owners + excluded.member_owners,
    member_workers = t.member_workers + excluded.member_workers,
    cases_referral_draft = t.cases_referral_draft + excluded.cases_referral_draft,
    cases_referred = t.cases_referred + excluded.cases_referred,
    cases_cell_review = t.cases_cell_review + excluded.cases_cell_review,
    cases_committee_review = t.cases_committee_review + excluded.cases_committee_review,
    cases_decision_pending = t.cases_decision_pending + excluded.cases_decision_pending,
    cases_ceremony_pending = t.cases_ceremony_pending + excluded.cases_ceremony_pending,
    cases_probation = t.cases_probation + excluded.cases_probation,
    cases_recognition_cell_review = t.cases_recognition_cell_review + excluded.cases_recognition_cell_review,
    cases_recognition_committee_review = t.cases_recognition_committee_review + excluded.cases_recognition_committee_review,
    cases_recognition_decision_pending = t.cases_recognition_decision_pending + excluded.cases_recognition_decision_pending,
    enterprises_operating = t.enterprises_operating + excluded.enterprises_operating,
    enterprises_with_party = t.enterprises_with_party + excluded.enterprises_with_party,
    enterprises_with_union = t.enterprises_with_union + excluded.enterprises_with_union,
    enterprises_with_youth = t.enterprises_with_youth + excluded.enterprises_with_youth,
    enterprise_links = t.enterprise_links + excluded.enterprise_links;
END;
$$;
--> statement-breakpoint
-- Add to a unit's tallies of a year. p_member_grade / p_org_grade: a rating's grade.
CREATE OR REPLACE FUNCTION tally_unit_year(
  p_unit integer, p_year integer, d_admitted integer, d_nonstate integer, d_owners integer, d_workers integer, d_introduced integer,
  p_member_grade text, d_member integer, p_org_grade text, d_org integer
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_unit IS NULL OR p_year IS NULL OR (d_admitted = 0 AND d_nonstate = 0 AND d_owners = 0 AND d_workers = 0 AND d_introduced = 0 AND d_member = 0 AND d_org = 0) THEN
    RETURN;
  END IF;
  INSERT INTO unit_year_tallies AS t (unit_id, year, path, admitted, admitted_nonstate, admitted_owners, admitted_workers, introduced,
      member_excellent, member_good, member_completed, member_not_completed, org_excellent, org_good, org_completed, org_not_completed)
  SELECT u.id, p_year, u.path, d_admitted, d_nonstate, d_owners, d_workers, d_introduced,
      CASE WHEN p_member_grade = 'excellent' THEN d_member ELSE 0 END,
      CASE WHEN p_member_grade = 'good' THEN d_member ELSE 0 END,
      CASE WHEN p_member_grade = 'completed' THEN d_member ELSE 0 END,
      CASE WHEN p_member_grade = 'not_completed' THEN d_member ELSE 0 END,
      CASE WHEN p_org_grade = 'excellent' THEN d_org ELSE 0 END,
      CASE WHEN p_org_grade = 'good' THEN d_org ELSE 0 END,
      CASE WHEN p_org_grade = 'completed' THEN d_org ELSE 0 END,
      CASE WHEN p_org_grade = 'not_completed' THEN d_org ELSE 0 END
  FROM units u
  WHERE u.id = p_unit
  ON CONFLICT (unit_id, year) DO UPDATE SET
    admitted = t.admitted + excluded.admitted,
    admitted_nonstate = t.admitted_nonstate + excluded.admitted_nonstate,
    admitted_owners = t.admitted_owners + excluded.admitted_owners,
    admitted_workers = t.admitted_workers + excluded.admitted_workers,
    introduced = t.introduced + excluded.introduced,
    member_excellent = t.member_excellent + excluded.member_excellent,
    member_good = t.member_good + excluded.member_good,
    member_completed = t.member_completed + excluded.member_completed,
    member_not_completed = t.member_not_completed + excluded.member_not_completed,
    org_excellent = t.org_excellent + excluded.org_excellent,
    org_good = t.org_good + excluded.org_good,
    org_completed = t.org_completed + excluded.org_completed,
    org_not_completed = t.org_not_completed + excluded.org_not_completed;
END;
$$;
--> statement-breakpoint
-- A member counts in their cell while active or temporarily elsewhere (COUNTED_STATUSES), and as
-- an admission at the cell and in the year they were admitted; an official member counted in a
-- cell counts at the enterprise they work in.
CREATE OR REPLACE FUNCTION member_tally(m party_members, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  counted integer := CASE WHEN m.status IN ('active', 'temporary_elsewhere') THEN sign ELSE 0 END;
  ent integer := CASE WHEN m.enterprise_id IS NOT NULL THEN 1 ELSE 0 END;
  owner integer := CASE WHEN m.occupation = 'owner' THEN 1 ELSE 0 END;
  worker integer := CASE WHEN m.occupation = 'direct_worker' THEN 1 ELSE 0 END;
BEGIN
  PERFORM tally_unit(m.cell_unit_id, counted, counted * ent, counted * ent * owner, counted * ent * worker, NULL, 0, 0, 0, 0, 0, 0);
  PERFORM tally_unit_year(m.admitted_cell_unit_id, extract(year FROM m.admitted_on)::integer, sign, sign * ent, sign * owner, sign * worker, 0, NULL, 0, NULL, 0);
  IF counted <> 0 AND m.enterprise_id IS NOT NULL AND m.official_on IS NOT NULL THEN
    UPDATE enterprises SET official_members = official_members + counted WHERE id = m.enterprise_id;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION party_members_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.cell_unit_id = OLD.cell_unit_id AND NEW.status = OLD.status AND NEW.enterprise_id IS NOT DISTINCT FROM OLD.enterprise_id
      AND NEW.occupation = OLD.occupation AND NEW.admitted_cell_unit_id IS NOT DISTINCT FROM OLD.admitted_cell_unit_id AND NEW.admitted_on = OLD.admitted_on
      AND NEW.official_on IS NOT DISTINCT FROM OLD.official_on THEN
    RETURN NULL;
  END IF;
  -- The lower unit first, so two transfers in opposite directions lock their rows in the same order.
  IF TG_OP = 'UPDATE' AND NEW.cell_unit_id < OLD.cell_unit_id THEN
    PERFORM member_tally(NEW, 1);
    PERFORM member_tally(OLD, -1);
  ELSE
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM member_tally(OLD, -1); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM member_tally(NEW, 1); END IF;
  END IF;
  -- A member's ratings count at their current cell: they move with them.
  IF TG_OP = 'UPDATE' AND NEW.cell_unit_id <> OLD.cell_unit_id THEN
    FOR r IN SELECT year, grade FROM ratings WHERE member_id = NEW.id LOOP
      PERFORM tally_unit_year(OLD.cell_unit_id, r.year, 0, 0, 0, 0, 0, r.grade, -1, NULL, 0);
      PERFORM tally_unit_year(NEW.cell_unit_id, r.year, 0, 0, 0, 0, 0, r.grade, 1, NULL, 0);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER party_members_tally AFTER INSERT OR UPDATE OR DELETE ON party_members FOR EACH ROW EXECUTE FUNCTION party_members_tally();
--> statement-breakpoint
-- An open case counts at its cell by state; a referral counts as an introduction at its cell in
-- the year it was first submitted.
CREATE OR REPLACE FUNCTION case_tally(c admission_cases, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tally_unit(c.cell_unit_id, 0, 0, 0, 0, c.state, sign, 0, 0, 0, 0, 0);
  IF c.submitted_on IS NOT NULL THEN
    PERFORM tally_unit_year(c.cell_unit_id, extract(year FROM c.submitted_on)::integer, 0, 0, 0, 0, sign, NULL, 0, NULL, 0);
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION admission_cases_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.state = OLD.state AND NEW.cell_unit_id = OLD.cell_unit_id AND NEW.submitted_on IS NOT DISTINCT FROM OLD.submitted_on THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM case_tally(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM case_tally(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER admission_cases_tally AFTER INSERT OR UPDATE OR DELETE ON admission_cases FOR EACH ROW EXECUTE FUNCTION admission_cases_tally();
--> statement-breakpoint
-- An operating enterprise counts at its managing unit (with its party organisation, trade union
-- and youth union); any enterprise counts as a link at the unit that is its party organisation.
CREATE OR REPLACE FUNCTION enterprise_tally(e enterprises, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  operating integer := CASE WHEN e.status = 'operating' THEN sign ELSE 0 END;
BEGIN
  PERFORM tally_unit(e.managing_unit_id, 0, 0, 0, 0, NULL, 0, operating,
    operating * (e.party_unit_id IS NOT NULL)::integer, operating * e.has_trade_union::integer, operating * e.has_youth_union::integer, 0);
  PERFORM tally_unit(e.party_unit_id, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, sign);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enterprises_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.managing_unit_id = OLD.managing_unit_id AND NEW.status = OLD.status AND NEW.party_unit_id IS NOT DISTINCT FROM OLD.party_unit_id
      AND NEW.has_trade_union = OLD.has_trade_union AND NEW.has_youth_union = OLD.has_youth_union THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM enterprise_tally(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM enterprise_tally(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprises_tally AFTER INSERT OR UPDATE OR DELETE ON enterprises FOR EACH ROW EXECUTE FUNCTION enterprises_tally();
--> statement-breakpoint
-- A member's rating counts at the member's current cell, an organisation's at the organisation.
CREATE OR REPLACE FUNCTION rating_tally(r ratings, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF r.member_id IS NOT NULL THEN
    PERFORM tally_unit_year((SELECT m.cell_unit_id FROM party_members m WHERE m.id = r.member_id), r.year, 0, 0, 0, 0, 0, r.grade, sign, NULL, 0);
  ELSE
    PERFORM tally_unit_year(r.unit_id, r.year, 0, 0, 0, 0, 0, NULL, 0, r.grade, sign);
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ratings_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.grade = OLD.grade AND NEW.year = OLD.year AND NEW.member_id IS NOT DISTINCT FROM OLD.member_id AND NEW.unit_id IS NOT DISTINCT FROM OLD.unit_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rating_tally(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM rating_tally(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ratings_tally AFTER INSERT OR UPDATE OR DELETE ON ratings FOR EACH ROW EXECUTE FUNCTION ratings_tally();
--> statement-breakpoint
-- A class counts its people and its certificates.
CREATE OR REPLACE FUNCTION class_enrolments_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.class_id = OLD.class_id AND (NEW.certificate_no IS NULL) = (OLD.certificate_no IS NULL) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE classes SET enrolled = enrolled - 1, certified = certified - (OLD.certificate_no IS NOT NULL)::integer WHERE id = OLD.class_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE classes SET enrolled = enrolled + 1, certified = certified + (NEW.certificate_no IS NOT NULL)::integer WHERE id = NEW.class_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER class_enrolments_tally AFTER INSERT OR UPDATE OR DELETE ON class_enrolments FOR EACH ROW EXECUTE FUNCTION class_enrolments_tally();
--> statement-breakpoint
-- ================================================================ the unit tree moves

-- After units change: rows under a moved subtree get their scope again (the derive triggers
-- recompute it), tallies follow their units' paths, kinds of parent and status.
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
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER units_after_update
  AFTER UPDATE ON units REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION units_after_update();
--> statement-breakpoint
-- ================================================================ the same figures, from the records

CREATE VIEW unit_tallies_expected AS
WITH m AS (
  SELECT cell_unit_id AS unit_id, count(*) AS members,
    count(*) FILTER (WHERE enterprise_id IS NOT NULL) AS members_in_enterprises,
    count(*) FILTER (WHERE enterprise_id IS NOT NULL AND occupation = 'owner') AS member_owners,
    count(*) FILTER (WHERE enterprise_id IS NOT NULL AND occupation = 'direct_worker') AS member_workers
  FROM party_members WHERE status IN ('active', 'temporary_elsewhere') GROUP BY 1
), c AS (
  SELECT cell_unit_id AS unit_id,
    count(*) FILTER (WHERE state = 'referral_draft') AS cases_referral_draft,
    count(*) FILTER (WHERE state = 'referred') AS cases_referred,
    count(*) FILTER (WHERE state = 'cell_review') AS cases_cell_review,
    count(*) FILTER (WHERE state = 'committee_review') AS cases_committee_review,
    count(*) FILTER (WHERE state = 'decision_pending') AS cases_decision_pending,
    count(*) FILTER (WHERE state = 'ceremony_pending') AS cases_ceremony_pending,
    count(*) FILTER (WHERE state = 'probation') AS cases_probation,
    count(*) FILTER (WHERE state = 'recognition_cell_review') AS cases_recognition_cell_review,
    count(*) FILTER (WHERE state = 'recognition_committee_review') AS cases_recognition_committee_review,
    count(*) FILTER (WHERE state = 'recognition_decision_pending') AS cases_recognition_decision_pending
  FROM admission_cases GROUP BY 1
), e AS (
  SELECT managing_unit_id AS unit_id,
    count(*) FILTER (WHERE status = 'operating') AS enterprises_operating,
    count(*) FILTER (WHERE status = 'operating' AND party_unit_id IS NOT NULL) AS enterprises_with_party,
    count(*) FILTER (WHERE status = 'operating' AND has_trade_union) AS enterprises_with_union,
    count(*) FILTER (WHERE status = 'operating' AND has_youth_union) AS enterprises_with_youth
  FROM enterprises GROUP BY 1
), l AS (
  SELECT party_unit_id AS unit_id, count(*) AS enterprise_links FROM enterprises WHERE party_unit_id IS NOT NULL GROUP BY 1
), ids AS (
  SELECT unit_id FROM m UNION SELECT unit_id FROM c UNION SELECT unit_id FROM e UNION SELECT unit_id FROM l
)
SELECT u.id AS unit_id, u.path, u.kind, p.kind AS parent_kind, u.status = 'active' AS active,
  coalesce(m.members, 0)::integer AS members, coalesce(m.members_in_enterprises, 0)::integer AS members_in_enterprises,
  coalesce(m.member_owners, 0)::integer AS member_owners, coalesce(m.member_workers, 0)::integer AS member_workers,
  coalesce(c.cases_referral_draft, 0)::integer AS cases_referral_draft, coalesce(c.cases_referred, 0)::integer AS cases_referred,
  coalesce(c.cases_cell_review, 0)::integer AS cases_cell_review, coalesce(c.cases_committee_review, 0)::integer AS cases_committee_review,
  coalesce(c.cases_decision_pending, 0)::integer AS cases_decision_pending, coalesce(c.cases_ceremony_pending, 0)::integer AS cases_ceremony_pending,
  coalesce(c.cases_probation, 0)::integer AS cases_probation, coalesce(c.cases_recognition_cell_review, 0)::integer AS cases_recognition_cell_review,
  coalesce(c.cases_recognition_committee_review, 0)::integer AS cases_recognition_committee_review,
  coalesce(c.cases_recognition_decision_pending, 0)::integer AS cases_recognition_decision_pending,
  coalesce(e.enterprises_operating, 0)::integer AS enterprises_operating, coalesce(e.enterprises_with_party, 0)::integer AS enterprises_with_party,
  coalesce(e.enterprises_with_union, 0)::integer AS enterprises_with_union, coalesce(e.enterprises_with_youth, 0)::integer AS enterprises_with_youth,
  coalesce(l.enterprise_links, 0)::integer AS enterprise_links
FROM ids
JOIN units u ON u.id = ids.unit_id
LEFT JOIN units p ON p.id = u.parent_id
LEFT JOIN m ON m.unit_id = ids.unit_id
LEFT JOIN c ON c.unit_id = ids.unit_id
LEFT JOIN e ON e.unit_id = ids.unit_id
LEFT JOIN l ON l.unit_id = ids.unit_id;
--> statement-breakpoint
CREATE VIEW unit_year_tallies_expected AS
WITH facts AS (
  SELECT admitted_cell_unit_id AS unit_id, extract(year FROM admitted_on)::integer AS year, 1 AS admitted,
    (enterprise_id IS NOT NULL)::integer AS admitted_nonstate, (occupation = 'owner')::integer AS admitted_owners,
    (occupation = 'direct_worker')::integer AS admitted_workers, 0 AS introduced, NULL::text AS member_grade, NULL::text AS org_grade
  FROM party_members WHERE admitted_cell_unit_id IS NOT NULL
  UNION ALL
  SELECT cell_unit_id, extract(year FROM submitted_on)::integer, 0, 0, 0, 0, 1, NULL, NULL FROM admission_cases WHERE submitted_on IS NOT NULL
  UNION ALL
  SELECT m.cell_unit_id, r.year, 0, 0, 0, 0, 0, r.grade, NULL FROM ratings r JOIN party_members m ON m.id = r.member_id
  UNION ALL
  SELECT r.unit_id, r.year, 0, 0, 0, 0, 0, NULL, r.grade FROM ratings r WHERE r.unit_id IS NOT NULL
)
SELECT f.unit_id, f.year, u.path,
  sum(f.admitted)::integer AS admitted, sum(f.admitted_nonstate)::integer AS admitted_nonstate,
  sum(f.admitted_owners)::integer AS admitted_owners, sum(f.admitted_workers)::integer AS admitted_workers, sum(f.introduced)::integer AS introduced,
  count(*) FILTER (WHERE f.member_grade = 'excellent')::integer AS member_excellent,
  count(*) FILTER (WHERE f.member_grade = 'good')::integer AS member_good,
  count(*) FILTER (WHERE f.member_grade = 'completed')::integer AS member_completed,
  count(*) FILTER (WHERE f.member_grade = 'not_completed')::integer AS member_not_completed,
  count(*) FILTER (WHERE f.org_grade = 'excellent')::integer AS org_excellent,
  count(*) FILTER (WHERE f.org_grade = 'good')::integer AS org_good,
  count(*) FILTER (WHERE f.org_grade = 'completed')::integer AS org_completed,
  count(*) FILTER (WHERE f.org_grade = 'not_completed')::integer AS org_not_completed
FROM facts f JOIN units u ON u.id = f.unit_id
GROUP BY f.unit_id, f.year, u.path;
--> statement-breakpoint
-- What differs between the derived data and a recomputation from the records, by kind: empty
-- when all is well. Rows of tallies that are all zero count as absent.
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
$$;
--> statement-breakpoint
-- Recompute every derived column and tally from the records (set-based; nothing else changes).
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
END;
$$;
--> statement-breakpoint
SELECT rebuild_derived();
