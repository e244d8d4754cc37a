/** States, case roles and document kinds of the admission workflow (no imports: the schema uses them). */
export const STATES = [
  'referral_draft',
  'referred',
  'cell_review',
  'committee_review',
  'decision_pending',
  'ceremony_pending',
  'probation',
  'recognition_cell_review',
  'recognition_committee_review',
  'recognition_decision_pending',
  'official',
  'removed',
  'rejected',
] as const;
export type State = (typeof STATES)[number];

export const TERMINAL_STATES: readonly State[] = ['official', 'removed', 'rejected'];

export const CASE_ROLES = ['referrer', 'cell', 'committee', 'decider'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const DOCUMENT_KINDS = [
  'awareness_certificate',
  'application', // 1-KNĐ
  'personal_history', // 2-KNĐ
  'branch_resolution', // union/youth branch's resolution of introduction (4-KNĐ)
  'sponsor_introduction', // 3-KNĐ
  'background_verification',
  'opinions',
  'cell_resolution',
  'committee_resolution', // 8-KNĐ
  'admission_decision',
  'probation_report',
  'recognition_resolution',
  'recognition_decision',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
