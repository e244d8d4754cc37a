import { Disclosure } from '@/components/page-chrome';
import type { DocumentKind } from '@/lib/admission/workflow';
import type { CaseDetail } from '@/lib/dal/admission';
import type { PaperFileDto } from '@/lib/dal/papers';
import { INLINE_TYPES, maxUploadBytes, PAPER_ACCEPT } from '@/lib/files/types';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import type { T } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { AttachForm, ReplaceFilesForm, type PaperFormText } from '../case-forms';

/** "1,2 MB", "830 KB". */
function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function FileLink({ caseId, f, t }: { caseId: number; f: PaperFileDto; t: T }) {
  const href = `/cases/${caseId}/files/${f.id}`;
  const inline = (INLINE_TYPES as readonly string[]).includes(f.mimeType);
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <a href={inline ? href : `${href}?download=1`} target={inline ? '_blank' : undefined} rel="noopener" className="break-all text-red-800 underline" data-testid="paper-file">
        {f.fileName}
      </a>
      <span className="text-xs text-stone-500">
        {size(f.sizeBytes)} · {inline ? t('papers.open') : t('papers.download')}
      </span>
    </span>
  );
}

/** Paper kinds with those the offered steps still need first (what the officer is most likely attaching). */
function neededFirst(c: CaseDetail): DocumentKind[] {
  const needed = new Set(Object.values(c.missingPapers).flat());
  return [...c.attachableKinds.filter((k) => needed.has(k)), ...c.attachableKinds.filter((k) => !needed.has(k))];
}

/** The case's papers: each with its files (opened in the browser), who attached them and when, the replaced ones kept; the attach and replace forms for the unit whose turn it is. */
export function PapersSection({ c, t, l }: { c: CaseDetail; t: T; l: Record<string, string> }) {
  const maxBytes = maxUploadBytes();
  const p: PaperFormText = {
    files: t('papers.files'),
    filesHint: t('papers.filesHint', { max: formatNumber(Math.round(maxBytes / 1024 / 1024)) }),
    onFileReason: t('papers.onFileReason'),
    onFileHint: t('papers.onFileHint'),
    tooLargeHere: t('papers.tooLargeHere', { max: formatNumber(Math.round(maxBytes / 1024 / 1024)) }),
    accept: PAPER_ACCEPT,
    maxBytes,
  };
  return (
    <section>
      <h2 className="mb-3 text-lg font-semibold">{t('case.documents')}</h2>
      {c.documents.length === 0 ? (
        <p className="text-sm text-stone-600">{t('case.documentsEmpty')}</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="case-documents">
          {c.documents.map((d) => (
            <li key={d.id} className="space-y-1 px-4 py-3" data-testid="case-paper">
              <div>
                <span className="font-medium">{t(`doc.${d.kind}` as MessageKey)}</span>
                {d.title !== t(`doc.${d.kind}` as MessageKey) ? ` — ${d.title}` : ''}
                {d.number ? ` · ${d.number}` : ''}
                {d.issuedOn ? ` · ${formatDate(d.issuedOn)}` : ''}
              </div>
              {d.files.length ? (
                <ol className="space-y-1">
                  {d.files.map((f) => (
                    <li key={f.id}>
                      {d.files.length > 1 ? <span className="mr-2 text-stone-500">{t('papers.page', { n: f.page })}:</span> : null}
                      <FileLink caseId={c.id} f={f} t={t} />
                    </li>
                  ))}
                </ol>
              ) : d.onFileReason ? (
                <p className="rounded bg-stone-50 px-2 py-1 text-stone-700" data-testid="paper-on-file">
                  {t('papers.onFile', { reason: d.onFileReason })}
                </p>
              ) : (
                <p className="text-amber-800">{t('papers.noFileYet')}</p>
              )}
              <p className="text-xs text-stone-500">{t('papers.addedBy', { name: d.files[0]?.addedBy ?? d.addedBy, at: formatDateTime(d.files[0]?.addedAt ?? d.addedAt) })}</p>
              {d.replaced.length ? (
                <details className="text-xs text-stone-600">
                  <summary className="cursor-pointer">{t('papers.replaced', { n: d.replaced.length })}</summary>
                  <ul className="mt-1 space-y-1">
                    {d.replaced.map((f) => (
                      <li key={f.id}>
                        <FileLink caseId={c.id} f={f} t={t} /> <span>({t('papers.replacedBy', { at: formatDateTime(f.replacedAt), name: f.replacedBy ?? '—' })})</span>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {c.attachableKinds.includes(d.kind) ? (
                <details className="no-print">
                  <summary className="cursor-pointer text-xs font-semibold text-red-900">{t('papers.replace')}</summary>
                  <div className="mt-2">
                    <ReplaceFilesForm l={l} p={p} caseId={c.id} documentId={d.id} submitLabel={t('papers.replace')} />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {c.canAttach ? (
        <Disclosure title={t('case.attach')} className="no-print mt-3">
          <AttachForm
            l={l}
            p={p}
            caseId={c.id}
            canRecordOnFile={c.canRecordOnFile}
            kinds={[{ value: '', label: '—' }, ...neededFirst(c).map((k) => ({ value: k, label: t(`doc.${k}` as MessageKey) }))]}
          />
        </Disclosure>
      ) : null}
    </section>
  );
}
