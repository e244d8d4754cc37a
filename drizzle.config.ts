import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema.ts and applied to PGlite and PostgreSQL alike
// by db/migrate.ts; drizzle-kit itself only generates (no database connection needed).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './drizzle',
});
