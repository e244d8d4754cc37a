import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '@/lib/authz/roles';
import { INITIAL_RULE_SET } from '@/db/seed/reference';
import {
  attachablePapers,
  availableTransitions,
  DOCUMENT_KINDS,
  inboxStates,
  planTransition,
  recordStep,
  returnTarget,
  STATE_OWNER,
  STATES,
  stepInputs,
  TERMINAL_STATES,
  TRANSITION_SPECS,
  TRANSITIONS,
  type CaseRole,
  type CaseShape,
  type DocumentKind,
  type State,
  type StepInput,
  type StepRecord,
  type StepValues,
  type TransitionName,
} from './workflow';

// Demo-like tree: province 1 > city 2 > ward 4 > cell 9 > union branch 12; sibling ward 5.
const UNITS: Record<CaseRole, string> = { decider: '1.2', committee: '1.2.4', cell: '1.2.4.9', referrer: '1.2.4.9.12' };
const NO_COMMITTEE: Partial<Record<CaseRole, string>> = { decider: '1.2', cell: '1.2.9', referrer: '1.2.9.12' };
const ALL_DOCS = DOCUMENT_KINDS;
const as = (role: Role, unitPath: string) => ({ role, unitPath });

const withCommittee = (state: State, extra: Partial<CaseShape> = {}): CaseShape => ({ state, hasCommittee: true, ...extra });
const noCommittee = (state: State, extra: Partial<CaseShape> = {}): CaseShape => ({ state, hasCommittee: false, ...extra });

describe('the happy path, with a committee between cell and decider', () => {
  const steps: [TransitionName, State, CaseRole, State][] = [
    ['submit', 'referral_draft', 'referrer', 'referred'],
    ['accept', 'referred', 'cell', 'cell_review'],
    ['cellResolve', 'cell_review', 'cell', 'committee_review'],
    ['committeeEndorse', 'committee_review', 'committee', 'decision_pending'],
    ['decide', 'decision_pending', 'decider', 'ceremony_pending'],
    ['recordCeremony', 'ceremony_pending', 'cell', 'probation'],
    ['openRecognition', 'probation', 'cell', 'recognition_cell_review'],
    ['cellResolveRecognition', 'recognition_cell_review', 'cell', 'recognition_committee_review'],
    ['committeeEndorseRecognition', 'recognition_committee_review', 'committee', 'recognition_decision_pending'],
    ['decideRecognition', 'recognition_decision_pending', 'decider', 'official'],
  ];
  for (const [t, from, actor, to] of steps) {
    test(`${t}: ${from} → ${to} by the ${actor}`, () => {
      const role: Role = actor === 'referrer' ? 'officer' : 'leader';
      const plan = planTransition(t, withCommittee(from), UNITS, as(role, UNITS[actor]), { documents: ALL_DOCS });
      assert.deepEqual(plan.ok && { to: plan.to, actor: plan.actor }, { to, actor });
    });
  }
});

describe('without a committee the cell goes straight to the decider', () => {
  test('cellResolve → decision_pending', () => {
    const plan = planTransition('cellResolve', noCommittee('cell_review'), NO_COMMITTEE, as('leader', NO_COMMITTEE.cell!), { documents: ALL_DOCS });
    assert.equal(plan.ok && plan.to, 'decision_pending');
  });
  test('cellResolveRecognition → recognition_decision_pending', () => {
    const plan = planTransition('cellResolveRecognition', noCommittee('recognition_cell_review'), NO_COMMITTEE, as('leader', NO_COMMITTEE.cell!), { documents: ALL_DOCS });
    assert.equal(plan.ok && plan.to, 'recognition_decision_pending');
  });
  test('a proposal to remove ends in removal', () => {
    const plan = planTransition('decideRecognition', noCommittee('recognition_decision_pending', { proposesRemoval: true }), NO_COMMITTEE, as('leader', '1.2'), { documents: ALL_DOCS });
    assert.equal(plan.ok && plan.to, 'removed');
  });
});

