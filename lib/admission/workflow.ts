import { can, type Action, type Actor } from '@/lib/authz/permissions';
import { normalizeName } from '@/lib/people/identity';
import { addMonths, type IsoDate } from '@/lib/rules/dates';
import type { RuleValues } from '@/lib/rules/rule-set';

/**
 * The admission workflow as a pure state machine: from a union or youth branch's referral to
 * official membership (or removal). States, transitions, who may take each (by permission and by
 * the relation of the user's unit to the case's units), the documents each needs, the inputs its
 * form asks for, what it records on the case and the rule checks it runs are all data here; the
 * data layer applies a transition as a guarded update.
 *
 * The case's units: `referrer` (the union/youth branch that referred the person), `cell` (the cell
 * that takes care of them and where they are admitted), `committee` (a grassroots/ward committee
 * between the cell and the deciding level, or none) and `decider` (the level that decides).
 */
export { CASE_ROLES, DOCUMENT_KINDS, STATES, TERMINAL_STATES, type CaseRole, type DocumentKind, type State } from './states';
import { CASE_ROLES, DOCUMENT_KINDS, type CaseRole, type DocumentKind, type State } from './states';

export const CHECKS = ['age', 'certificate', 'sponsors', 'cellVote', 'committeeVote', 'decisionDeadline', 'ceremonyDeadline', 'probationEnded'] as const;
export type Check = (typeof CHECKS)[number];

export const TRANSITIONS = [
  'submit',
  'accept',
  'return',
  'reject',
  'cellResolve',
  'committeeEndorse',
  'decide',
  'recordCeremony',
  'openRecognition',
  'cellResolveRecognition',
  'committeeEndorseRecognition',
  'decideRecognition',
] as const;
export type TransitionName = (typeof TRANSITIONS)[number];

export type CaseShape = {
  state: State;
  /** Is there a committee between the cell and the deciding level? */
  hasCommittee: boolean;
  /** For the recognition decision: does the cell propose removal rather than recognition? */
  proposesRemoval?: boolean;
};

/**
 * What a step's form asks for beyond the step's date: `reason` (a written reason, required),
 * `votes` (votes for and those eligible), `sponsors` (the sponsors' names and whether the union
 * branch's resolution stands for one), `decisionNo` (the decision's number, required) and
 * `removal` (the cell proposes removal rather than recognition).
 */
export const STEP_INPUTS = ['reason', 'votes', 'sponsors', 'decisionNo', 'removal'] as const;
export type StepInput = (typeof STEP_INPUTS)[number];

/** The values a step's form sent (those of its inputs; the rest are ignored). */
export type StepValues = {
  effectiveOn: IsoDate;
  votesFor?: number;
  eligible?: number;
  sponsors?: string[];
  withUnionResolution?: boolean;
  decisionNo?: string;
  proposesRemoval?: boolean;
};

/** What a step writes on the case: the figures, dates and numbers of its meeting or decision. */
export type StepRecord = Partial<{
  cellMeetingOn: IsoDate;
  cellVotesFor: number | null;
  cellEligible: number | null;
  sponsors: { name: string }[];
  withUnionResolution: boolean;
  committeeMeetingOn: IsoDate;
  committeeVotesFor: number | null;
  committeeMembers: number | null;
  decisionNo: string;
  decisionOn: IsoDate;
  ceremonyOn: IsoDate;
  probationEndsOn: IsoDate;
  proposesRemoval: boolean;
  recognitionDecisionNo: string;
  recognitionDecisionOn: IsoDate;
}>;

/** What a step's record may read beside the form's values: the case as it is, the rules in force. */
export type RecordContext = { withUnionResolution: boolean; rules: RuleValues };

