import 'server-only';
import type { Transporter } from 'nodemailer';
import { today } from '@/lib/clock';
import { systemClaimDigest, systemDigestContent, systemDigestRecipients } from '@/lib/dal/notifications';
import { digestMail } from './digest-mail';
import { smtpTransport } from './smtp';

/** The site's address in the e-mail's links (HATNHAN_ORIGIN; the local address otherwise). */
function siteOrigin(): string {
  return (process.env.HATNHAN_ORIGIN || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
}

export type DigestResult = { mailOff: boolean; sent: number; skipped: number; failed: number };

/**
 * UNSCOPED (a job): sends each user who chose a daily digest, has an address and has not had one
 * today the Vietnamese e-mail of their unread notifications and waiting cases, through the
 * configured SMTP server. At most once a day per user: the day is taken (digest_sent_at) before
 * sending and given back if the server refuses, so two runs at once send one e-mail. Nothing to
 * tell: no e-mail (and the day is not taken). Without SMTP configured it sends nothing.
 */
export async function systemSendDigests(mail: { transporter: Transporter; from: string } | null = smtpTransport()): Promise<DigestResult> {
  const result: DigestResult = { mailOff: !mail, sent: 0, skipped: 0, failed: 0 };
  if (!mail) return result;
  const day = today();
  const origin = siteOrigin();
  for (let afterId = 0; ;) {
    const batch = await systemDigestRecipients(afterId, 200);
    if (!batch.length) break;
    afterId = batch[batch.length - 1].id;
    for (const r of batch) {
      const content = await systemDigestContent(r.id);
      if (!content || (!content.unread.length && !content.awaiting.length)) {
        result.skipped += 1;
        continue;
      }
      const claim = await systemClaimDigest(r.id);
      if (!claim.claimed) {
        result.skipped += 1;
        continue;
      }
      const { subject, text } = digestMail({ fullName: r.fullName, today: day, origin, ...content });
      try {
        await mail.transporter.sendMail({ from: mail.from, to: r.email, subject, text });
        result.sent += 1;
      } catch (err) {
        console.error(`[digest] sending to user ${r.id} failed:`, err instanceof Error ? err.message : err);
        await claim.release();
        result.failed += 1;
      }
    }
  }
  return result;
}
