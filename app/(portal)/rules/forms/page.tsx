import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { connection } from 'next/server';
import { today } from '@/lib/clock';
import { listFormTemplates } from '@/lib/dal/forms';
import { formatDate, formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { TemplateUploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Mẫu văn bản' };

/** The official forms' templates: the one in force for each, the replacements on record, and (for the national administrator) an upload. */
export default async function FormTemplatesPage() {
  await connection();
  const [{ forms, canManage }, t] = await Promise.all([listFormTemplates(), getT()]);
  return (
    <div className="space-y-6">
      <div>
        <BackLink href="/rules">{t('rules.title')}</BackLink>
        <h1 className="mt-2 text-2xl font-bold text-red-900">{t('forms.admin.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">{t('forms.admin.help')}</p>
      </div>
      <div className="space-y-4" data-testid="form-templates">
        {forms.map(({ form, versions, inForceId }) => (
          <section key={form} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid={`templates-${form}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold text-red-900">{t(`forms.kind.${form}`)}</h2>
              <a href={`/rules/forms/${form}`} download className="text-sm text-red-800 underline" data-testid={`template-in-force-${form}`}>
                {t('forms.admin.downloadInForce')}
              </a>
            </div>
            {versions.length ? (
              <div className="mt-3 overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead className="text-left text-xs uppercase tracking-wide text-stone-600">
                    <tr>
                      <th className="py-1 pr-4">{t('forms.admin.effectiveFrom')}</th>
                      <th className="py-1 pr-4">{t('forms.admin.fileName')}</th>
                      <th className="py-1 pr-4">{t('forms.admin.note')}</th>
                      <th className="py-1 pr-4">{t('forms.admin.addedBy')}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100 align-top">
                    {versions.map((v) => (
                      <tr key={v.id}>
                        <td className="whitespace-nowrap py-1.5 pr-4 tabular-nums">
                          {formatDate(v.effectiveFrom)}
                          {inForceId === v.id ? <span className="ml-2 rounded bg-green-50 px-2 py-0.5 text-xs text-green-800">{t('forms.admin.inForce')}</span> : null}
                        </td>
                        <td className="py-1.5 pr-4">
                          <a href={`/rules/forms/${form}?version=${v.id}`} download className="text-red-800 underline">
                            {v.fileName}
                          </a>
                        </td>
                        <td className="py-1.5 pr-4 text-stone-700">{v.note ?? ''}</td>
                        <td className="py-1.5 pr-4 text-stone-700">
                          {v.createdBy} · {formatDateTime(v.createdAt)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <p className="mt-2 text-sm text-stone-600">
              {inForceId === null ? (
                <>
                  <span className="rounded bg-green-50 px-2 py-0.5 text-xs text-green-800">{t('forms.admin.inForce')}</span> {t('forms.admin.shipped')}
                  {versions.length ? '' : ` — ${t('forms.admin.noVersions')}`}
                </>
              ) : null}
            </p>
          </section>
        ))}
      </div>
      {canManage ? (
        <section className="no-print rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold text-red-900">{t('forms.admin.uploadTitle')}</h2>
          <TemplateUploadForm
            forms={forms.map(({ form }) => ({ value: form, label: t(`forms.kind.${form}`) }))}
            today={formatDate(today())}
            labels={{
              submit: t('forms.admin.upload'),
              pending: t('form.pending'),
              confirm: t('form.confirm'),
              cancel: t('form.cancel'),
              confirmTitle: t('form.confirmTitle'),
              form: t('forms.admin.form'),
              effectiveFrom: t('forms.admin.effectiveFrom'),
              file: t('forms.admin.file'),
              note: t('forms.admin.note'),
              tooLarge: t('forms.tooLarge'),
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
