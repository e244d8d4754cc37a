import Link from 'next/link';
import type { ReactNode } from 'react';

/** "← Danh sách" above a page: the way back to the list it belongs to (`arrow={false}` where the label carries its own). */
export function BackLink({ href, children, arrow = true }: { href: string; children: ReactNode; arrow?: boolean }) {
  return (
    <Link href={href} className="text-sm text-red-800 underline">
      {arrow ? <>← {children}</> : children}
    </Link>
  );
}

const BADGE = {
  amber: 'rounded bg-amber-50 px-2 py-0.5 text-sm text-amber-900 ring-1 ring-amber-200',
  stone: 'rounded bg-stone-100 px-2 py-0.5 text-sm ring-1 ring-stone-200',
} as const;

/** A record's state beside its name: amber while it moves through a procedure, grey for a standing status. */
export type Badge = { tone: keyof typeof BADGE; text: string; testId?: string };

/**
 * The white card at the top of a record's page: its name as the page's heading, with its state
 * (`badge`, then `beside`) next to it, `subtitle` under it, then `children` (banners, a definition
 * list).
 */
export function DetailHeader({
  title,
  titleTestId,
  badge,
  beside,
  subtitle,
  children,
}: {
  title: ReactNode;
  titleTestId?: string;
  badge?: Badge;
  beside?: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  const heading = (
    <h1 className="text-2xl font-bold text-red-900" data-testid={titleTestId}>
      {title}
    </h1>
  );
  return (
    <header className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      {badge || beside ? (
        <div className="flex flex-wrap items-center gap-3">
          {heading}
          {badge ? (
            <span className={BADGE[badge.tone]} data-testid={badge.testId}>
              {badge.text}
            </span>
          ) : null}
          {beside}
        </div>
      ) : (
        heading
      )}
      {subtitle === undefined ? null : <p className="mt-2 text-sm text-stone-600">{subtitle}</p>}
      {children}
    </header>
  );
}

/**
 * One label and value of a record's definition list; an empty value shows "—", or nothing at all
 * with `hideEmpty`. `className` is the pair's (a column span), `valueClassName` the value's.
 */
export function Field({
  label,
  value,
  testId,
  hideEmpty,
  className,
  valueClassName,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
  hideEmpty?: boolean;
  className?: string;
  valueClassName?: string;
}) {
  const empty = value === null || value === undefined || value === '';
  if (empty && hideEmpty) return null;
  return (
    <div className={className}>
      <dt className="text-stone-500">{label}</dt>
      <dd className={valueClassName} data-testid={testId}>
        {empty ? '—' : value}
      </dd>
    </div>
  );
}

/** A titled part of a record's page; `emptyText`, when given, stands instead of the content (a list with nothing in it). */
export function Section({ title, emptyText, emptyTestId, className, children }: { title: ReactNode; emptyText?: string | null; emptyTestId?: string; className?: string; children?: ReactNode }) {
  return (
    <section className={className}>
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {emptyText ? (
        <p className="text-sm text-stone-600" data-testid={emptyTestId}>
          {emptyText}
        </p>
      ) : (
        children
      )}
    </section>
  );
}

/** A form folded under its title until opened (`className` goes before the box's own classes). */
export function Disclosure({ title, className, testId, open, children }: { title: ReactNode; className?: string; testId?: string; open?: boolean; children: ReactNode }) {
  return (
    <details className={`${className ? `${className} ` : ''}rounded-lg border border-stone-200 bg-white p-4 shadow-sm`} data-testid={testId} open={open}>
      <summary className="cursor-pointer font-semibold text-red-900">{title}</summary>
      <div className="mt-4">{children}</div>
    </details>
  );
}

/** A white box around one form of a record's page: its title, an optional line of help, then the form. */
export function FormPanel({ title, help, as: Tag = 'section', children }: { title: ReactNode; help?: ReactNode; as?: 'section' | 'div'; children: ReactNode }) {
  return (
    <Tag className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 className={`${help ? 'mb-1' : 'mb-3'} font-semibold text-red-900`}>{title}</h2>
      {help ? <p className="mb-3 text-xs text-stone-500">{help}</p> : null}
      {children}
    </Tag>
  );
}

/** A list page's title, with its actions (a "new" button, a link) on the same row. */
export function PageTitle({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h1 className="text-2xl font-bold text-red-900">{title}</h1>
      {children}
    </div>
  );
}
