CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"tax_code" text NOT NULL,
	"type" text NOT NULL,
	"foreign_invested" boolean DEFAULT false NOT NULL,
	"address" text NOT NULL,
	"managing_unit_id" integer NOT NULL,
	"zone" text,
	"workforce" integer DEFAULT 0 NOT NULL,
	"has_trade_union" boolean DEFAULT false NOT NULL,
	"trade_union_unit_id" integer,
	"has_youth_union" boolean DEFAULT false NOT NULL,
	"youth_union_unit_id" integer,
	"owner_name" text,
	"owner_is_member" boolean DEFAULT false NOT NULL,
	"party_unit_id" integer,
	"status" text DEFAULT 'operating' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_type_check" CHECK ("enterprises"."type" in ('private', 'llc', 'joint_stock', 'partnership', 'cooperative', 'fdi')),
	CONSTRAINT "enterprises_status_check" CHECK ("enterprises"."status" in ('operating', 'suspended', 'dissolved')),
	CONSTRAINT "enterprises_tax_code_format" CHECK ("enterprises"."tax_code" ~ '^[0-9]{10}([0-9]{3})?$'),
	CONSTRAINT "enterprises_workforce_check" CHECK ("enterprises"."workforce" >= 0)
);
--> statement-breakpoint
CREATE TABLE "owner_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"met_on" date NOT NULL,
	"attendees" text NOT NULL,
	"outcome" text NOT NULL,
	"summary" text,
	"next_step" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_meetings_outcome_check" CHECK ("owner_meetings"."outcome" in ('persuaded', 'considering', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "survey_findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"members_working" integer DEFAULT 0 NOT NULL,
	"union_present" boolean DEFAULT false NOT NULL,
	"owner_attitude" text NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_findings_attitude_check" CHECK ("survey_findings"."owner_attitude" in ('supportive', 'neutral', 'reluctant')),
	CONSTRAINT "survey_findings_members_check" CHECK ("survey_findings"."members_working" >= 0)
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_managing_unit_id_units_id_fk" FOREIGN KEY ("managing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_trade_union_unit_id_units_id_fk" FOREIGN KEY ("trade_union_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_youth_union_unit_id_units_id_fk" FOREIGN KEY ("youth_union_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_party_unit_id_units_id_fk" FOREIGN KEY ("party_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_meetings" ADD CONSTRAINT "owner_meetings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_meetings" ADD CONSTRAINT "owner_meetings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_meetings" ADD CONSTRAINT "owner_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_findings" ADD CONSTRAINT "survey_findings_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_findings" ADD CONSTRAINT "survey_findings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_findings" ADD CONSTRAINT "survey_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_tax_code_key" ON "enterprises" USING btree ("tax_code");--> statement-breakpoint
CREATE INDEX "enterprises_managing_unit_idx" ON "enterprises" USING btree ("managing_unit_id","status");--> statement-breakpoint
CREATE INDEX "enterprises_party_unit_idx" ON "enterprises" USING btree ("party_unit_id");--> statement-breakpoint
CREATE INDEX "enterprises_search_trgm" ON "enterprises" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "owner_meetings_enterprise_idx" ON "owner_meetings" USING btree ("enterprise_id","met_on");--> statement-breakpoint
CREATE INDEX "owner_meetings_unit_idx" ON "owner_meetings" USING btree ("unit_id","met_on");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_findings_round_enterprise_key" ON "survey_findings" USING btree ("round_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "survey_findings_enterprise_idx" ON "survey_findings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "survey_rounds_unit_idx" ON "survey_rounds" USING btree ("unit_id","held_on");