import 'server-only';
import { notFound } from 'next/navigation';
import { DalError } from '@/lib/dal/errors';

/** Await a data-layer read; anything out of scope (or not readable) renders "not found". */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof DalError && (err.code === 'not_found' || err.code === 'forbidden')) notFound();
    throw err;
  }
}

/** A positive integer id from a route segment, or "not found". */
export function idParam(raw: string): number {
  const n = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) notFound();
  return n;
}
