import { NextResponse } from 'next/server';
import { DalError } from '@/lib/dal/errors';
import { JOBS, runJob, type Job } from '@/lib/dal/jobs';

/**
 * POST /api/jobs/notify (deadline reminders) or /api/jobs/digest (the e-mail digest), signed in as
 * the administrator of the root unit (the data layer refuses anyone else). Answers what was done.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ job: string }> }): Promise<Response> {
  const { job } = await params;
  if (!(JOBS as readonly string[]).includes(job)) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  try {
    return NextResponse.json(await runJob(job as Job), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    if (err instanceof DalError) {
      const status = err.code === 'forbidden' ? 403 : err.code === 'not_found' ? 404 : err.code === 'unauthenticated' ? 401 : 400;
      return NextResponse.json({ error: err.code }, { status });
    }
    throw err;
  }
}
