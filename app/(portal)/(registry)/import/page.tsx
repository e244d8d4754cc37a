import type { Metadata } from 'next';
import { importableKinds } from '@/lib/dal/imports';
import { getT } from '@/lib/i18n/server';
import { IMPORT_LIMITS } from '@/lib/registry/import';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Nhập từ Excel' };

export default async function ImportPage() {
  const [kinds, t] = await Promise.all([importableKinds(), getT()]);
  const l = {
    file: t('import.file'),
    submit: t('import.submit'),
    pending: t('form.pending'),
    reading: t('import.reading'),
    progress: t('import.progress'),
    tooBig: t('import.tooBig'),
    row: t('import.col.row'),
    column: t('import.col.column'),
    value: t('import.col.value'),
    reason: t('import.col.reason'),
  };
  const allowed = kinds.length > 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-red-900">{t('import.title')}</h1>
      <p className="text-sm text-stone-600">{t('import.help')}</p>
      {!allowed ? (
        <p className="rounded-md bg-amber-50 p-4 text-sm text-amber-950">{t('import.readOnly')}</p>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          {kinds.map((kind) => (
            <section key={kind} className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <h2 className="text-lg font-semibold text-red-900">{t(`import.kind.${kind}`)}</h2>
              <a href={`/import/template/${kind}`} className="inline-block text-sm text-red-800 underline" data-testid={`template-${kind}`}>
                {t('import.template')}
              </a>
              <ImportForm kind={kind} l={l} maxBytes={IMPORT_LIMITS.bytes} />
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
