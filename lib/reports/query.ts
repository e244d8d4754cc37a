import { param, parseParams } from '@/lib/validation';
import { parsePeriod, periodWindow, termPeriod, windowQuery, yearPeriod, type Period } from './maths';
import { MEASURES, type DrillDown, type Measure } from './measures';

export type ReportParams = Partial<Record<'unit' | 'year' | 'from' | 'to' | 'sort' | 'period', string>>;

/**
 * What the dashboard and its export show, from their search parameters (cleaned): the unit (the
 * user's own when none), the period (?period=2025 or 2021-2025, else ?from=&to= years of a term,
 * else ?year=, else this year) and the measure its rows are sorted by.
 */
export function reportQuery(p: ReportParams, thisYear: number): { unitId?: number; period: Period; sort?: Measure } {
  const q = parseParams(p, { unit: param.id, year: param.year, from: param.year, to: param.year, sort: param.oneOf(MEASURES) });
  const period = parsePeriod(p.period) ?? (q.from && q.to && q.to >= q.from ? termPeriod(q.from, q.to) : yearPeriod(q.year ?? thisYear));
  return { unitId: q.unit, period, sort: q.sort };
}

/** Where a figure of unit `unitId` over `period` links to (see MEASURE_TABLE's `list`). */
export function drillDown(unitId: number, period: Period): DrillDown {
  const { start, end } = periodWindow(period);
  return { window: windowQuery({ unitId, from: start, to: end }), start, end, lastYear: period.to };
}
