ALTER TABLE "case_documents" DROP COLUMN "file_name";--> statement-breakpoint
ALTER TABLE "case_documents" DROP COLUMN "mime_type";--> statement-breakpoint
ALTER TABLE "case_documents" DROP COLUMN "content";