describe('who is refused', () => {
  const refusals: [string, TransitionName, State, Role, string][] = [
    ['a union officer trying to decide', 'decide', 'decision_pending', 'officer', UNITS.referrer],
    ['a union leader trying to decide', 'decide', 'decision_pending', 'leader', UNITS.referrer],
    ['the cell leader trying to decide', 'decide', 'decision_pending', 'leader', UNITS.cell],
    ['an officer (not leader) of the deciding level', 'decide', 'decision_pending', 'officer', UNITS.decider],
    ['an admin (not leader) of the deciding level', 'decide', 'decision_pending', 'admin', UNITS.decider],
    ['the province leader (above, not the deciding unit)', 'decide', 'decision_pending', 'leader', '1'],
    ['a sibling ward leader endorsing', 'committeeEndorse', 'committee_review', 'leader', '1.2.5'],
    ['the committee leader taking the cell step', 'cellResolve', 'cell_review', 'leader', UNITS.committee],
    ['a viewer of the cell', 'accept', 'referred', 'viewer', UNITS.cell],
    ['the cell officer (not leader) accepting', 'accept', 'referred', 'officer', UNITS.cell],
    ['a ward officer submitting for the branch below it', 'submit', 'referral_draft', 'officer', UNITS.committee],
    ['a viewer of the branch submitting', 'submit', 'referral_draft', 'viewer', UNITS.referrer],
    ['an unrelated unit', 'accept', 'referred', 'leader', '7.8'],
  ];
  for (const [who, t, state, role, path] of refusals) {
    test(who, () => {
      const plan = planTransition(t, withCommittee(state), UNITS, as(role, path), { documents: ALL_DOCS, reason: 'x' });
      assert.deepEqual(plan, { ok: false, reason: 'notAllowed' });
    });
  }
});

describe('state guards', () => {
  test('no transition leaves a terminal state', () => {
    for (const state of TERMINAL_STATES) {
      for (const actor of ['referrer', 'cell', 'committee', 'decider'] as const) {
        assert.deepEqual(availableTransitions(withCommittee(state), UNITS, as('leader', UNITS[actor])), []);
      }
    }
  });
  test('a step out of order is refused as wrong state', () => {
    assert.deepEqual(planTransition('decide', withCommittee('cell_review'), UNITS, as('leader', UNITS.decider), { documents: ALL_DOCS }), {
      ok: false,
      reason: 'wrongState',
    });
    assert.deepEqual(planTransition('submit', withCommittee('referred'), UNITS, as('officer', UNITS.referrer), { documents: ALL_DOCS }), {
      ok: false,
      reason: 'wrongState',
    });
  });
  test('every open state has an owner, terminal ones none', () => {
    for (const s of STATES) assert.equal(STATE_OWNER[s] === null, TERMINAL_STATES.includes(s), s);
  });
});

describe('return for revision and rejection', () => {
  const returns: [State, boolean, State][] = [
    ['referred', true, 'referral_draft'],
    ['cell_review', true, 'referral_draft'],
    ['committee_review', true, 'cell_review'],
    ['decision_pending', true, 'committee_review'],
    ['decision_pending', false, 'cell_review'],
    ['recognition_committee_review', true, 'recognition_cell_review'],
    ['recognition_decision_pending', false, 'recognition_cell_review'],
  ];
  for (const [state, hasCommittee, target] of returns) {
    test(`return from ${state}${hasCommittee ? '' : ' (no committee)'} → ${target}`, () => {
      assert.equal(returnTarget({ state, hasCommittee }), target);
    });
  }
  test('returning needs a reason and is taken by the owner of the current state', () => {
    const c = withCommittee('committee_review');
    assert.deepEqual(planTransition('return', c, UNITS, as('leader', UNITS.committee), {}), { ok: false, reason: 'reasonRequired' });
    assert.deepEqual(planTransition('return', c, UNITS, as('leader', UNITS.committee), { reason: '   ' }), { ok: false, reason: 'reasonRequired' });
    assert.equal(planTransition('return', c, UNITS, as('leader', UNITS.committee), { reason: 'Thiếu lý lịch' }).ok, true);
    assert.deepEqual(planTransition('return', c, UNITS, as('leader', UNITS.cell), { reason: 'x' }), { ok: false, reason: 'notAllowed' });
  });
  test('rejection needs a reason; nothing to return from a draft or after the decision', () => {
    assert.deepEqual(planTransition('reject', withCommittee('decision_pending'), UNITS, as('leader', UNITS.decider)), { ok: false, reason: 'reasonRequired' });
    assert.equal(planTransition('reject', withCommittee('decision_pending'), UNITS, as('leader', UNITS.decider), { reason: 'Không đủ điều kiện' }).ok, true);
    assert.deepEqual(planTransition('return', withCommittee('referral_draft'), UNITS, as('officer', UNITS.referrer), { reason: 'x' }), { ok: false, reason: 'wrongState' });
    assert.deepEqual(planTransition('return', withCommittee('probation'), UNITS, as('leader', UNITS.cell), { reason: 'x' }), { ok: false, reason: 'wrongState' });
  });
});

