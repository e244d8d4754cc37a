import type { Measure } from './measures';
import { SHARE_MEASURES } from './measures';

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

/** How far a share measure is from its target is in percentage points; counts compare as ratios. */
export function isShare(m: Measure): boolean {
  return SHARE_MEASURES.includes(m);
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
