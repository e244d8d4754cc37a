import 'server-only';
import { systemSendDigests, type DigestResult } from '@/lib/notify/digest';
import { systemRunReminders } from './notifications';
import { assertCan, requireUser } from './session';

export const JOBS = ['notify', 'digest'] as const;
export type Job = (typeof JOBS)[number];

/**
 * The reminder job and the digest, run from the portal (POST /api/jobs/<job>) by the administrator
 * of the root unit: where the embedded database allows one process only, so `npm run notify` and
 * `npm run digest` cannot open it beside the running server. Anyone else is refused.
 */
export async function runJob(job: Job): Promise<{ created: number } | DigestResult> {
  const user = await requireUser();
  assertCan(user, 'jobs.run', user.unitPath.split('.')[0]);
  return job === 'notify' ? systemRunReminders() : systemSendDigests();
}
