import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '@/db';
import { admissionCases, caseDocumentFiles, caseDocuments, personAccessLog, users } from '@/db/schema';
import { attachablePapers, STATE_OWNER, type DocumentKind } from '@/lib/admission/workflow';
import { can } from '@/lib/authz/permissions';
import { now } from '@/lib/clock';
import { fileStore } from '@/lib/files/store';
import { detectPaperType, maxUploadBytes, oversizeMegabytes, PAPER_FILE_TYPES, type PaperMimeType } from '@/lib/files/types';
import { writeAudit } from './audit';
import { caseInScope, lockCase, shapeOf, unitPaths, type CaseRow } from './case-row';
import { DalError, forbidden, invalid, notFound } from './errors';
import { requireUser, type CurrentUser } from './session';

/**
 * The papers of an admission case and their files (scans, phone photos, .docx drafts). A paper
 * counts for the workflow's checklist when it has a current file, or when a leader of the unit
 * whose turn it is recorded, with a reason, that the signed paper is held on file at the unit.
 * Files are checked by content, stored through the file store in the paper's own transaction,
 * served only inside the case's scope, and never deleted: replacing keeps the old ones.
 */

/** How many files (pages) one paper may take in one upload. */
export const MAX_FILES_PER_UPLOAD = 30;

export type UploadedFile = { name: string; bytes: Uint8Array };

export type PaperFileDto = {
  id: number;
  page: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  addedBy: string;
  addedAt: Date;
  replacedAt: Date | null;
  replacedBy: string | null;
};

export type CaseDocumentDto = {
  id: number;
  kind: DocumentKind;
  title: string;
  number: string | null;
  issuedOn: string | null;
  onFileReason: string | null;
  addedBy: string;
  addedAt: Date;
  /** Current files in page order. */
  files: PaperFileDto[];
  /** Files replaced since, newest first (kept for the record). */
  replaced: PaperFileDto[];
};

/** A paper counts when it has a current file or a leader's "held on file" reason (SQL, for a where clause on case_documents). */
const counts = or(sql`${caseDocuments.onFileReason} is not null`, sql`exists (select 1 from ${caseDocumentFiles} f where f.document_id = ${caseDocuments.id} and f.replaced_at is null)`);

/** The kinds of paper of case `caseId` that count for the checklist (the caller has found the case in scope). */
export async function countedPaperKinds(tx: Db | Tx, caseId: number): Promise<DocumentKind[]> {
  const rows = await tx
    .select({ kind: caseDocuments.kind })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), counts));
  return [...new Set(rows.map((r) => r.kind))];
}

/** The papers of case `caseId` with their files, oldest paper first (the caller has found the case in scope). */
export async function papersOf(tx: Db | Tx, caseId: number): Promise<CaseDocumentDto[]> {
  const replacer = sql<string | null>`(select u.full_name from users u where u.id = ${caseDocumentFiles.replacedBy})`;
  const [docs, files] = await Promise.all([
    tx
      .select({
        id: caseDocuments.id,
        kind: caseDocuments.kind,
        title: caseDocuments.title,
        number: caseDocuments.number,
        issuedOn: caseDocuments.issuedOn,
        onFileReason: caseDocuments.onFileReason,
        addedBy: users.fullName,
        addedAt: caseDocuments.addedAt,
      })
      .from(caseDocuments)
      .innerJoin(users, eq(users.id, caseDocuments.addedBy))
      .where(eq(caseDocuments.caseId, caseId))
      .orderBy(asc(caseDocuments.id)),
    tx
      .select({
        id: caseDocumentFiles.id,
        documentId: caseDocumentFiles.documentId,
        page: caseDocumentFiles.page,
        fileName: caseDocumentFiles.fileName,
        mimeType: caseDocumentFiles.mimeType,
        sizeBytes: caseDocumentFiles.sizeBytes,
        addedBy: users.fullName,
        addedAt: caseDocumentFiles.addedAt,
        replacedAt: caseDocumentFiles.replacedAt,
        replacedBy: replacer,
      })
      .from(caseDocumentFiles)
      .innerJoin(users, eq(users.id, caseDocumentFiles.addedBy))
      .where(eq(caseDocumentFiles.caseId, caseId))
      .orderBy(asc(caseDocumentFiles.page), asc(caseDocumentFiles.id)),
  ]);
  return docs.map((d) => {
    const own = files.filter((f) => f.documentId === d.id).map(({ documentId: _, ...f }) => f);
    return {
      ...d,
      files: own.filter((f) => !f.replacedAt),
      replaced: own.filter((f) => f.replacedAt).sort((a, b) => b.replacedAt!.getTime() - a.replacedAt!.getTime() || b.id - a.id),
    };
  });
}

