import { parseDate } from '@/lib/validation';

/**
 * Report maths, pure. Progress is actual / target in whole percent, rounded half up (31 of 26
 * is 119%); no target, no percentage. A period is a calendar year or a term of several years;
 * its window runs from 1 January of the first year to 31 December of the last.
 */
export function progressPercent(actual: number, target: number | null | undefined): number | null {
  if (target === null || target === undefined || target <= 0) return null;
  return Math.floor((actual / target) * 100 + 0.5);
}

export type Period = { kind: 'year' | 'term'; from: number; to: number };

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: year, to: year };
}

export function termPeriod(from: number, to: number): Period {
  if (to < from) throw new Error(`a term cannot end (${to}) before it starts (${from})`);
  return { kind: 'term', from, to };
}

export function periodWindow(p: Period): { start: string; end: string } {
  return { start: `${p.from}-01-01`, end: `${p.to}-12-31` };
}

/** Above-plan percentage as reports phrase it ("27% above the term plan"): 1,147 of 903 is 27. */
export function abovePlan(actual: number, target: number): number | null {
  const p = progressPercent(actual, target);
  return p === null ? null : p - 100;
}

/** Sum children into their parent (each member counted once, at one unit: the parent's figure is the children's sum). */
export function sumBy<K extends string>(rows: { key: K; value: number }[]): Map<K, number> {
  const out = new Map<K, number>();
  for (const r of rows) out.set(r.key, (out.get(r.key) ?? 0) + r.value);
  return out;
}

/** "2026" is a year, "2020-2025" a term; anything else is not a period (nor a year outside 1900–2100, as no date of the portal is: PostgreSQL has no year 0). */
export function parsePeriod(value: string | undefined): Period | null {
  const held = (y: number) => y >= 1900 && y <= 2100;
  const y = /^(\d{4})$/.exec(value ?? '');
  if (y && held(Number(y[1]))) return yearPeriod(Number(y[1]));
  const t = /^(\d{4})-(\d{4})$/.exec(value ?? '');
  if (t && held(Number(t[1])) && held(Number(t[2])) && Number(t[2]) >= Number(t[1]) && Number(t[2]) - Number(t[1]) <= 10) return termPeriod(Number(t[1]), Number(t[2]));
  return null;
}

export function periodKey(p: Period): string {
  return p.kind === 'year' ? String(p.from) : `${p.from}-${p.to}`;
}

/**
 * The periods offered: the years from `firstYear` (at most six years back by default; the dashboard
 * passes the year of the earliest rule set, so the years of records entered from the past can be
 * chosen) to next year, and the five-year terms (2020–2025, 2025–2030, …) up to the current one.
 */
export function periodChoices(thisYear: number, firstYear = thisYear - 6): Period[] {
  const from = Math.min(firstYear, thisYear - 6);
  const years = Array.from({ length: thisYear + 2 - from }, (_, i) => yearPeriod(from + i));
  const terms: Period[] = [];
  for (let start = 2015; start <= thisYear; start += 5) terms.push(termPeriod(start, start + 5));
  return [...years, ...terms.slice(-3)];
}

/** A report figure's window: records dated from..to under a unit (the list behind the figure). */
export type ReportWindow = { from: string; to: string; unitId: number };

/** The window of a figure's link (?wUnit=&wFrom=&wTo=), or none when any part is missing or malformed. */
export function parseWindow(p: { wUnit?: string; wFrom?: string; wTo?: string }): ReportWindow | undefined {
  // A day of the calendar in ISO form (2026-02-31 is shaped like one, and PostgreSQL refuses it).
  const day = (s?: string) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDate(s) === s;
  if (!/^\d{1,9}$/.test(p.wUnit ?? '') || !day(p.wFrom) || !day(p.wTo) || p.wTo! < p.wFrom!) return undefined;
  return { unitId: Number(p.wUnit), from: p.wFrom!, to: p.wTo! };
}

/** The query string of a figure's link to its list. */
export function windowQuery(w: ReportWindow): string {
  return `wUnit=${w.unitId}&wFrom=${w.from}&wTo=${w.to}`;
}
