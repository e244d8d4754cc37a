import type { Metadata } from 'next';
import { listAudit } from '@/lib/dal/audit';
import { formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { cleanParams, orNotFound, pageParams, pagerText } from '@/lib/page';
import { Pager } from '@/components/pager';

export const metadata: Metadata = { title: 'Nhật ký thay đổi' };

function compact(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string; n?: string }> }) {
  const p = cleanParams(await searchParams);
  const { request, n } = pageParams(p);
  const page = await orNotFound(listAudit(request));
  const entries = page.items;
  const t = await getT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('audit.title')}</h1>
      <p className="text-sm text-stone-600">{t('audit.help')}</p>
      {entries.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">{t('audit.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-sm" data-testid="audit-table">
            <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
              <tr>
                <th className="px-3 py-2">{t('audit.col.at')}</th>
                <th className="px-3 py-2">{t('audit.col.actor')}</th>
                <th className="px-3 py-2">{t('audit.col.action')}</th>
                <th className="px-3 py-2">{t('audit.col.unit')}</th>
                <th className="px-3 py-2">{t('audit.col.change')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 align-top">
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(e.at)}</td>
                  <td className="px-3 py-2">{e.actorName ?? '—'}</td>
                  <td className="px-3 py-2">
                    {e.action.startsWith('admission.') && !['admission.create', 'admission.attach'].includes(e.action)
                      ? t(`transition.${e.action.slice('admission.'.length)}` as MessageKey)
                      : t(`audit.action.${e.action}` as MessageKey)}
                  </td>
                  <td className="px-3 py-2">{e.unitName}</td>
                  <td className="max-w-md break-all px-3 py-2 font-mono text-xs text-stone-600">
                    {e.before ? <div className="text-red-800">− {compact(e.before)}</div> : null}
                    {e.after ? <div className="text-green-800">+ {compact(e.after)}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} path="/audit" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