/**
 * The unit whose turn it is on the case attaches and replaces papers, of the kinds its own steps
 * from here need (attachablePapers): a paper of another unit's step is refused, naming the kinds
 * it may attach. Errors: forbidden (not the unit's turn), invalid on `kind`.
 */
function assertMayAttach(user: CurrentUser, c: CaseRow, kind: DocumentKind): string {
  const owner = STATE_OWNER[c.state];
  const ownerPath = owner ? unitPaths(c)[owner] : undefined;
  if (!ownerPath || ownerPath !== user.unitPath || !can(user, 'data.edit', ownerPath)) throw forbidden();
  const allowed = attachablePapers(shapeOf(c));
  if (!allowed.includes(kind)) {
    if (!allowed.length) throw forbidden();
    throw new DalError('invalid', 'papers.kindNotThisStep', { kind: 'papers.kindNotThisStepField' }, undefined, undefined, {
      kind: [`doc.${kind}`],
      allowed: allowed.map((k) => `doc.${k}` as const),
    });
  }
  return ownerPath;
}

/** A file name as shown and downloaded: no folders, no control characters, NFC, at most 200 characters. */
function cleanFileName(name: string, mime: PaperMimeType, fallback: string): string {
  const base = name
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(-200);
  return base || `${fallback}.${PAPER_FILE_TYPES[mime]}`;
}

type CheckedFile = { name: string; bytes: Uint8Array; mime: PaperMimeType; sha256: string };

/**
 * Every file checked before anything is written: at least one (unless `optional`), at most
 * MAX_FILES_PER_UPLOAD, together no larger than UPLOAD_MAX_MB, each a PDF, JPEG, PNG or .docx by
 * its content. Errors: invalid, on the field `files`, naming the file.
 */
async function checkFiles(files: UploadedFile[], fallbackName: string, optional: boolean): Promise<CheckedFile[]> {
  const given = files.filter((f) => f.bytes.byteLength > 0 || f.name);
  if (!given.length) {
    if (optional) return [];
    throw invalid('papers.noFile', { files: 'papers.noFile' });
  }
  if (given.length > MAX_FILES_PER_UPLOAD) throw new DalError('invalid', 'papers.tooManyFiles', { files: 'papers.tooManyFiles' }, { max: MAX_FILES_PER_UPLOAD });
  const total = given.reduce((n, f) => n + f.bytes.byteLength, 0);
  const max = maxUploadBytes();
  if (total > max) {
    throw new DalError('invalid', 'papers.tooLarge', { files: 'papers.tooLarge' }, oversizeMegabytes(total, max));
  }
  const out: CheckedFile[] = [];
  for (const f of given) {
    if (!f.bytes.byteLength) throw new DalError('invalid', 'papers.emptyFile', { files: 'papers.emptyFile' }, { name: f.name.normalize('NFC').slice(0, 100) });
    const mime = await detectPaperType(f.bytes);
    if (!mime) throw new DalError('invalid', 'papers.wrongType', { files: 'papers.wrongType' }, { name: f.name.normalize('NFC').slice(0, 100) || '—' });
    out.push({ name: cleanFileName(f.name, mime, fallbackName), bytes: f.bytes, mime, sha256: createHash('sha256').update(f.bytes).digest('hex') });
  }
  return out;
}

/** Writes `files` as the pages of paper `documentId` (pages numbered from 1), bytes through the file store. */
async function storeFiles(tx: Tx, user: CurrentUser, caseId: number, documentId: number, files: CheckedFile[]) {
  const store = fileStore();
  const rows = [];
  for (const [i, f] of files.entries()) {
    const storageKey = await store.put(tx, f.bytes);
    rows.push({ documentId, caseId, page: i + 1, fileName: f.name, mimeType: f.mime, sizeBytes: f.bytes.byteLength, sha256: f.sha256, storageKey, addedBy: user.id, addedAt: now() });
  }
  if (rows.length) await tx.insert(caseDocumentFiles).values(rows);
  return files.map((f) => ({ name: f.name, type: f.mime, bytes: f.bytes.byteLength, sha256: f.sha256 }));
}

export type AttachDocumentInput = {
  caseId: number;
  kind: DocumentKind;
  title: string;
  number?: string;
  issuedOn?: string;
  /** The scanned pages, photos or .docx draft of the paper. */
  files?: UploadedFile[];
  /** Instead of files: a leader's reason for counting the paper, the signed paper being held on file at the unit. */
  onFileReason?: string;
};

