CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"set_by_unit_id" integer NOT NULL,
	"measure" text NOT NULL,
	"period_kind" text NOT NULL,
	"year_from" integer NOT NULL,
	"year_to" integer NOT NULL,
	"value" integer NOT NULL,
	"directive_no" text,
	"directive_on" date,
	"directive_issuer" text,
	"directive_title" text,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_measure_check" CHECK ("targets"."measure" in ('admitted', 'admitted_owners', 'admitted_workers', 'orgs_founded', 'orgs_founded_fdi', 'introduced', 'awareness_attendees', 'orgs_good_share', 'members_good_share')),
	CONSTRAINT "targets_period_check" CHECK ("targets"."period_kind" in ('year', 'term') and "targets"."year_to" >= "targets"."year_from"),
	CONSTRAINT "targets_value_check" CHECK ("targets"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "admitted_cell_unit_id" integer;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_set_by_unit_id_units_id_fk" FOREIGN KEY ("set_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_unit_measure_period_key" ON "targets" USING btree ("unit_id","measure","year_from","year_to");--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_admitted_cell_unit_id_units_id_fk" FOREIGN KEY ("admitted_cell_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "party_members_admitted_idx" ON "party_members" USING btree ("admitted_cell_unit_id","admitted_on");--> statement-breakpoint
-- Existing members were admitted in the cell they are in now (no transfers were recorded before this column).
UPDATE "party_members" SET "admitted_cell_unit_id" = "cell_unit_id" WHERE "admitted_cell_unit_id" IS NULL;