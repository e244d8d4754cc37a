DROP INDEX "audit_log_unit_id_idx";--> statement-breakpoint
DROP INDEX "audit_log_at_idx";--> statement-breakpoint
DROP INDEX "audit_log_unit_idx";--> statement-breakpoint
DROP INDEX "person_access_person_idx";--> statement-breakpoint
CREATE INDEX "audit_log_actor_at_idx" ON "audit_log" USING btree ("actor_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" USING btree ("action","at","id");--> statement-breakpoint
CREATE INDEX "person_access_user_idx" ON "person_access_log" USING btree ("user_id","at","id");--> statement-breakpoint
CREATE INDEX "person_access_at_idx" ON "person_access_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_log_unit_idx" ON "audit_log" USING btree ("unit_id","at","id");--> statement-breakpoint
CREATE INDEX "person_access_person_idx" ON "person_access_log" USING btree ("person_id","at","id");