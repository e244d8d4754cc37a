CREATE TABLE "founding_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"proposed_by_unit_id" integer NOT NULL,
	"parent_unit_id" integer NOT NULL,
	"decider_unit_id" integer NOT NULL,
	"cell_name" text NOT NULL,
	"member_ids" jsonb NOT NULL,
	"proposed_on" date NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"decision_no" text,
	"decision_on" date,
	"secretary_member_id" integer,
	"new_unit_id" integer,
	"reject_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"decided_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "founding_proposals_state_check" CHECK ("founding_proposals"."state" in ('proposed', 'decided', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_proposed_by_unit_id_units_id_fk" FOREIGN KEY ("proposed_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_parent_unit_id_units_id_fk" FOREIGN KEY ("parent_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_decider_unit_id_units_id_fk" FOREIGN KEY ("decider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_secretary_member_id_party_members_id_fk" FOREIGN KEY ("secretary_member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_new_unit_id_units_id_fk" FOREIGN KEY ("new_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_proposals" ADD CONSTRAINT "founding_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "founding_proposals_enterprise_idx" ON "founding_proposals" USING btree ("enterprise_id","state");--> statement-breakpoint
CREATE INDEX "founding_proposals_decider_idx" ON "founding_proposals" USING btree ("decider_unit_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "founding_proposals_open_key" ON "founding_proposals" USING btree ("enterprise_id") WHERE "founding_proposals"."state" = 'proposed';