type TransitionSpec = {
  from: readonly State[];
  /** Where the case goes (a function when it depends on the case). */
  to: (c: CaseShape) => State;
  actor: CaseRole;
  permission: Action;
  /** The inputs the step's form shows (a required `decisionNo` is given trimmed to `records`). */
  inputs?: readonly StepInput[];
  /** What the step writes on the case from its form's values (nothing when absent). */
  records?: (v: StepValues & { decisionNo: string }, c: RecordContext) => StepRecord;
  documents?: readonly DocumentKind[];
  checks?: readonly Check[];
};

const afterCell = (c: CaseShape): State => (c.hasCommittee ? 'committee_review' : 'decision_pending');
const afterRecognitionCell = (c: CaseShape): State => (c.hasCommittee ? 'recognition_committee_review' : 'recognition_decision_pending');

/** Where "return for revision" sends a case, by the state it is in. */
export function returnTarget(c: CaseShape): State | null {
  switch (c.state) {
    case 'referred':
    case 'cell_review':
      return 'referral_draft';
    case 'committee_review':
      return 'cell_review';
    case 'decision_pending':
      return c.hasCommittee ? 'committee_review' : 'cell_review';
    case 'recognition_committee_review':
      return 'recognition_cell_review';
    case 'recognition_decision_pending':
      return c.hasCommittee ? 'recognition_committee_review' : 'recognition_cell_review';
    default:
      return null;
  }
}

/** Who acts on a case in each open state (used for "awaiting my unit" inboxes). */
export const STATE_OWNER: Record<State, CaseRole | null> = {
  referral_draft: 'referrer',
  referred: 'cell',
  cell_review: 'cell',
  committee_review: 'committee',
  decision_pending: 'decider',
  ceremony_pending: 'cell',
  probation: 'cell',
  recognition_cell_review: 'cell',
  recognition_committee_review: 'committee',
  recognition_decision_pending: 'decider',
  official: null,
  removed: null,
  rejected: null,
};

/** The probation that the admission ceremony opens ends this many months (by the rules) after it. */
export function probationEnd(ceremonyOn: IsoDate, rules: Pick<RuleValues, 'probationMonths'>): IsoDate {
  return addMonths(ceremonyOn, rules.probationMonths);
}

/** The committee's meeting (a vote's figures left blank are recorded as none: the vote check says so). */
const committeeVote = (v: StepValues): StepRecord => ({ committeeMeetingOn: v.effectiveOn, committeeVotesFor: v.votesFor ?? null, committeeMembers: v.eligible ?? null });

