/**
 * `npm run notify`: the deadline reminders (due within the lead time, overdue) for every open case.
 * `npm run digest`: the daily e-mail digest to each user who chose it (needs SMTP, see smtp.ts).
 * Both idempotent (run them from cron, e.g. notify then digest at 07:00 every day). On the
 * embedded database, stop the portal first or use POST /api/jobs/<job> (one process per folder).
 */
import { closeDb } from '@/db';
import { systemSendDigests } from './digest';
import { systemRunReminders } from '@/lib/dal/notifications';

async function main(job: string | undefined) {
  if (job === 'notify') console.log(`[notify] ${(await systemRunReminders()).created} reminders written`);
  else if (job === 'digest') {
    const r = await systemSendDigests();
    if (r.mailOff) console.log('[digest] no SMTP server configured (SMTP_URL or SMTP_HOST): no e-mail sent');
    else console.log(`[digest] ${r.sent} sent, ${r.skipped} with nothing to send or already sent today, ${r.failed} failed`);
    if (r.failed) process.exitCode = 1;
  } else throw new Error('usage: run.ts notify|digest');
}

main(process.argv[2])
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(closeDb);