/**
 * The unit whose turn it is attaches a paper: its files (checked by content, stored in the same
 * transaction), or, for a leader of that unit, a reason that the paper is held on file there.
 * Errors: not found (out of scope), forbidden (not the unit's turn), invalid (no file, wrong
 * type, too large, a reason typed by someone who is not the unit's leader).
 */
export async function attachDocument(input: AttachDocumentInput): Promise<{ id: number }> {
  const user = await requireUser();
  const reason = input.onFileReason?.trim() || undefined;
  const files = await checkFiles(input.files ?? [], input.kind, Boolean(reason));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockCase(tx, user, input.caseId);
    const ownerPath = assertMayAttach(user, c, input.kind);
    if (reason && !can(user, 'approval.take', ownerPath)) throw invalid('papers.onFileLeaderOnly', { onFileReason: 'papers.onFileLeaderOnly' });
    const [doc] = await tx
      .insert(caseDocuments)
      .values({
        caseId: c.id,
        kind: input.kind,
        title: input.title,
        number: input.number || null,
        issuedOn: input.issuedOn || null,
        onFileReason: files.length ? null : reason,
        addedBy: user.id,
        addedAt: now(),
      })
      .returning({ id: caseDocuments.id });
    const stored = await storeFiles(tx, user, c.id, doc.id, files);
    await writeAudit(tx, {
      actorId: user.id,
      unitId: user.unitId,
      action: 'admission.attach',
      entity: 'admission_case',
      entityId: c.id,
      after: { documentId: doc.id, kind: input.kind, title: input.title, number: input.number, issuedOn: input.issuedOn, onFileReason: files.length ? undefined : reason, files: stored },
    });
    return doc;
  });
}

/**
 * The unit whose turn it is replaces the files of paper `documentId` of case `caseId` with new
 * ones (a better scan, the signed version of a draft). The old files stay, marked replaced, in the
 * paper's history. Errors as attachDocument; a paper of another case is not found.
 */
export async function replacePaperFiles(input: { caseId: number; documentId: number; files: UploadedFile[] }): Promise<void> {
  const user = await requireUser();
  const files = await checkFiles(input.files, 'tep-dinh-kem', false);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, user, input.caseId);
    const [doc] = await tx
      .select({ id: caseDocuments.id, kind: caseDocuments.kind })
      .from(caseDocuments)
      .where(and(eq(caseDocuments.id, input.documentId), eq(caseDocuments.caseId, c.id)))
      .for('update');
    if (!doc) throw notFound();
    assertMayAttach(user, c, doc.kind);
    const old = await tx
      .update(caseDocumentFiles)
      .set({ replacedAt: now(), replacedBy: user.id })
      .where(and(eq(caseDocumentFiles.documentId, doc.id), isNull(caseDocumentFiles.replacedAt)))
      .returning({ id: caseDocumentFiles.id, fileName: caseDocumentFiles.fileName });
    const stored = await storeFiles(tx, user, c.id, doc.id, files);
    await writeAudit(tx, {
      actorId: user.id,
      unitId: user.unitId,
      action: 'admission.replaceFiles',
      entity: 'admission_case',
      entityId: c.id,
      before: { documentId: doc.id, files: old.map((f) => f.fileName) },
      after: { documentId: doc.id, files: stored },
    });
  });
}

export type OpenedFile = { fileName: string; mimeType: string; bytes: Buffer };

/**
 * One file of a paper of case `caseId`, for a user who may see the case; the opening is logged
 * beside openings of the person's record (Decree 13/2023). A forged or out-of-scope id: not found,
 * nothing logged.
 */
export async function openCaseFile(caseId: number, fileId: number): Promise<OpenedFile> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select({ fileName: caseDocumentFiles.fileName, mimeType: caseDocumentFiles.mimeType, storageKey: caseDocumentFiles.storageKey, personId: admissionCases.personId })
    .from(caseDocumentFiles)
    .innerJoin(admissionCases, eq(admissionCases.id, caseDocumentFiles.caseId))
    .where(and(eq(caseDocumentFiles.id, fileId), eq(caseDocumentFiles.caseId, caseId), caseInScope(user)));
  if (!row) throw notFound();
  const [bytes] = await Promise.all([fileStore().get(db, row.storageKey), db.insert(personAccessLog).values({ personId: row.personId, userId: user.id, fileId })]);
  if (!bytes) throw notFound();
  return { fileName: row.fileName, mimeType: row.mimeType, bytes };
}
