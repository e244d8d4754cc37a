import { INLINE_TYPES, type PaperMimeType } from './types';

/**
 * A file as an HTTP response: opened in the browser (`inline`, for PDF and images) or saved
 * (`attachment`), under its own name: RFC 6266's `filename*` in UTF-8 for Vietnamese names and an
 * ASCII `filename` (diacritics dropped) for older clients. Never cached, never sniffed.
 */
export function fileResponse(bytes: Uint8Array, opts: { fileName: string; mimeType: string; download?: boolean }): Response {
  const inline = !opts.download && (INLINE_TYPES as readonly string[]).includes(opts.mimeType as PaperMimeType);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': opts.mimeType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', opts.fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** `inline; filename="Don-xin-vao-Dang.pdf"; filename*=UTF-8''%C4%90%C6%A1n…` */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  // RFC 5987's attr-char leaves out ' ( ) * too, which encodeURIComponent keeps.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
