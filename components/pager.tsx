import Link from 'next/link';
import { shownPageNumber } from '@/lib/page';

export type PagerText = { nav: string; status: string; first: string; prev: string; next: string };

/**
 * "« Trang đầu · ← Trang trước · Trang 3, 101–150 trong 1.234 · Trang sau →" under a list paged
 * by cursor. Each link keeps the list's filters (`params`) and carries the page number `n` for
 * display only. Nothing when everything fits on one page.
 */
export function Pager({
  page,
  path,
  params,
  n,
  text,
  testId = 'pager',
}: {
  page: { next: string | null; prev: string | null };
  path: string;
  params: Record<string, string | undefined>;
  n: number;
  text: PagerText;
  testId?: string;
}) {
  const kept = Object.fromEntries(Object.entries(params).filter(([k, v]) => v && !['after', 'before', 'n'].includes(k) && !k.endsWith('Label'))) as Record<string, string>;
  const href = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...kept, ...extra }).toString();
    return query ? `${path}?${query}` : path;
  };
  const link = 'rounded-md px-2 py-1 text-red-800 underline underline-offset-2 hover:bg-red-50';
  if (!page.next && !page.prev) {
    // A page reached by a link whose rows have since gone (moved, or a stale link): a way back to the start.
    return params.after || params.before ? (
      <nav className="flex justify-center text-sm" aria-label={text.nav} data-testid={testId}>
        <Link href={href({})} className={link} data-testid={`${testId}-first`}>
          {text.first}
        </Link>
      </nav>
    ) : null;
  }
  const at = shownPageNumber(page, n);
  return (
    <nav className="flex flex-wrap items-center justify-center gap-x-4 gap-y-2 text-sm" aria-label={text.nav} data-testid={testId}>
      {page.prev ? (
        <>
          <Link href={href({})} className={link} data-testid={`${testId}-first`}>
            {text.first}
          </Link>
          <Link href={href({ before: page.prev, n: String(at - 1) })} className={link} rel="prev" data-testid={`${testId}-prev`}>
            {text.prev}
          </Link>
        </>
      ) : null}
      <span aria-current="page" data-testid={`${testId}-status`}>
        {text.status}
      </span>
      {page.next ? (
        <Link href={href({ after: page.next, n: String(at + 1) })} className={link} rel="next" data-testid={`${testId}-next`}>
          {text.next}
        </Link>
      ) : null}
    </nav>
  );
}
