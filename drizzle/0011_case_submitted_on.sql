ALTER TABLE "admission_cases" ADD COLUMN "submitted_on" date;--> statement-breakpoint
CREATE INDEX "admission_cases_submitted_idx" ON "admission_cases" USING btree ("submitted_on");--> statement-breakpoint
-- Cases sent before this column: the date of their first submission.
UPDATE "admission_cases" c SET "submitted_on" = s.first FROM (SELECT "case_id", min("effective_on") AS first FROM "case_events" WHERE "transition" = 'submit' GROUP BY "case_id") s WHERE s."case_id" = c."id" AND c."submitted_on" IS NULL;