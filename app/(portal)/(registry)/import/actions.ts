'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { importFile } from '@/lib/dal/imports';
import type { T } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { IMPORT_KINDS, IMPORT_LIMITS, type ImportKind } from '@/lib/registry/import';

export type ImportState = ActionState & {
  report?: { row: number; column: string; value: string; reason: string }[];
};

/** The kind of register and the .xlsx file: what is wrong with either is said above the form (it has no fields to mark). */
const importSchema = z.looseObject({ kind: z.unknown(), file: z.unknown() }).transform((form, ctx) => {
  const refuse = (message: MessageKey) => {
    ctx.addIssue({ code: 'custom', message, path: [] });
    return z.NEVER;
  };
  const kind = String(form.kind) as ImportKind;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return refuse('errors.invalidChoice');
  if (!(form.file instanceof File) || form.file.size === 0) return refuse('import.noFile');
  if (form.file.size > IMPORT_LIMITS.bytes) return refuse('import.tooBig');
  return { kind, file: form.file };
});

/** Read the uploaded .xlsx, validate every row, and import all of it or nothing. */
export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const state = await runAction(importSchema, formData, async ({ kind, file }) => importFile(kind, await file.arrayBuffer()), importState);
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}

/** What the form shows for the import's outcome: the rows created, why the file was not read, or the rows refused. */
function importState(result: Awaited<ReturnType<typeof importFile>>, t: T): ImportState {
  if (result.ok) {
    return { ok: true, message: t('import.done', { n: result.created.toLocaleString('vi-VN'), seconds: (result.ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) }) };
  }
  if ('problem' in result) {
    const n = (x: number) => x.toLocaleString('vi-VN');
    switch (result.problem) {
      case 'unreadable':
        return { ok: false, message: t('import.unreadable') };
      case 'busy':
        return { ok: false, message: t('import.busy') };
      case 'tooLarge':
        return { ok: false, message: t('import.tooLarge', { size: n(result.megabytes), max: n(IMPORT_LIMITS.uncompressedBytes / 1024 / 1024) }) };
      case 'tooManyRows':
        return { ok: false, message: t('import.tooMany', { max: n(IMPORT_LIMITS.rows) }) };
      case 'tooManyCells':
        return { ok: false, message: t('import.tooManyCells', { max: n(IMPORT_LIMITS.cells) }) };
      case 'tooSlow':
        return { ok: false, message: t('import.tooSlow', { seconds: n(IMPORT_LIMITS.seconds) }) };
      case 'noHeaderRow':
        return { ok: false, message: t('import.noHeaderRow', { rows: IMPORT_LIMITS.headerSearchRows, expected: result.expected.join(', ') }) };
      case 'missingHeaders':
        return { ok: false, message: t('import.missingHeaders', { sheet: result.sheet, missing: result.missing.join(', '), found: result.found.join(', ') }) };
      case 'empty':
        return { ok: false, message: t('import.empty', { sheet: result.sheet }) };
    }
  }
  if (result.rows > IMPORT_LIMITS.rows) return { ok: false, message: t('import.tooMany', { max: IMPORT_LIMITS.rows.toLocaleString('vi-VN') }) };
  return {
    ok: false,
    message: t('import.rejected', { errors: result.errors.length, rows: new Set(result.errors.map((e) => e.row)).size, total: result.rows }),
    report: result.errors.slice(0, 1000).map((e) => ({ row: e.row, column: e.column, value: e.value, reason: t(`import.err.${e.reason}` as MessageKey, e.params) })),
  };
}
