DROP INDEX "party_members_admitted_on_idx";--> statement-breakpoint
DROP INDEX "unit_year_tallies_year_idx";--> statement-breakpoint
CREATE INDEX "party_members_admitted_on_idx" ON "party_members" USING btree ("admitted_on","admitted_cell_unit_id");--> statement-breakpoint
CREATE INDEX "unit_year_tallies_year_idx" ON "unit_year_tallies" USING btree ("year","path","admitted","admitted_nonstate","admitted_owners","admitted_workers","introduced","member_excellent","member_good","member_completed","member_not_completed","org_excellent","org_good","org_completed","org_not_completed");