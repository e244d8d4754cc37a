import 'server-only';
import { notFound } from 'next/navigation';
import { DalError } from '@/lib/dal/errors';
import { PAGE_SIZE, type Page } from '@/lib/dal/paging';
import { formatNumber } from '@/lib/format';
import { oneLine, parseDate } from '@/lib/validation';
import type { T } from '@/lib/i18n/server';
import type { PagerText } from '@/components/pager';
import type { PickerLabels } from '@/components/search-picker';

/** Await a data-layer read; anything out of scope (or not readable) renders "not found". */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof DalError && (err.code === 'not_found' || err.code === 'forbidden')) notFound();
    throw err;
  }
}

/**
 * A page's search parameters as plain strings: the first of a repeated parameter (?q=a&q=b),
 * control characters (NUL, which PostgreSQL refuses in text) removed, at most 500 characters
 * (a search or a cursor is never longer). Every page reads its search parameters through this,
 * and those that are not free text with lib/validation's `parseParams`.
 */
export function cleanParams<K extends string>(raw: Partial<Record<K, string | string[] | undefined>>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [k, v] of Object.entries(raw) as [K, string | string[] | undefined][]) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = oneLine(first).slice(0, 500);
  }
  return out;
}

/** A positive integer id from a route segment, or "not found". */
export function idParam(raw: string): number {
  const n = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) notFound();
  return n;
}

/** A list's period from ?from= and ?to= as typed (dd/mm/yyyy or yyyy-mm-dd): the ISO days, and what could not be read. */
export function periodParams(p: { from?: string; to?: string }): { from?: string; to?: string; unread: string[] } {
  const read = (raw?: string) => (raw?.trim() ? (parseDate(raw) ?? null) : undefined);
  const from = read(p.from);
  const to = read(p.to);
  return {
    from: from ?? undefined,
    to: to ?? undefined,
    unread: [from === null ? p.from! : null, to === null ? p.to! : null].filter((x): x is string => x !== null),
  };
}

/** The cursor of a paged list and the page number shown (from ?after=, ?before=, ?n=). */
export function pageParams(p: { after?: string; before?: string; n?: string }): { request: { after?: string; before?: string }; n: number } {
  const n = Number(p.n);
  const cursor = p.after || p.before ? { after: p.after || undefined, before: p.after ? undefined : p.before || undefined } : {};
  return { request: cursor, n: cursor.after || cursor.before ? (Number.isInteger(n) && n >= 1 && n < 1_000_000 ? n : 2) : 1 };
}

/** The page number to show: 1 on the first page whatever the link said (going back reaches it by cursor), at least 2 on any other. */
export function shownPageNumber(page: { prev: string | null }, n: number): number {
  return page.prev ? Math.max(2, n) : 1;
}

/** A list's total as people read it: "1.234", or "hơn 10.000" when it was only counted that far. */
export function totalText(t: T, page: { total: number | null; totalCapped: boolean }): string {
  if (page.total === null) return '';
  return page.totalCapped ? t('list.moreThan', { n: formatNumber(page.total) }) : formatNumber(page.total);
}

/** The words of a <Pager> for page `n` of `page` (page sizes are PAGE_SIZE). */
export function pagerText(t: T, page: Page<unknown>, shown: number): PagerText {
  // The page number comes from the link: never past the last page of an exactly counted list.
  const last = page.total !== null && !page.totalCapped ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : Infinity;
  const n = Math.min(shownPageNumber(page, shown), last);
  const from = (n - 1) * PAGE_SIZE + 1;
  const to = from + Math.max(0, page.items.length - 1);
  const total = totalText(t, page);
  return {
    nav: t('pager.page', { page: n }),
    status: total ? `${t('pager.page', { page: n })} · ${t('pager.range', { from: formatNumber(from), to: formatNumber(to), total })}` : t('pager.page', { page: n }),
    first: t('pager.first'),
    prev: t('pager.prev'),
    next: t('pager.next'),
  };
}

/** The words of a <SearchPicker>. */
export function pickerLabels(t: T): PickerLabels {
  return {
    searching: t('pick.searching'),
    none: t('pick.none'),
    results: t('pick.results', { n: '{n}' }),
    failed: t('pick.failed'),
    clear: t('pick.clear'),
    placeholder: t('pick.placeholder'),
    expired: t('pick.expired'),
    unchosen: t('pick.unchosen', { text: '{text}' }),
  };
}
