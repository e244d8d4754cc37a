'use client';

import { useActionState, useEffect, useState, type FormEvent } from 'react';
import { importAction, type ImportState } from './actions';

type L = Record<string, string>;

/**
 * Upload one .xlsx; a file over `maxBytes` is refused here, before it is sent; while the server
 * reads it, the size and the seconds elapsed are shown; then the outcome or the report of every
 * rejected cell.
 */
export function ImportForm({ kind, l, maxBytes }: { kind: 'enterprises' | 'members' | 'units'; l: L; maxBytes: number }) {
  const [state, action, pending] = useActionState<ImportState, FormData>(importAction, { ok: false });
  const [tooBig, setTooBig] = useState(false);
  const [sending, setSending] = useState<{ size: number; started: number } | null>(null);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!pending || !sending) return;
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - sending.started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [pending, sending]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > maxBytes) {
      e.preventDefault();
      setTooBig(true);
      return;
    }
    setTooBig(false);
    setSeconds(0);
    setSending(file ? { size: file.size, started: Date.now() } : null);
  };
  const megabytes = sending ? (sending.size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) : '';
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-3" data-testid={`import-${kind}`}>
      <input type="hidden" name="kind" value={kind} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{l.file}</span>
        <input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required className="block w-full text-sm" />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
          {pending ? l.pending : l.submit}
        </button>
        {pending ? (
          <span className="flex items-center gap-2 text-sm text-stone-600" role="status">
            <span className="h-4 w-4 animate-spin rounded-full border-2 border-red-800 border-t-transparent" aria-hidden />
            {l.reading}
            {sending ? <span className="tabular-nums">{l.progress.replace('{size}', megabytes).replace('{seconds}', String(seconds))}</span> : null}
          </span>
        ) : null}
      </div>
      {pending ? (
        <div className="h-1 w-full overflow-hidden rounded bg-stone-200" aria-hidden>
          <div className="h-1 w-1/3 animate-pulse rounded bg-red-800" />
        </div>
      ) : null}
      {tooBig ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900" data-testid="import-message">
          {l.tooBig}
        </p>
      ) : null}
      {!pending && !tooBig && state.message ? (
        <p role="status" aria-live="polite" className={`rounded-md p-3 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`} data-testid="import-message">
          {state.message}
        </p>
      ) : null}
      {!pending && state.report?.length ? (
        // On a phone each error is a block (row, column, value, then the reason in full width).
        <ol className="max-h-96 space-y-2 overflow-auto sm:hidden" data-testid="import-report-list">
          {state.report.map((e, i) => (
            <li key={i} className="rounded-md border border-stone-200 bg-white p-2 text-sm">
              <div className="flex flex-wrap gap-x-2 text-xs text-stone-600">
                <span className="font-semibold tabular-nums text-stone-900">
                  {l.row} {e.row}
                </span>
                <span>{e.column}</span>
                {e.value ? <span className="break-all font-mono">“{e.value}”</span> : null}
              </div>
              <p className="mt-1">{e.reason}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {!pending && state.report?.length ? (
        <div className="hidden max-h-96 overflow-auto rounded-lg border border-stone-200 bg-white sm:block">
          <table className="min-w-full text-sm" data-testid="import-report">
            <thead className="sticky top-0 bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
              <tr>
                <th className="px-3 py-2">{l.row}</th>
                <th className="px-3 py-2">{l.column}</th>
                <th className="px-3 py-2">{l.value}</th>
                <th className="px-3 py-2">{l.reason}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {state.report.map((e, i) => (
                <tr key={i}>
                  <td className="px-3 py-1 tabular-nums">{e.row}</td>
                  <td className="px-3 py-1">{e.column}</td>
                  <td className="px-3 py-1 font-mono text-xs">{e.value}</td>
                  <td className="px-3 py-1">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
