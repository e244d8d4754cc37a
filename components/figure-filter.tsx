import Link from 'next/link';
import type { T } from '@/lib/i18n/server';

/** The banner over a list opened from a report figure: what the figure counted, and a way back to the whole list. */
export function FigureFilter({ text, clearHref, clearLabel, testId = 'figure-filter' }: { text: string; clearHref: string; clearLabel: string; testId?: string }) {
  return (
    <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid={testId}>
      {text}{' '}
      <Link href={clearHref} className="underline">
        {clearLabel}
      </Link>
    </p>
  );
}

/**
 * The last row of a list's filter form: apply, a way back to the unfiltered list while a filter is
 * on (`clearHref`), and the count of what the filter found. `span` is the row's grid column span.
 */
export function FilterActions({ span, t, clearHref, count, countTestId }: { span: string; t: T; clearHref?: string; count: string; countTestId: string }) {
  return (
    <div className={`flex flex-wrap items-center gap-3 ${span}`}>
      <button className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white">{t('enterprises.filter.apply')}</button>
      {clearHref ? (
        <Link href={clearHref} className="text-sm text-red-800 underline">
          {t('enterprises.filter.clear')}
        </Link>
      ) : null}
      <span className="ml-auto text-sm text-stone-600" data-testid={countTestId}>
        {count}
      </span>
    </div>
  );
}

/** The look of a list filter's inputs and selects. */
export const FILTER_INPUT = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm';

/** One select of a list's filter form: "`label`: Tất cả" (no filter), then `options`. */
export function FilterSelect({ name, label, value, options, t }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[]; t: T }) {
  return (
    <select name={name} defaultValue={value ?? ''} aria-label={label} className={FILTER_INPUT}>
      <option value="">
        {label}: {t('enterprises.filter.all')}
      </option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
