import Link from 'next/link';

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