export const TRANSITION_SPECS: Record<Exclude<TransitionName, 'return'>, TransitionSpec> = {
  submit: {
    from: ['referral_draft'],
    to: () => 'referred',
    actor: 'referrer',
    permission: 'data.edit',
    documents: ['awareness_certificate', 'application', 'personal_history', 'branch_resolution'],
  },
  accept: { from: ['referred'], to: () => 'cell_review', actor: 'cell', permission: 'approval.take' },
  reject: {
    from: ['referred', 'cell_review', 'committee_review', 'decision_pending'],
    to: () => 'rejected',
    actor: 'decider', // see actorFor(): whoever owns the current state may reject
    permission: 'approval.take',
    inputs: ['reason'],
  },
  cellResolve: {
    from: ['cell_review'],
    to: afterCell,
    actor: 'cell',
    permission: 'approval.take',
    inputs: ['votes', 'sponsors'],
    records: (v, c) => ({
      cellMeetingOn: v.effectiveOn,
      cellVotesFor: v.votesFor ?? null,
      cellEligible: v.eligible ?? null,
      sponsors: (v.sponsors ?? []).filter((s) => s.trim()).map((name) => ({ name: normalizeName(name) })),
      withUnionResolution: v.withUnionResolution ?? c.withUnionResolution,
    }),
    documents: ['sponsor_introduction', 'background_verification', 'opinions', 'cell_resolution'],
    checks: ['age', 'certificate', 'sponsors', 'cellVote'],
  },
  committeeEndorse: {
    from: ['committee_review'],
    to: () => 'decision_pending',
    actor: 'committee',
    permission: 'approval.take',
    inputs: ['votes'],
    records: committeeVote,
    documents: ['committee_resolution'],
    checks: ['committeeVote'],
  },
  decide: {
    from: ['decision_pending'],
    to: () => 'ceremony_pending',
    actor: 'decider',
    permission: 'approval.take',
    inputs: ['decisionNo'],
    records: (v) => ({ decisionNo: v.decisionNo, decisionOn: v.effectiveOn }),
    documents: ['admission_decision'],
    checks: ['decisionDeadline'],
  },
  recordCeremony: {
    from: ['ceremony_pending'],
    to: () => 'probation',
    actor: 'cell',
    permission: 'approval.take',
    records: (v, c) => ({ ceremonyOn: v.effectiveOn, probationEndsOn: probationEnd(v.effectiveOn, c.rules) }),
    checks: ['ceremonyDeadline'],
  },
  openRecognition: {
    from: ['probation'],
    to: () => 'recognition_cell_review',
    actor: 'cell',
    permission: 'approval.take',
    checks: ['probationEnded'],
  },
  cellResolveRecognition: {
    from: ['recognition_cell_review'],
    to: afterRecognitionCell,
    actor: 'cell',
    permission: 'approval.take',
    inputs: ['votes', 'removal'],
    records: (v) => ({ cellMeetingOn: v.effectiveOn, cellVotesFor: v.votesFor ?? null, cellEligible: v.eligible ?? null, proposesRemoval: v.proposesRemoval ?? false }),
    documents: ['probation_report', 'recognition_resolution'],
    checks: ['cellVote'],
  },
  committeeEndorseRecognition: {
    from: ['recognition_committee_review'],
    to: () => 'recognition_decision_pending',
    actor: 'committee',
    permission: 'approval.take',
    inputs: ['votes'],
    records: committeeVote,
    checks: ['committeeVote'],
  },
  decideRecognition: {
    from: ['recognition_decision_pending'],
    to: (c) => (c.proposesRemoval ? 'removed' : 'official'),
    actor: 'decider',
    permission: 'approval.take',
    inputs: ['decisionNo'],
    records: (v) => ({ recognitionDecisionNo: v.decisionNo, recognitionDecisionOn: v.effectiveOn }),
    documents: ['recognition_decision'],
  },
};

/** The papers `transition` needs attached (each with a file, or held on file) before it may be taken. */
export function requiredPapers(transition: TransitionName): readonly DocumentKind[] {
  return transition === 'return' ? [] : (TRANSITION_SPECS[transition].documents ?? []);
}

/**
 * The papers the unit whose turn it is may attach in the case's current state: those of the steps
 * it takes from here. One unit cannot supply another's papers (the union branch the cell's
 * resolution, the cell the decider's decision); the checklist counts only papers attached so.
 */
export function attachablePapers(c: CaseShape): DocumentKind[] {
  const owner = STATE_OWNER[c.state];
  if (!owner) return [];
  const kinds = new Set<DocumentKind>();
  for (const spec of Object.values(TRANSITION_SPECS)) if (spec.actor === owner && spec.from.includes(c.state)) for (const d of spec.documents ?? []) kinds.add(d);
  return DOCUMENT_KINDS.filter((k) => kinds.has(k));
}

/** The inputs `transition`'s form shows (returning, like rejecting, asks for a reason). */
export function stepInputs(transition: TransitionName): readonly StepInput[] {
  return transition === 'return' ? ['reason'] : (TRANSITION_SPECS[transition].inputs ?? []);
}

/**
 * What taking `transition` writes on the case, from its form's values. Pure. Refused when a
 * required input is blank: the decision's number (a written reason is planTransition's to ask).
 */
export function recordStep(transition: TransitionName, v: StepValues, c: RecordContext): { ok: true; record: StepRecord } | { ok: false; reason: 'required'; input: 'decisionNo' } {
  if (transition === 'return') return { ok: true, record: {} };
  const spec = TRANSITION_SPECS[transition];
  const decisionNo = v.decisionNo?.trim() ?? '';
  if (spec.inputs?.includes('decisionNo') && !decisionNo) return { ok: false, reason: 'required', input: 'decisionNo' };
  return { ok: true, record: spec.records?.({ ...v, decisionNo }, c) ?? {} };
}

