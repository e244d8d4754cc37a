import type { Metadata } from 'next';
import { PlainTable } from '@/components/card-table';
import Link from 'next/link';
import { listRuleSets } from '@/lib/dal/rules';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import type { RuleValues } from '@/lib/rules/rule-set';
import { RuleSetForm } from './rule-set-form';

export const metadata: Metadata = { title: 'Quy định' };

const NUMBER_FIELDS = [
  'minAgeMonths',
  'maxAgeMonths',
  'certificateValidityMonths',
  'sponsorsRequired',
  'sponsorsWithUnionResolution',
  'cellVoteNumerator',
  'cellVoteDenominator',
  'committeeVoteNumerator',
  'committeeVoteDenominator',
  'decisionDueWorkingDays',
  'decisionExtensionWorkingDays',
  'ceremonyDueWorkingDays',
  'probationMonths',
  'recognitionDueWorkingDays',
  'minMembersToFoundCell',
  'ratingExcellent',
  'ratingGood',
  'ratingCompleted',
] as const;

/** The label of a rule-set key as the form names it (the vote and rating keys stand for their fields). */
const UNCONFIRMED_LABEL: Record<string, MessageKey> = {
  minAgeMonths: 'rules.minAgeMonths',
  maxAgeMonths: 'rules.maxAgeMonths',
  certificateValidityMonths: 'rules.certificateValidityMonths',
  sponsorsRequired: 'rules.sponsorsRequired',
  sponsorsWithUnionResolution: 'rules.sponsorsWithUnionResolution',
  cellVote: 'rules.cellVote',
  committeeVote: 'rules.committeeVote',
  decisionDueWorkingDays: 'rules.decisionDueWorkingDays',
  decisionExtensionWorkingDays: 'rules.decisionExtensionWorkingDays',
  ceremonyDueWorkingDays: 'rules.ceremonyDueWorkingDays',
  probationMonths: 'rules.probationMonths',
  recognitionDueWorkingDays: 'rules.recognitionDueWorkingDays',
  minMembersToFoundCell: 'rules.minMembersToFoundCell',
  ratingBands: 'rules.ratingBands',
};

function flatten(v: RuleValues): Record<(typeof NUMBER_FIELDS)[number], string> {
  return {
    minAgeMonths: String(v.minAgeMonths),
    maxAgeMonths: String(v.maxAgeMonths),
    certificateValidityMonths: String(v.certificateValidityMonths),
    sponsorsRequired: String(v.sponsorsRequired),
    sponsorsWithUnionResolution: String(v.sponsorsWithUnionResolution),
    cellVoteNumerator: String(v.cellVote.numerator),
    cellVoteDenominator: String(v.cellVote.denominator),
    committeeVoteNumerator: String(v.committeeVote.numerator),
    committeeVoteDenominator: String(v.committeeVote.denominator),
    decisionDueWorkingDays: String(v.decisionDueWorkingDays),
    decisionExtensionWorkingDays: String(v.decisionExtensionWorkingDays),
    ceremonyDueWorkingDays: String(v.ceremonyDueWorkingDays),
    probationMonths: String(v.probationMonths),
    recognitionDueWorkingDays: String(v.recognitionDueWorkingDays),
    minMembersToFoundCell: String(v.minMembersToFoundCell),
    ratingExcellent: String(v.ratingBands.excellent),
    ratingGood: String(v.ratingBands.good),
    ratingCompleted: String(v.ratingBands.completed),
  };
}

export default async function RulesPage() {
  const { versions, inForce, canManage } = await listRuleSets();
  const t = await getT();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-red-900">{t('rules.title')}</h1>
        <p className="mt-1 text-sm text-stone-600">{t('rules.help')}</p>
        <Link href="/rules/calendar" className="mt-2 inline-block text-sm text-red-800 underline" data-testid="calendar-link">
          {t('calendar.link')}
        </Link>{' '}
        <Link href="/rules/forms" className="mt-2 ml-4 inline-block text-sm text-red-800 underline" data-testid="form-templates-link">
          {t('forms.rulesLink')}
        </Link>
      </div>
      <PlainTable head={[{ label: t('rules.col.effectiveFrom') }, { label: t('rules.col.label') }, { label: t('rules.col.values') }]} testId="rulesets-table">
        {[...versions].reverse().map((v) => (
          <tr key={v.id}>
            <td className="whitespace-nowrap px-4 py-2 tabular-nums">
              {formatDate(v.effectiveFrom)}
              {inForce?.id === v.id ? <span className="ml-2 rounded bg-green-50 px-2 py-0.5 text-xs text-green-800">{t('rules.inForce')}</span> : null}
            </td>
            <td className="px-4 py-2">
              {v.label}
              {v.reason ? (
                <p className="mt-1 text-xs text-stone-600" data-testid="ruleset-reason">
                  {t('rules.reasonShown', { reason: v.reason })}
                </p>
              ) : null}
            </td>
            <td className="px-4 py-2 text-stone-700">
              {t('rules.summary', {
                minAge: v.values.minAgeMonths,
                maxAge: v.values.maxAgeMonths,
                cert: v.values.certificateValidityMonths,
                cellNum: v.values.cellVote.numerator,
                cellDen: v.values.cellVote.denominator,
                decision: v.values.decisionDueWorkingDays,
                extension: v.values.decisionExtensionWorkingDays,
                ceremony: v.values.ceremonyDueWorkingDays,
                probation: v.values.probationMonths,
                minMembers: v.values.minMembersToFoundCell,
              })}
              {v.unconfirmed?.length ? (
                <p className="mt-1 text-xs text-amber-800" data-testid="ruleset-unconfirmed">
                  <span className="rounded bg-amber-50 px-1.5 py-0.5 font-medium">{t('rules.unconfirmed')}</span>{' '}
                  {v.unconfirmed.map((k) => t(UNCONFIRMED_LABEL[k] ?? 'rules.unconfirmedOther')).join('; ')}
                </p>
              ) : null}
            </td>
          </tr>
        ))}
      </PlainTable>
      {canManage && inForce ? (
        <section className="no-print rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
          <h2 className="mb-1 font-semibold">{t('rules.new')}</h2>
          <p className="mb-4 text-sm text-stone-600">{t('rules.newHelp')}</p>
          <RuleSetForm
            fields={NUMBER_FIELDS.map((name) => ({ name, label: t(`rules.${name}` as MessageKey) }))}
            defaults={{ ...flatten(inForce.values), effectiveFrom: formatDate(today()) }}
            labels={{
              submit: t('rules.submit'),
              pending: t('form.pending'),
              confirm: t('form.confirm'),
              cancel: t('form.cancel'),
              confirmTitle: t('form.confirmTitle'),
              confirmText: t('rules.confirm'),
              effectiveFrom: t('rules.effectiveFrom'),
              label: t('rules.label'),
              reason: t('rules.reason'),
              reasonHint: t('rules.reasonHint'),
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
