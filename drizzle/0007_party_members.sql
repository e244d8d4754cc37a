CREATE TABLE "member_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_unit_id" integer,
	"to_unit_id" integer,
	"effective_on" date NOT NULL,
	"note" text,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_events_kind_check" CHECK ("member_events"."kind" in ('registered', 'admitted', 'recognised', 'transfer_out', 'transfer_in', 'transfer_cancelled', 'temporary_start', 'temporary_end', 'left', 'status', 'assigned'))
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"cell_unit_id" integer NOT NULL,
	"enterprise_id" integer,
	"occupation" text DEFAULT 'other' NOT NULL,
	"admitted_on" date NOT NULL,
	"official_on" date,
	"card_no" text,
	"status" text DEFAULT 'active' NOT NULL,
	"transfer_to_unit_id" integer,
	"transfer_out_on" date,
	"host_unit_id" integer,
	"admission_case_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_members_occupation_check" CHECK ("party_members"."occupation" in ('direct_worker', 'owner', 'manager', 'office', 'other')),
	CONSTRAINT "party_members_status_check" CHECK ("party_members"."status" in ('active', 'temporary_elsewhere', 'transferred_out', 'removed', 'deceased')),
	CONSTRAINT "party_members_official_after_admitted" CHECK ("party_members"."official_on" is null or "party_members"."official_on" >= "party_members"."admitted_on"),
	CONSTRAINT "party_members_transfer_pair" CHECK (("party_members"."transfer_to_unit_id" is null) = ("party_members"."transfer_out_on" is null))
);
--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_cell_unit_id_units_id_fk" FOREIGN KEY ("cell_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_transfer_to_unit_id_units_id_fk" FOREIGN KEY ("transfer_to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_host_unit_id_units_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_admission_case_id_admission_cases_id_fk" FOREIGN KEY ("admission_case_id") REFERENCES "public"."admission_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_events_member_idx" ON "member_events" USING btree ("member_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_person_key" ON "party_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_card_key" ON "party_members" USING btree ("card_no");--> statement-breakpoint
CREATE INDEX "party_members_cell_idx" ON "party_members" USING btree ("cell_unit_id","status");--> statement-breakpoint
CREATE INDEX "party_members_enterprise_idx" ON "party_members" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "party_members_transfer_idx" ON "party_members" USING btree ("transfer_to_unit_id");--> statement-breakpoint
CREATE INDEX "party_members_host_idx" ON "party_members" USING btree ("host_unit_id");