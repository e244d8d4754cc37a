/**
 * Runs once when the server starts (Next.js instrumentation). In production on PostgreSQL the
 * portal refuses to start when DATABASE_URL's role could rewrite history (db/roles.ts,
 * refuseUnsafeRoleAtStartup): it exits with the reasons in its log instead of serving.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseUnsafeRoleAtStartup } = await import('./db/roles');
  await refuseUnsafeRoleAtStartup();
}
