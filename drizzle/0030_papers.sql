CREATE TABLE "case_document_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"page" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"added_by" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	"replaced_by" integer
);
--> statement-breakpoint
CREATE TABLE "form_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"effective_from" date NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"note" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_templates_form_check" CHECK ("form_templates"."form" in ('cell_resolution', 'committee_resolution', 'admission_decision', 'recognition_resolution', 'recognition_decision', 'founding_decision'))
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_documents" ADD COLUMN "on_file_reason" text;--> statement-breakpoint
ALTER TABLE "person_access_log" ADD COLUMN "file_id" integer;--> statement-breakpoint
ALTER TABLE "case_document_files" ADD CONSTRAINT "case_document_files_document_id_case_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."case_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document_files" ADD CONSTRAINT "case_document_files_case_id_admission_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."admission_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document_files" ADD CONSTRAINT "case_document_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document_files" ADD CONSTRAINT "case_document_files_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_templates" ADD CONSTRAINT "form_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_document_files_document_idx" ON "case_document_files" USING btree ("document_id","page");--> statement-breakpoint
CREATE INDEX "case_document_files_case_idx" ON "case_document_files" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "form_templates_form_effective_key" ON "form_templates" USING btree ("form","effective_from");--> statement-breakpoint
ALTER TABLE "person_access_log" ADD CONSTRAINT "person_access_log_file_id_case_document_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."case_document_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Papers recorded before files could be attached were lines of metadata for signed papers kept at the units: they keep counting, marked as held on file.
UPDATE "case_documents" SET "on_file_reason" = 'Giấy tờ ghi nhận trước khi cổng có tệp đính kèm: bản giấy lưu tại đơn vị' WHERE "on_file_reason" IS NULL;