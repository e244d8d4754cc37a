import type { State } from '@/lib/admission/workflow';
import { formatDate } from '@/lib/format';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import type { NotificationKind } from './kinds';

export type MailCase = { caseId: number; fullName: string; state: State; dueOn: string | null; kind?: NotificationKind; note?: string | null };

/**
 * One user's daily digest as a plain-text Vietnamese e-mail: their unread notifications, then the
 * cases waiting for their unit with deadlines (dd/mm/yyyy), each with its address in the portal.
 */
export function digestMail(input: { fullName: string; today: string; origin: string; unread: MailCase[]; awaiting: MailCase[]; awaitingTotal: number }): { subject: string; text: string } {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);
  const line = (c: MailCase) => {
    const head = [c.kind ? t(`notify.kind.${c.kind}`) : null, c.fullName, t(`state.${c.state}`)].filter(Boolean).join(' — ');
    const due = c.dueOn ? ` (${t('notify.mail.due', { date: formatDate(c.dueOn) })})` : '';
    const note = c.note ? `\n    ${t('notify.mail.reason', { reason: c.note })}` : '';
    return `  • ${head}${due}${note}\n    ${input.origin}/cases/${c.caseId}`;
  };
  const parts = [
    t('notify.mail.greeting', { name: input.fullName }),
    '',
    t('notify.mail.intro', { date: formatDate(input.today) }),
    '',
    t('notify.mail.unread', { n: input.unread.length }),
    ...(input.unread.length ? input.unread.map(line) : [`  ${t('notify.mail.none')}`]),
    '',
    t('notify.mail.awaiting', { n: input.awaitingTotal }),
    ...(input.awaiting.length ? input.awaiting.map(line) : [`  ${t('notify.mail.none')}`]),
    '',
    t('notify.mail.open', { url: `${input.origin}/notifications` }),
    t('notify.mail.settings', { url: `${input.origin}/profile` }),
  ];
  return { subject: t('notify.mail.subject', { date: formatDate(input.today) }), text: parts.join('\n') };
}
