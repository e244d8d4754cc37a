import 'server-only';
import type { Tx } from '@/db';
import { auditLog } from '@/db/schema';

/** Append one audit row inside the caller's transaction (the table refuses UPDATE/DELETE). */
export async function writeAudit(
  tx: Tx,
  entry: {
    actorId: number | null;
    action: string;
    entity: string;
    entityId: string | number;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
