CREATE TABLE "class_enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"class_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"certificate_no" text,
	"certificate_on" date,
	"enrolled_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_enrolments_certificate_check" CHECK (("class_enrolments"."certificate_no" is null) = ("class_enrolments"."certificate_on" is null))
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"organiser_unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classes_kind_check" CHECK ("classes"."kind" in ('awareness', 'new_member')),
	CONSTRAINT "classes_dates_check" CHECK ("classes"."end_on" >= "classes"."start_on")
);
--> statement-breakpoint
CREATE TABLE "member_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"cell_unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"assigned_by_unit_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_assignments_dates_check" CHECK ("member_assignments"."end_on" is null or "member_assignments"."end_on" >= "member_assignments"."start_on")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"member_id" integer,
	"unit_id" integer,
	"score" integer,
	"grade" text NOT NULL,
	"rated_by_unit_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_subject_check" CHECK (("ratings"."member_id" is null) <> ("ratings"."unit_id" is null)),
	CONSTRAINT "ratings_grade_check" CHECK ("ratings"."grade" in ('excellent', 'good', 'completed', 'not_completed')),
	CONSTRAINT "ratings_score_check" CHECK ("ratings"."score" is null or ("ratings"."score" between 0 and 100))
);
--> statement-breakpoint
ALTER TABLE "admission_cases" ADD COLUMN "certificate_enrolment_id" integer;--> statement-breakpoint
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_organiser_unit_id_units_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_assignments" ADD CONSTRAINT "member_assignments_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_assignments" ADD CONSTRAINT "member_assignments_cell_unit_id_units_id_fk" FOREIGN KEY ("cell_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_assignments" ADD CONSTRAINT "member_assignments_assigned_by_unit_id_units_id_fk" FOREIGN KEY ("assigned_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_assignments" ADD CONSTRAINT "member_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rated_by_unit_id_units_id_fk" FOREIGN KEY ("rated_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_enrolments_class_person_key" ON "class_enrolments" USING btree ("class_id","person_id");--> statement-breakpoint
CREATE INDEX "class_enrolments_person_idx" ON "class_enrolments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "classes_organiser_idx" ON "classes" USING btree ("organiser_unit_id","start_on");--> statement-breakpoint
CREATE INDEX "member_assignments_member_idx" ON "member_assignments" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_assignments_cell_idx" ON "member_assignments" USING btree ("cell_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_member_year_key" ON "ratings" USING btree ("member_id","year") WHERE "ratings"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_unit_year_key" ON "ratings" USING btree ("unit_id","year") WHERE "ratings"."unit_id" is not null;--> statement-breakpoint
ALTER TABLE "admission_cases" ADD CONSTRAINT "admission_cases_certificate_enrolment_id_class_enrolments_id_fk" FOREIGN KEY ("certificate_enrolment_id") REFERENCES "public"."class_enrolments"("id") ON DELETE no action ON UPDATE no action;