import type { State } from '@/lib/admission/states';
import type { FormKind } from './kinds';

/** The order of the stages a case passes through (a removed case went as far as an official one). */
const STAGE: Partial<Record<State, number>> = {
  referral_draft: 0,
  referred: 1,
  cell_review: 2,
  committee_review: 3,
  decision_pending: 4,
  ceremony_pending: 5,
  probation: 6,
  recognition_cell_review: 7,
  recognition_committee_review: 8,
  recognition_decision_pending: 9,
  official: 10,
  removed: 10,
};

/** The first stage at which each case form can be written (the step that adopts it is taken in that stage). */
const FROM: Record<Exclude<FormKind, 'founding_decision'>, State> = {
  cell_resolution: 'cell_review',
  committee_resolution: 'committee_review',
  admission_decision: 'decision_pending',
  recognition_resolution: 'recognition_cell_review',
  recognition_decision: 'recognition_decision_pending',
};

export type CaseFormKind = keyof typeof FROM;

/**
 * The forms a case in `state` can have written, in the order of the workflow: each from the stage
 * in which it is adopted on; the committee's resolution only when a committee stands between the
 * cell and the deciding level. A rejected case has none (how far it went is not in its state).
 */
export function formsFor(state: State, hasCommittee: boolean): CaseFormKind[] {
  const at = STAGE[state];
  if (at === undefined) return [];
  return (Object.keys(FROM) as CaseFormKind[]).filter((form) => (form !== 'committee_resolution' || hasCommittee) && at >= STAGE[FROM[form]]!);
}