describe('documents and checks', () => {
  test('submitting lists the missing documents', () => {
    const plan = planTransition('submit', withCommittee('referral_draft'), UNITS, as('officer', UNITS.referrer), { documents: ['application'] });
    assert.deepEqual(plan, { ok: false, reason: 'missingDocuments', documents: ['awareness_certificate', 'personal_history', 'branch_resolution'] });
  });
  test('the cell resolution runs the age, certificate, sponsor and vote checks', () => {
    const plan = planTransition('cellResolve', withCommittee('cell_review'), UNITS, as('leader', UNITS.cell), { documents: ALL_DOCS });
    assert.deepEqual(plan.ok && plan.checks, ['age', 'certificate', 'sponsors', 'cellVote']);
  });
  test('what each participant may do on a case under review', () => {
    assert.deepEqual(availableTransitions(withCommittee('cell_review'), UNITS, as('leader', UNITS.cell)), ['return', 'reject', 'cellResolve']);
    assert.deepEqual(availableTransitions(withCommittee('cell_review'), UNITS, as('officer', UNITS.referrer)), []);
    assert.deepEqual(availableTransitions(withCommittee('referral_draft'), UNITS, as('officer', UNITS.referrer)), ['submit']);
  });
});

describe('inboxStates: the inbox holds exactly the cases that offer the user a step', () => {
  const roles: Role[] = ['viewer', 'officer', 'leader', 'admin'];
  for (const role of roles)
    for (const owner of Object.keys(UNITS) as CaseRole[]) {
      test(`a ${role} of the case's ${owner}`, () => {
        const user = as(role, UNITS[owner]);
        const inbox = inboxStates(user);
        for (const state of STATES)
          for (const shape of [withCommittee(state), noCommittee(state), withCommittee(state, { proposesRemoval: true })]) {
            const paths = shape.hasCommittee ? UNITS : { ...UNITS, committee: undefined };
            const offered = availableTransitions(shape, paths, user).length > 0;
            // The inbox query: the state's owner is the user's own unit, and the state is listed for that role.
            const listed = STATE_OWNER[state] === owner && (owner !== 'committee' || shape.hasCommittee) && inbox.some((b) => b.role === owner && b.states.includes(state));
            assert.equal(listed, offered, `${state} (${shape.hasCommittee ? 'with' : 'without'} committee)`);
          }
      });
    }
  test('viewers have no inbox; officers only their drafts; leaders every step of their unit', () => {
    assert.deepEqual(inboxStates(as('viewer', UNITS.cell)), []);
    assert.deepEqual(inboxStates(as('officer', UNITS.referrer)), [{ role: 'referrer', states: ['referral_draft'] }]);
    const leader = inboxStates(as('leader', UNITS.cell));
    assert.deepEqual(
      leader.find((b) => b.role === 'cell')?.states,
      STATES.filter((s) => STATE_OWNER[s] === 'cell'),
    );
  });
});

describe('which papers the unit whose turn it is may attach', () => {
  const cases: [State, boolean, DocumentKind[]][] = [
    ['referral_draft', true, ['awareness_certificate', 'application', 'personal_history', 'branch_resolution']],
    ['referred', true, []],
    ['cell_review', true, ['sponsor_introduction', 'background_verification', 'opinions', 'cell_resolution']],
    ['committee_review', true, ['committee_resolution']],
    ['decision_pending', false, ['admission_decision']],
    ['ceremony_pending', true, []],
    ['recognition_cell_review', true, ['probation_report', 'recognition_resolution']],
    ['recognition_committee_review', true, []],
    ['recognition_decision_pending', true, ['recognition_decision']],
    ['official', true, []],
  ];
  for (const [state, hasCommittee, kinds] of cases) test(`${state}: ${kinds.join(', ') || 'none'}`, () => assert.deepEqual(attachablePapers({ state, hasCommittee }), kinds));
  test('every required paper of a step can be attached in the state the step starts from, by the unit that takes it', () => {
    for (const [name, spec] of Object.entries(TRANSITION_SPECS))
      for (const from of spec.from)
        if (STATE_OWNER[from] === spec.actor) for (const d of spec.documents ?? []) assert.ok(attachablePapers({ state: from, hasCommittee: true }).includes(d), `${name} from ${from}: ${d}`);
  });
});

