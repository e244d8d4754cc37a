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

/**
 * An oversized upload's weight and the limit, in MB as written in Vietnamese (decimal comma), for
 * the "too large" message. The weight is rounded up, so a file just over the limit never reads as
 * the limit itself ("nặng 20 MB, tối đa 20 MB"); the limit is shown as configured.
 */
export function oversizeMegabytes(totalBytes: number, maxBytes: number): { size: string; max: string } {
  const MB = 1024 * 1024;
  const format = (n: number, digits: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits });
  const max = format(maxBytes / MB, 2);
  for (const digits of [1, 2, 3]) {
    const up = Math.ceil((totalBytes / MB) * 10 ** digits) / 10 ** digits;
    const size = format(up, digits);
    if (size !== max) return { size, max };
  }
  return { size: format(totalBytes / MB, 6), max };
}
