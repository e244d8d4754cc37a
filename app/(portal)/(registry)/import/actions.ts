'use server';

import { revalidatePath } from 'next/cache';
import { DalError } from '@/lib/dal/errors';
import { importRows, IMPORT_MAX_ROWS } from '@/lib/dal/imports';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { IMPORT_KINDS, type ImportKind } from '@/lib/registry/import';
import { readWorkbook } from '@/lib/registry/import-xlsx';

export type ImportState = {
  ok: boolean;
  message?: string;
  report?: { row: number; column: string; value: string; reason: string }[];
};

const MAX_BYTES = 10 * 1024 * 1024;

/** Read the uploaded .xlsx, validate every row, and import all of it or nothing. */
export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const t = await getT();
  const kind = String(formData.get('kind')) as ImportKind;
  const file = formData.get('file');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return { ok: false, message: t('errors.invalidChoice') };
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: t('import.noFile') };
  if (file.size > MAX_BYTES) return { ok: false, message: t('import.tooBig') };
  const { rows, missingHeaders, unreadable } = await readWorkbook(await file.arrayBuffer(), kind);
  if (unreadable) return { ok: false, message: t('import.unreadable') };
  try {
    const result = await importRows(kind, rows, missingHeaders);
    if (result.ok) {
      revalidatePath('/', 'layout');
      return { ok: true, message: t('import.done', { n: result.created.toLocaleString('vi-VN'), seconds: (result.ms / 1000).toFixed(1) }) };
    }
    if (result.missingHeaders.length) return { ok: false, message: t('import.missingHeaders', { headers: result.missingHeaders.join(', ') }) };
    if (result.rows === 0) return { ok: false, message: t('import.empty') };
    if (result.tooMany) return { ok: false, message: t('import.tooMany', { max: IMPORT_MAX_ROWS.toLocaleString('vi-VN') }) };
    return {
      ok: false,
      message: t('import.rejected', { errors: result.errors.length, rows: new Set(result.errors.map((e) => e.row)).size, total: result.rows }),
      report: result.errors.slice(0, 1000).map((e) => ({ row: e.row, column: e.column, value: e.value, reason: t(`import.err.${e.reason}` as MessageKey, e.params) })),
    };
  } catch (err) {
    if (err instanceof DalError) return { ok: false, message: t(err.key, err.params) };
    console.error('import failed', err);
    return { ok: false, message: t('errors.unexpected') };
  }
}
