import { can, type Action } from '@/lib/authz/permissions';
import type { Role } from '@/lib/authz/roles';

/**
 * The admission workflow as a pure state machine: from a union or youth branch's referral to
 * official membership (or removal). States, transitions, who may take each (by permission and by
 * the relation of the user's unit to the case's units), the documents each needs and the rule
 * checks it runs are all data here; the data layer applies a transition as a guarded update.
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

type TransitionSpec = {
  from: readonly State[];
  /** Where the case goes (a function when it depends on the case). */
  to: (c: CaseShape) => State;
  actor: CaseRole;
  permission: Action;
  needsReason?: boolean;
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
    needsReason: true,
  },
  cellResolve: {
    from: ['cell_review'],
    to: afterCell,
    actor: 'cell',
    permission: 'approval.take',
    documents: ['sponsor_introduction', 'background_verification', 'opinions', 'cell_resolution'],
    checks: ['age', 'certificate', 'sponsors', 'cellVote'],
  },
  committeeEndorse: {
    from: ['committee_review'],
    to: () => 'decision_pending',
    actor: 'committee',
    permission: 'approval.take',
    documents: ['committee_resolution'],
    checks: ['committeeVote'],
  },
  decide: {
    from: ['decision_pending'],
    to: () => 'ceremony_pending',
    actor: 'decider',
    permission: 'approval.take',
    documents: ['admission_decision'],
    checks: ['decisionDeadline'],
  },
  recordCeremony: {
    from: ['ceremony_pending'],
    to: () => 'probation',
    actor: 'cell',
    permission: 'approval.take',
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
    documents: ['probation_report', 'recognition_resolution'],
    checks: ['cellVote'],
  },
  committeeEndorseRecognition: {
    from: ['recognition_committee_review'],
    to: () => 'recognition_decision_pending',
    actor: 'committee',
    permission: 'approval.take',
    checks: ['committeeVote'],
  },
  decideRecognition: {
    from: ['recognition_decision_pending'],
    to: (c) => (c.proposesRemoval ? 'removed' : 'official'),
    actor: 'decider',
    permission: 'approval.take',
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

/** The case unit whose leader takes `transition` in the case's current state. */
export function actorFor(transition: TransitionName, c: CaseShape): CaseRole | null {
  if (transition === 'return' || transition === 'reject') return STATE_OWNER[c.state];
  return TRANSITION_SPECS[transition].actor;
}

export type TransitionRefusal = { reason: 'wrongState' } | { reason: 'notAllowed' } | { reason: 'reasonRequired' } | { reason: 'missingDocuments'; documents: DocumentKind[] };

export type Plan = { ok: true; to: State; actor: CaseRole; checks: readonly Check[] } | ({ ok: false } & TransitionRefusal);

export type Participant = { role: Role; unitPath: string };

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
  if ((transition === 'return' || spec?.needsReason) && !input.reason?.trim()) return { ok: false, reason: 'reasonRequired' };
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