describe("what each step's form asks for and what the step records", () => {
  const inputs: Record<TransitionName, StepInput[]> = {
    submit: [],
    accept: [],
    return: ['reason'],
    reject: ['reason'],
    cellResolve: ['votes', 'sponsors'],
    committeeEndorse: ['votes'],
    decide: ['decisionNo'],
    recordCeremony: [],
    openRecognition: [],
    cellResolveRecognition: ['votes', 'removal'],
    committeeEndorseRecognition: ['votes'],
    decideRecognition: ['decisionNo'],
  };
  for (const t of TRANSITIONS) test(`${t} asks for ${inputs[t].join(', ') || 'its date only'}`, () => assert.deepEqual(stepInputs(t), inputs[t]));

  const on = '2027-03-01';
  // Every value a form may send: a step records only those of its own inputs.
  const all: StepValues = {
    effectiveOn: on,
    votesFor: 5,
    eligible: 6,
    sponsors: ['  Nguyễn   Văn An ', ' ', 'Trần Thị Bình'],
    withUnionResolution: false,
    decisionNo: ' 12-QĐ/TU ',
    proposesRemoval: true,
  };
  const blank: StepValues = { effectiveOn: on };
  const records: [string, TransitionName, StepValues, StepRecord][] = [
    ['submitting records nothing', 'submit', all, {}],
    ['accepting records nothing', 'accept', all, {}],
    ['returning records nothing (its reason goes on the event)', 'return', all, {}],
    ['rejecting records nothing (its reason goes on the event)', 'reject', all, {}],
    [
      "the cell's resolution: its meeting, vote and sponsors (names normalized, blanks dropped)",
      'cellResolve',
      all,
      { cellMeetingOn: on, cellVotesFor: 5, cellEligible: 6, sponsors: [{ name: 'Nguyễn Văn An' }, { name: 'Trần Thị Bình' }], withUnionResolution: false },
    ],
    [
      "the cell's resolution left blank: no figures, no sponsors, the union resolution as on the case",
      'cellResolve',
      blank,
      { cellMeetingOn: on, cellVotesFor: null, cellEligible: null, sponsors: [], withUnionResolution: true },
    ],
    ["the committee's endorsement: its meeting and vote", 'committeeEndorse', all, { committeeMeetingOn: on, committeeVotesFor: 5, committeeMembers: 6 }],
    ['the endorsement left blank', 'committeeEndorse', blank, { committeeMeetingOn: on, committeeVotesFor: null, committeeMembers: null }],
    ['the decision: its number (trimmed) and date', 'decide', all, { decisionNo: '12-QĐ/TU', decisionOn: on }],
    ['the ceremony: its date and the end of probation (12 months on)', 'recordCeremony', all, { ceremonyOn: on, probationEndsOn: '2028-03-01' }],
    ['opening the recognition records nothing', 'openRecognition', all, {}],
    ["the cell's recognition resolution: its meeting, vote and proposal", 'cellResolveRecognition', all, { cellMeetingOn: on, cellVotesFor: 5, cellEligible: 6, proposesRemoval: true }],
    ['the recognition resolution left blank proposes recognition', 'cellResolveRecognition', blank, { cellMeetingOn: on, cellVotesFor: null, cellEligible: null, proposesRemoval: false }],
    ["the committee's recognition endorsement", 'committeeEndorseRecognition', all, { committeeMeetingOn: on, committeeVotesFor: 5, committeeMembers: 6 }],
    ['the recognition decision: its number and date', 'decideRecognition', all, { recognitionDecisionNo: '12-QĐ/TU', recognitionDecisionOn: on }],
  ];
  for (const [what, t, values, record] of records) test(what, () => assert.deepEqual(recordStep(t, values, { withUnionResolution: true, rules: INITIAL_RULE_SET.values }), { ok: true, record }));

  test('a decision needs its number', () => {
    for (const t of ['decide', 'decideRecognition'] as const)
      for (const decisionNo of [undefined, '', '   '])
        assert.deepEqual(recordStep(t, { ...all, decisionNo }, { withUnionResolution: true, rules: INITIAL_RULE_SET.values }), { ok: false, reason: 'required', input: 'decisionNo' });
  });
  test("a blank form is refused only by the steps that ask for a decision's number", () => {
    for (const t of TRANSITIONS) {
      const recorded = recordStep(t, blank, { withUnionResolution: true, rules: INITIAL_RULE_SET.values });
      assert.equal(recorded.ok, !stepInputs(t).includes('decisionNo'), t);
    }
  });
});
