import Link from 'next/link';

/** "← Previous · Page 2 of 7 · Next →" under a paged list (nothing when there is one page). */
export function Pager({ page, pages, href, labels }: { page: number; pages: number; href: (n: number) => string; labels: { page: string; prev: string; next: string } }) {
  if (pages <= 1) return null;
  return (
    <nav className="flex items-center justify-center gap-4 text-sm" aria-label={labels.page}>
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-red-800 underline">
          {labels.prev}
        </Link>
      ) : null}
      <span>{labels.page}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className="text-red-800 underline">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
