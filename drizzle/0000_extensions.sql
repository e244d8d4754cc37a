-- Extensions available on PostgreSQL 15 and in PGlite (loaded from @electric-sql/pglite/contrib).
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
