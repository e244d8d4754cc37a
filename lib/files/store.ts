import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { storedFiles } from '@/db/schema';

/**
 * Where file contents live, behind one small interface so that object storage can be added later
 * (a key with another prefix, "s3:…", and a store that answers for it). Keys are opaque text kept
 * beside the file's metadata; `put` runs inside the caller's transaction, so a file and the row
 * that names it are written together or not at all.
 */
export interface FileStore {
  /** Stores `bytes` and returns the key to read them back by. */
  put(tx: Tx, bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `key`, or null when no such file is kept. */
  get(db: Db | Tx, key: string): Promise<Buffer | null>;
}

const DB_PREFIX = 'db:';

/** The default store: a bytea row of `stored_files`, in the same database (the backup holds it; PGlite works the same). */
export const databaseStore: FileStore = {
  async put(tx, bytes) {
    const [row] = await tx
      .insert(storedFiles)
      .values({ sizeBytes: bytes.byteLength, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
      .returning({ id: storedFiles.id });
    return `${DB_PREFIX}${row.id}`;
  },
  async get(db, key) {
    if (!key.startsWith(DB_PREFIX)) return null;
    const id = Number(key.slice(DB_PREFIX.length));
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const [row] = await db.select({ content: storedFiles.content }).from(storedFiles).where(eq(storedFiles.id, id));
    return row ? Buffer.from(row.content) : null;
  },
};

/** The store files are written to and read from. */
export function fileStore(): FileStore {
  return databaseStore;
}
