CREATE TABLE "unit_tallies" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"parent_kind" text,
	"active" boolean NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"members_in_enterprises" integer DEFAULT 0 NOT NULL,
	"member_owners" integer DEFAULT 0 NOT NULL,
	"member_workers" integer DEFAULT 0 NOT NULL,
	"cases_referral_draft" integer DEFAULT 0 NOT NULL,
	"cases_referred" integer DEFAULT 0 NOT NULL,
	"cases_cell_review" integer DEFAULT 0 NOT NULL,
	"cases_committee_review" integer DEFAULT 0 NOT NULL,
	"cases_decision_pending" integer DEFAULT 0 NOT NULL,
	"cases_ceremony_pending" integer DEFAULT 0 NOT NULL,
	"cases_probation" integer DEFAULT 0 NOT NULL,
	"cases_recognition_cell_review" integer DEFAULT 0 NOT NULL,
	"cases_recognition_committee_review" integer DEFAULT 0 NOT NULL,
	"cases_recognition_decision_pending" integer DEFAULT 0 NOT NULL,
	"enterprises_operating" integer DEFAULT 0 NOT NULL,
	"enterprises_with_party" integer DEFAULT 0 NOT NULL,
	"enterprises_with_union" integer DEFAULT 0 NOT NULL,
	"enterprises_with_youth" integer DEFAULT 0 NOT NULL,
	"enterprise_links" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_year_tallies" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"path" "ltree" NOT NULL,
	"admitted" integer DEFAULT 0 NOT NULL,
	"admitted_nonstate" integer DEFAULT 0 NOT NULL,
	"admitted_owners" integer DEFAULT 0 NOT NULL,
	"admitted_workers" integer DEFAULT 0 NOT NULL,
	"introduced" integer DEFAULT 0 NOT NULL,
	"member_excellent" integer DEFAULT 0 NOT NULL,
	"member_good" integer DEFAULT 0 NOT NULL,
	"member_completed" integer DEFAULT 0 NOT NULL,
	"member_not_completed" integer DEFAULT 0 NOT NULL,
	"org_excellent" integer DEFAULT 0 NOT NULL,
	"org_good" integer DEFAULT 0 NOT NULL,
	"org_completed" integer DEFAULT 0 NOT NULL,
	"org_not_completed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_year_tallies_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "admission_cases" ADD COLUMN "scope_units" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "admission_cases" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "enrolled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "certified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "scope_units" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "official_members" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD COLUMN "scope_units" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "scope_units" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "full_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "search_name" text GENERATED ALWAYS AS (search_key(name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_name" text GENERATED ALWAYS AS (search_key(full_name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_path" "ltree" DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_tallies" ADD CONSTRAINT "unit_tallies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_year_tallies" ADD CONSTRAINT "unit_year_tallies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_tallies_path_gist" ON "unit_tallies" USING gist ("path");--> statement-breakpoint
CREATE INDEX "unit_year_tallies_path_gist" ON "unit_year_tallies" USING gist ("path");--> statement-breakpoint
CREATE INDEX "unit_year_tallies_year_idx" ON "unit_year_tallies" USING btree ("year");--> statement-breakpoint
CREATE INDEX "admission_cases_scope_gin" ON "admission_cases" USING gin ("scope_units");--> statement-breakpoint
CREATE INDEX "admission_cases_search_trgm" ON "admission_cases" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "admission_cases_list_key" ON "admission_cases" USING btree ((coalesce("due_on", 'infinity'::date)),(- "id"));--> statement-breakpoint
CREATE INDEX "audit_log_unit_id_idx" ON "audit_log" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "classes_list_key" ON "classes" USING btree ("start_on" desc,"id" desc);--> statement-breakpoint
CREATE INDEX "enterprises_tax_code_prefix" ON "enterprises" USING btree ("tax_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_scope_gin" ON "enterprises" USING gin ("scope_units");--> statement-breakpoint
CREATE INDEX "enterprises_name_key" ON "enterprises" USING btree (("name" collate "und-x-icu"),"id");--> statement-breakpoint
CREATE INDEX "enterprises_priority_key" ON "enterprises" USING btree ("official_members" desc,"workforce" desc,"id") WHERE "enterprises"."status" = 'operating' and "enterprises"."party_unit_id" is null;--> statement-breakpoint
CREATE INDEX "founding_proposals_scope_gin" ON "founding_proposals" USING gin ("scope_units");--> statement-breakpoint
CREATE INDEX "party_members_scope_gin" ON "party_members" USING gin ("scope_units");--> statement-breakpoint
CREATE INDEX "party_members_search_trgm" ON "party_members" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "party_members_name_key" ON "party_members" USING btree (("full_name" collate "und-x-icu"),"id");--> statement-breakpoint
CREATE INDEX "party_members_admitted_on_idx" ON "party_members" USING btree ("admitted_on");--> statement-breakpoint
CREATE INDEX "units_search_trgm" ON "units" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "units_name_key" ON "units" USING btree (("name" collate "und-x-icu"),"id");--> statement-breakpoint
CREATE INDEX "users_list_key" ON "users" USING btree ((not "active"),"unit_path",("full_name" collate "und-x-icu"),"id");--> statement-breakpoint
CREATE INDEX "users_unit_path_gist" ON "users" USING gist ("unit_path");--> statement-breakpoint
CREATE INDEX "users_search_trgm" ON "users" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_username_trgm" ON "users" USING gin ("username" gin_trgm_ops);