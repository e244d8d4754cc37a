-- A step of an admission case moves it from one state to another at the same cell: one update of
-- the cell's tallies (the count of the old state down, the new one up) instead of two, and the
-- year's introductions are left alone unless the cell or the first submission date changed
-- (they used to be taken off and put back on every step).
CREATE OR REPLACE FUNCTION tally_case_step(p_unit integer, p_from text, p_to text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  counted text[] := ARRAY['referral_draft', 'referred', 'cell_review', 'committee_review', 'decision_pending', 'ceremony_pending',
    'probation', 'recognition_cell_review', 'recognition_committee_review', 'recognition_decision_pending'];
  d_from integer := CASE WHEN p_from = ANY (counted) THEN 1 ELSE 0 END;
  d_to integer := CASE WHEN p_to = ANY (counted) THEN 1 ELSE 0 END;
BEGIN
  IF p_from IS NOT DISTINCT FROM p_to OR (d_from = 0 AND d_to = 0) THEN
    RETURN;
  END IF;
  UPDATE unit_tallies SET
    cases_referral_draft = cases_referral_draft + (p_to IS NOT DISTINCT FROM 'referral_draft')::integer - (p_from IS NOT DISTINCT FROM 'referral_draft')::integer,
    cases_referred = cases_referred + (p_to IS NOT DISTINCT FROM 'referred')::integer - (p_from IS NOT DISTINCT FROM 'referred')::integer,
    cases_cell_review = cases_cell_review + (p_to IS NOT DISTINCT FROM 'cell_review')::integer - (p_from IS NOT DISTINCT FROM 'cell_review')::integer,
    cases_committee_review = cases_committee_review + (p_to IS NOT DISTINCT FROM 'committee_review')::integer - (p_from IS NOT DISTINCT FROM 'committee_review')::integer,
    cases_decision_pending = cases_decision_pending + (p_to IS NOT DISTINCT FROM 'decision_pending')::integer - (p_from IS NOT DISTINCT FROM 'decision_pending')::integer,
    cases_ceremony_pending = cases_ceremony_pending + (p_to IS NOT DISTINCT FROM 'ceremony_pending')::integer - (p_from IS NOT DISTINCT FROM 'ceremony_pending')::integer,
    cases_probation = cases_probation + (p_to IS NOT DISTINCT FROM 'probation')::integer - (p_from IS NOT DISTINCT FROM 'probation')::integer,
    cases_recognition_cell_review = cases_recognition_cell_review + (p_to IS NOT DISTINCT FROM 'recognition_cell_review')::integer
      - (p_from IS NOT DISTINCT FROM 'recognition_cell_review')::integer,
    cases_recognition_committee_review = cases_recognition_committee_review + (p_to IS NOT DISTINCT FROM 'recognition_committee_review')::integer
      - (p_from IS NOT DISTINCT FROM 'recognition_committee_review')::integer,
    cases_recognition_decision_pending = cases_recognition_decision_pending + (p_to IS NOT DISTINCT FROM 'recognition_decision_pending')::integer
      - (p_from IS NOT DISTINCT FROM 'recognition_decision_pending')::integer
  WHERE unit_id = p_unit;
  IF NOT FOUND THEN
    -- No row yet: nothing was counted at the unit, so the old state was not either.
    PERFORM tally_unit(p_unit, 0, 0, 0, 0, p_to, d_to, 0, 0, 0, 0, 0);
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION admission_cases_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.cell_unit_id = OLD.cell_unit_id THEN
      PERFORM tally_case_step(NEW.cell_unit_id, OLD.state, NEW.state);
    ELSE
      PERFORM tally_unit(OLD.cell_unit_id, 0, 0, 0, 0, OLD.state, -1, 0, 0, 0, 0, 0);
      PERFORM tally_unit(NEW.cell_unit_id, 0, 0, 0, 0, NEW.state, 1, 0, 0, 0, 0, 0);
    END IF;
    IF NEW.cell_unit_id <> OLD.cell_unit_id OR NEW.submitted_on IS DISTINCT FROM OLD.submitted_on THEN
      IF OLD.submitted_on IS NOT NULL THEN
        PERFORM tally_unit_year(OLD.cell_unit_id, extract(year FROM OLD.submitted_on)::integer, 0, 0, 0, 0, -1, NULL, 0, NULL, 0);
      END IF;
      IF NEW.submitted_on IS NOT NULL THEN
        PERFORM tally_unit_year(NEW.cell_unit_id, extract(year FROM NEW.submitted_on)::integer, 0, 0, 0, 0, 1, NULL, 0, NULL, 0);
      END IF;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN PERFORM case_tally(OLD, -1); END IF;
  IF TG_OP = 'INSERT' THEN PERFORM case_tally(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
