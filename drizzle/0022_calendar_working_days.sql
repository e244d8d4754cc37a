CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_status_check" CHECK ("calendar_years"."status" in ('announced', 'provisional'))
);
--> statement-breakpoint
ALTER TABLE "holidays" ADD COLUMN "kind" text DEFAULT 'day_off' NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_kind_check" CHECK ("holidays"."kind" in ('day_off', 'working_day'));