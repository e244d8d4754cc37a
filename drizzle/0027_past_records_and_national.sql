ALTER TABLE "targets" DROP CONSTRAINT "targets_measure_check";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_kind_check";--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD COLUMN "from_records" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "admission_decision_no" text;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD COLUMN "unconfirmed" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_birth_name_idx" ON "persons" USING btree ("birth_date","search_name");--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_measure_check" CHECK ("targets"."measure" in ('admitted', 'admitted_nonstate', 'admitted_owners', 'admitted_workers', 'orgs_founded', 'orgs_founded_fdi', 'introduced', 'awareness_attendees', 'enterprises_surveyed', 'owners_met', 'owners_persuaded', 'orgs_good_share', 'members_good_share'));--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('national', 'province', 'district', 'bloc', 'grassroots', 'ward', 'cell', 'union_branch', 'youth_branch'));--> statement-breakpoint
-- A survey round's partners were names ("tax_office"); each becomes a partner with a count of one.
UPDATE "survey_rounds" SET "participants" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('kind', p, 'count', 1)), '[]'::jsonb)
  FROM jsonb_array_elements_text("survey_rounds"."participants") AS p
) WHERE jsonb_typeof("participants") = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements("survey_rounds"."participants") e WHERE jsonb_typeof(e) = 'string');