/** The case unit whose leader takes `transition` in the case's current state. */
export function actorFor(transition: TransitionName, c: CaseShape): CaseRole | null {
  if (transition === 'return' || transition === 'reject') return STATE_OWNER[c.state];
  return TRANSITION_SPECS[transition].actor;
}

export type TransitionRefusal = { reason: 'wrongState' } | { reason: 'notAllowed' } | { reason: 'reasonRequired' } | { reason: 'missingDocuments'; documents: DocumentKind[] };

export type Plan = { ok: true; to: State; actor: CaseRole; checks: readonly Check[] } | ({ ok: false } & TransitionRefusal);

/** Who takes part: the permission table's actor (role, unit path, and the unit's kind, which kind-limited actions need). */
export type Participant = Actor;

/**
 * May `user` take `transition` on a case now, and where does it lead? Pure: the caller gives the
 * case's shape, the paths of its units, the documents already attached and the reason typed.
 * Rule checks are listed for the caller to run (they need dates and the rule set in force).
 */
export function planTransition(
  transition: TransitionName,
  c: CaseShape,
  units: Partial<Record<CaseRole, string>>,
  user: Participant,
  input: { reason?: string; documents?: readonly DocumentKind[] } = {},
): Plan {
  let to: State | null;
  let permission: Action = 'approval.take';
  let spec: TransitionSpec | undefined;
  if (transition === 'return') {
    to = returnTarget(c);
  } else {
    spec = TRANSITION_SPECS[transition];
    to = spec.from.includes(c.state) ? spec.to(c) : null;
    permission = spec.permission;
  }
  if (!to) return { ok: false, reason: 'wrongState' };
  const actor = actorFor(transition, c);
  const actorPath = actor ? units[actor] : undefined;
  // Approval steps belong to the acting unit itself ('same'); the referral is the branch's own.
  if (!actor || !actorPath || !can(user, permission, actorPath) || user.unitPath !== actorPath) return { ok: false, reason: 'notAllowed' };
  if (stepInputs(transition).includes('reason') && !input.reason?.trim()) return { ok: false, reason: 'reasonRequired' };
  const missing = requiredPapers(transition).filter((d) => !input.documents?.includes(d));
  if (missing.length) return { ok: false, reason: 'missingDocuments', documents: missing };
  return { ok: true, to, actor, checks: spec?.checks ?? [] };
}

/** The transitions `user` could take on a case in its current state (for showing buttons). */
export function availableTransitions(c: CaseShape, units: Partial<Record<CaseRole, string>>, user: Participant): TransitionName[] {
  return TRANSITIONS.filter((t) => {
    const plan = planTransition(t, c, units, user, { reason: 'x', documents: DOCUMENT_KINDS });
    return plan.ok;
  });
}

/**
 * Where a user's inbox looks: for each role of a case, the open states in which that role's
 * unit acts, when the user may take at least one of the transitions there (by the permission
 * table, as a member of that very unit). A case is in the inbox when it is in one of these
 * states and that role's unit is the user's own: exactly the cases for which
 * availableTransitions() offers the user something (the tests hold the two equal).
 */
export function inboxStates(user: Participant): { role: CaseRole; states: State[] }[] {
  const out: { role: CaseRole; states: State[] }[] = [];
  for (const role of CASE_ROLES) {
    const states = (Object.keys(STATE_OWNER) as State[]).filter((state) => {
      if (STATE_OWNER[state] !== role) return false;
      const units = { [role]: user.unitPath };
      return [true, false].some((hasCommittee) => availableTransitions({ state, hasCommittee }, units, user).length > 0);
    });
    if (states.length) out.push({ role, states });
  }
  return out;
}
