import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { State } from '@/lib/admission/states';
import { formsFor, type CaseFormKind } from './reachable';

const ALL_WITH: CaseFormKind[] = ['cell_resolution', 'committee_resolution', 'admission_decision', 'recognition_resolution', 'recognition_decision'];
const ALL_WITHOUT: CaseFormKind[] = ['cell_resolution', 'admission_decision', 'recognition_resolution', 'recognition_decision'];

const CASES: [State, boolean, CaseFormKind[]][] = [
  ['referral_draft', true, []],
  ['referred', true, []],
  ['cell_review', true, ['cell_resolution']],
  ['cell_review', false, ['cell_resolution']],
  ['committee_review', true, ['cell_resolution', 'committee_resolution']],
  ['decision_pending', true, ['cell_resolution', 'committee_resolution', 'admission_decision']],
  ['decision_pending', false, ['cell_resolution', 'admission_decision']],
  ['ceremony_pending', true, ['cell_resolution', 'committee_resolution', 'admission_decision']],
  ['probation', false, ['cell_resolution', 'admission_decision']],
  ['recognition_cell_review', true, ['cell_resolution', 'committee_resolution', 'admission_decision', 'recognition_resolution']],
  ['recognition_committee_review', true, ['cell_resolution', 'committee_resolution', 'admission_decision', 'recognition_resolution']],
  ['recognition_decision_pending', true, ALL_WITH],
  ['recognition_decision_pending', false, ALL_WITHOUT],
  ['official', true, ALL_WITH],
  ['official', false, ALL_WITHOUT],
  ['removed', true, ALL_WITH],
  ['rejected', true, []],
  ['rejected', false, []],
];

describe('formsFor', () => {
  for (const [state, hasCommittee, expected] of CASES) {
    test(`${state}${hasCommittee ? ' with a committee' : ' without one'}: ${expected.join(', ') || 'none'}`, () => {
      assert.deepEqual(formsFor(state, hasCommittee), expected);
    });
  }
});
