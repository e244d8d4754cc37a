CREATE TABLE "admission_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"state" text DEFAULT 'referral_draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"referrer_unit_id" integer NOT NULL,
	"cell_unit_id" integer NOT NULL,
	"committee_unit_id" integer,
	"decider_unit_id" integer NOT NULL,
	"certificate_no" text,
	"certificate_issued_on" date,
	"with_union_resolution" boolean DEFAULT true NOT NULL,
	"sponsors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cell_meeting_on" date,
	"cell_votes_for" integer,
	"cell_eligible" integer,
	"committee_meeting_on" date,
	"committee_votes_for" integer,
	"committee_members" integer,
	"decision_no" text,
	"decision_on" date,
	"ceremony_on" date,
	"probation_ends_on" date,
	"proposes_removal" boolean DEFAULT false NOT NULL,
	"recognition_decision_no" text,
	"recognition_decision_on" date,
	"due_on" date,
	"last_return_reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admission_cases_state_check" CHECK ("admission_cases"."state" in ('referral_draft', 'referred', 'cell_review', 'committee_review', 'decision_pending', 'ceremony_pending', 'probation', 'recognition_cell_review', 'recognition_committee_review', 'recognition_decision_pending', 'official', 'removed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"issued_on" date,
	"file_name" text,
	"mime_type" text,
	"content" "bytea",
	"added_by" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_documents_kind_check" CHECK ("case_documents"."kind" in ('awareness_certificate', 'application', 'personal_history', 'branch_resolution', 'sponsor_introduction', 'background_verification', 'opinions', 'cell_resolution', 'committee_resolution', 'admission_decision', 'probation_report', 'recognition_resolution', 'recognition_decision'))
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"round" integer NOT NULL,
	"transition" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" integer NOT NULL,
	"actor_unit_id" integer NOT NULL,
	"effective_on" date NOT NULL,
	"comment" text,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rule_set_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"search_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"national_id" text,
	"phone" text,
	"workplace" text,
	"unit_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_gender_check" CHECK ("persons"."gender" in ('male', 'female')),
	CONSTRAINT "persons_national_id_format" CHECK ("persons"."national_id" is null or "persons"."national_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
ALTER TABLE "admission_cases" ADD CONSTRAINT "admission_cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_cases" ADD CONSTRAINT "admission_cases_referrer_unit_id_units_id_fk" FOREIGN KEY ("referrer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_cases" ADD CONSTRAINT "admission_cases_cell_unit_id_units_id_fk" FOREIGN KEY ("cell_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_cases" ADD CONSTRAINT "admission_cases_committee_unit_id_units_id_fk" FOREIGN KEY ("committee_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_cases" ADD CONSTRAINT "admission_cases_decider_unit_id_units_id_fk" FOREIGN KEY ("decider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_cases" ADD CONSTRAINT "admission_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_admission_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."admission_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_admission_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."admission_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_unit_id_units_id_fk" FOREIGN KEY ("actor_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access_log" ADD CONSTRAINT "person_access_log_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access_log" ADD CONSTRAINT "person_access_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admission_cases_state_idx" ON "admission_cases" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "admission_cases_referrer_idx" ON "admission_cases" USING btree ("referrer_unit_id","state");--> statement-breakpoint
CREATE INDEX "admission_cases_cell_idx" ON "admission_cases" USING btree ("cell_unit_id","state");--> statement-breakpoint
CREATE INDEX "admission_cases_committee_idx" ON "admission_cases" USING btree ("committee_unit_id","state");--> statement-breakpoint
CREATE INDEX "admission_cases_decider_idx" ON "admission_cases" USING btree ("decider_unit_id","state");--> statement-breakpoint
CREATE INDEX "admission_cases_person_idx" ON "admission_cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "person_access_person_idx" ON "person_access_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_national_id_key" ON "persons" USING btree ("national_id");--> statement-breakpoint
CREATE INDEX "persons_unit_idx" ON "persons" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "persons_search_trgm" ON "persons" USING gin ("search_name" gin_trgm_ops);