import { fileTypeFromBuffer } from 'file-type';

/**
 * The kinds of file a paper may have, told by their content (magic bytes; for .docx, the parts
 * inside the zip), never by the name or the browser's claim: an .exe renamed .pdf is refused.
 */
export const PAPER_FILE_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;
export type PaperMimeType = keyof typeof PAPER_FILE_TYPES;

/** Types a browser shows by itself (opened inline; the others are downloaded). */
export const INLINE_TYPES: readonly PaperMimeType[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** The `accept` attribute of a file input for papers (a hint to the picker; the server checks the content). */
export const PAPER_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The paper type of `bytes`, or null when it is none of PAPER_FILE_TYPES. */
export async function detectPaperType(bytes: Uint8Array): Promise<PaperMimeType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return found && found.mime in PAPER_FILE_TYPES ? (found.mime as PaperMimeType) : null;
}

/** The largest file a paper may have, in bytes: UPLOAD_MAX_MB (default 20 MB). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.UPLOAD_MAX_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 20) * 1024 * 1024);
}
