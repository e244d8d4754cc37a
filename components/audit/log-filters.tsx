import Link from 'next/link';
import type { ReactNode } from 'react';

const input = 'w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-normal';

/**
 * The filter line of a log (a GET form: the filter is in the address, so it can be shared and
 * paged): the pickers and selects it is given, then the period as typed (dd/mm/yyyy).
 */
export function LogFilters({
  children,
  from,
  to,
  unread,
  clearHref,
  filtered,
  text,
  testId,
}: {
  children: ReactNode;
  from?: string;
  to?: string;
  /** Dates that could not be read (said beside the period). */
  unread: string[];
  clearHref: string;
  filtered: boolean;
  text: { from: string; to: string; placeholder: string; apply: string; clear: string; unread: (text: string) => string };
  testId: string;
}) {
  return (
    <form className="grid gap-2 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3" role="search" data-testid={testId}>
      {children}
      <div className="grid grid-cols-2 gap-2">
        <label className="block text-sm font-medium text-stone-800">
          <span className="mb-1 block">{text.from}</span>
          <input name="from" defaultValue={from} placeholder={text.placeholder} inputMode="numeric" maxLength={10} className={input} data-testid={`${testId}-from`} />
        </label>
        <label className="block text-sm font-medium text-stone-800">
          <span className="mb-1 block">{text.to}</span>
          <input name="to" defaultValue={to} placeholder={text.placeholder} inputMode="numeric" maxLength={10} className={input} data-testid={`${testId}-to`} />
        </label>
      </div>
      {unread.length ? (
        <p className="text-sm text-red-800 sm:col-span-2 lg:col-span-3" role="status">
          {unread.map(text.unread).join(' ')}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <button className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white">{text.apply}</button>
        {filtered ? (
          <Link href={clearHref} className="text-sm text-red-800 underline">
            {text.clear}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
