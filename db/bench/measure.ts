/**
 * Timing helpers for `npm run bench`: percentiles over repeated runs, and the statements a
 * data-layer call sends, recorded so they can be replayed bare (same SQL, same parameters, on a
 * plain postgres.js client, in the same waves: statements sent together run together).
 */
import type postgres from 'postgres';
import { observeQueries } from '../index';

export type Timing = { p50: number; p95: number; runs: number };

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * p50 and p95 of `fn` over `runs` runs after one warm-up; a call whose warm-up takes longer than
 * `slowMs` is run only 3 times (the "before" figures of calls that took seconds).
 */
export async function timeIt(runs: number, fn: () => Promise<unknown>, slowMs = 2000): Promise<Timing> {
  const w0 = performance.now();
  await fn(); // warm-up (plans, caches)
  const n = performance.now() - w0 > slowMs ? Math.min(3, runs) : runs;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));
  return { p50: round(pct(times, 50)), p95: round(pct(times, 95)), runs: n };
}

export type Statement = { query: string; params: unknown[] };

/** Runs `fn` once and returns what it sent, in waves (statements sent before any answer came back run together). */
export async function record<T>(fn: () => Promise<T>): Promise<{ result: T; waves: Statement[][] }> {
  const waves: Statement[][] = [];
  let open = false;
  observeQueries((query, params) => {
    if (!open) {
      waves.push([]);
      open = true;
      setImmediate(() => (open = false));
    }
    waves[waves.length - 1].push({ query, params });
  });
  try {
    const result = await fn();
    return { result, waves };
  } finally {
    observeQueries(undefined);
  }
}

/**
 * Replays recorded waves on a plain client: the same statements, without the data layer around
 * them, sent unnamed as the data layer sends them (each planned with its values).
 */
export function replay(raw: postgres.Sql, waves: Statement[][]): () => Promise<void> {
  return async () => {
    for (const wave of waves) await Promise.all(wave.map((s) => raw.unsafe(s.query, s.params as never[], { prepare: false })));
  };
}

export const fmt = (t: Timing) => `${t.p50} / ${t.p95}`;
