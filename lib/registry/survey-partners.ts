import { SURVEY_PARTICIPANTS, type SurveyParticipant, type SurveyPartner } from './kinds';

/**
 * The partners of a survey round, with how many of each took part ("14 ward committees, the
 * tax office and social insurance"). A bound on the count, not a statutory figure: the country
 * has a few thousand communes and wards, so no round involves more bodies of one kind than this.
 */
export const MAX_PARTNER_COUNT = 10_000;

export type PartnerProblem = 'errors.partnerKind' | 'errors.partnerDuplicate' | 'errors.partnerCount';

/**
 * The partners to store: each kind once, in the order of SURVEY_PARTICIPANTS, those with a count
 * of 0 dropped; or the problem with the list (an unknown kind, a kind twice, a count that is not
 * a whole number between 0 and MAX_PARTNER_COUNT).
 */
export function normalisePartners(list: readonly { kind: string; count: number }[]): { partners: SurveyPartner[] } | { problem: PartnerProblem; kind?: string } {
  const seen = new Set<string>();
  for (const p of list) {
    if (!(SURVEY_PARTICIPANTS as readonly string[]).includes(p.kind)) return { problem: 'errors.partnerKind', kind: p.kind };
    if (seen.has(p.kind)) return { problem: 'errors.partnerDuplicate', kind: p.kind };
    seen.add(p.kind);
    if (!Number.isSafeInteger(p.count) || p.count < 0 || p.count > MAX_PARTNER_COUNT) return { problem: 'errors.partnerCount', kind: p.kind };
  }
  const partners = SURVEY_PARTICIPANTS.flatMap((kind) => {
    const p = list.find((x) => x.kind === kind);
    return p && p.count > 0 ? [{ kind, count: p.count }] : [];
  });
  return { partners };
}

type Translate = (key: `survey.participant.${SurveyParticipant}` | `survey.partnerMany.${SurveyParticipant}`, params?: Record<string, string | number>) => string;

/** "14 Đảng ủy phường, xã · Cơ quan thuế · Bảo hiểm xã hội": one body of a kind by its name, several with their number. */
export function partnersText(t: Translate, partners: readonly SurveyPartner[]): string {
  return partners
    .filter((p) => p.count > 0)
    .map((p) => (p.count === 1 ? t(`survey.participant.${p.kind}`) : t(`survey.partnerMany.${p.kind}`, { n: p.count.toLocaleString('vi-VN') })))
    .join(' · ');
}
