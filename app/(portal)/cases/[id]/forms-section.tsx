import Link from 'next/link';
import type { State } from '@/lib/admission/states';
import { formsFor } from '@/lib/forms/reachable';
import { getT } from '@/lib/i18n/server';

/**
 * The official forms a case can have drafted at its stage, as download links (.docx), and the
 * link to the case's print view. The routes check scope and stage again: this only lists.
 */
export async function FormsSection({ caseId, state, hasCommittee }: { caseId: number; state: State; hasCommittee: boolean }) {
  const t = await getT();
  const forms = formsFor(state, hasCommittee);
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="forms-title" data-testid="forms-section">
      <h2 id="forms-title" className="font-semibold text-red-900">
        {t('forms.section.title')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{forms.length ? t('forms.section.help') : t('forms.section.none')}</p>
      {forms.length ? (
        <ul className="mt-3 space-y-1.5 text-sm">
          {forms.map((form) => (
            <li key={form}>
              <a href={`/cases/${caseId}/forms/${form}`} download className="text-red-800 underline" data-testid={`form-${form}`}>
                {t('forms.download', { title: t(`forms.kind.${form}`) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3 text-sm">
        <Link href={`/cases/${caseId}/print`} className="text-red-800 underline" data-testid="case-print-link">
          {t('forms.print')}
        </Link>
      </p>
    </section>
  );
}
