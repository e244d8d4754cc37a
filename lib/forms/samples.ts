import type { FormKind } from './kinds';
import { formValues, type CaseFormFacts, type FormValues, type FoundingFormFacts } from './render';

/**
 * Complete, demo-like facts for each form: an uploaded template is rendered once with them (every
 * tag the portal fills has a value, so a tag left blank is one the portal does not know), and the
 * tests and the look at the rendered pages use them too.
 */
export const SAMPLE_CASE: CaseFormFacts = {
  fullName: 'Nguyễn Thị Mai Anh',
  birthDate: '1998-03-12',
  gender: 'female',
  workplace: 'Công ty TNHH May Phương Nam',
  cell: { name: 'Chi bộ Công ty TNHH May Phương Nam', kind: 'cell', parent: { name: 'Đảng ủy Phường 4', kind: 'ward' } },
  committee: { name: 'Đảng ủy Phường 4', kind: 'ward', parent: { name: 'Thành ủy Mỹ Tho', kind: 'district' } },
  decider: { name: 'Thành ủy Mỹ Tho', kind: 'district', parent: { name: 'Tỉnh ủy Tiền Giang', kind: 'province' } },
  place: 'Mỹ Tho',
  sponsors: ['Trần Văn Hùng', 'Lê Thị Thu'],
  cellMeeting: { on: '2026-01-08', votesFor: 6, eligible: 7 },
  committeeMeeting: { on: '2026-02-03', votesFor: 9, eligible: 11 },
  recognitionCellMeeting: { on: '2027-03-10', votesFor: 7, eligible: 7 },
  recognitionCommitteeMeeting: { on: '2027-03-20', votesFor: 10, eligible: 11 },
  decisionNo: '125-QĐ/TU',
  decisionOn: '2026-03-05',
  ceremonyOn: '2026-03-20',
  probationEndsOn: '2027-03-20',
  proposesRemoval: false,
  recognitionDecisionNo: '412-QĐ/TU',
  recognitionDecisionOn: '2027-04-02',
  papers: {
    cell_resolution: { number: '03-NQ/CB', issuedOn: '2026-01-08' },
    committee_resolution: { number: '17-NQ/ĐU', issuedOn: '2026-02-03' },
    recognition_resolution: { number: '09-NQ/CB', issuedOn: '2027-03-10' },
  },
  regulationNo: '24-QĐ/TW',
  probationMonths: 12,
};

export const SAMPLE_FOUNDING: FoundingFormFacts = {
  cellName: 'Chi bộ Công ty TNHH Điện tử Việt Hàn',
  enterpriseName: 'Công ty TNHH Điện tử Việt Hàn',
  parent: { name: 'Đảng ủy Phường 6', kind: 'ward', parent: { name: 'Thành ủy Mỹ Tho', kind: 'district' } },
  decider: { name: 'Thành ủy Mỹ Tho', kind: 'district', parent: { name: 'Tỉnh ủy Tiền Giang', kind: 'province' } },
  proposer: { name: 'Đảng ủy Phường 6', kind: 'ward', parent: { name: 'Thành ủy Mỹ Tho', kind: 'district' } },
  place: 'Mỹ Tho',
  decisionNo: '208-QĐ/TU',
  decisionOn: '2026-06-15',
  members: [
    { fullName: 'Phạm Văn Lộc', official: true },
    { fullName: 'Đoàn Thị Hạnh', official: true },
    { fullName: 'Ngô Quốc Việt', official: false },
  ],
  memberCount: 3,
  officialCount: 2,
  secretaryName: 'Phạm Văn Lộc',
  regulationNo: '24-QĐ/TW',
};

/** The sample values of a form (see above). */
export function sampleValues(form: FormKind): FormValues {
  return form === 'founding_decision' ? formValues(form, SAMPLE_FOUNDING) : formValues(form, SAMPLE_CASE);
}
