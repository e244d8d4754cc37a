/**
 * The data-layer calls `npm run bench` times at each scope: every list, inbox and picker, the
 * name searches and deep pages, and the dashboard. Each runs as the bench's leader (or admin, for
 * the lists only administrators read) of the scope's unit. `prepare` runs once, untimed, as the
 * same user (the cursor of page 200, a class of the user's unit).
 */
import { countInbox, listCases, listInbox } from '../../lib/dal/case-lists';
import { getCase } from '../../lib/dal/admission';
import { openCaseFile } from '../../lib/dal/papers';
import { listPersonAccess } from '../../lib/dal/access-log';
import { listAudit } from '../../lib/dal/audit';
import { classTotals, listClasses, searchClassCandidates } from '../../lib/dal/classes';
import { listOwnerMeetings, listSurveyRounds } from '../../lib/dal/engagement';
import { listEnterprises, listPriorityEnterprises, listZones, searchEnterprises } from '../../lib/dal/enterprises';
import { listFoundingProposals } from '../../lib/dal/founding';
import { listIncomingTransfers } from '../../lib/dal/member-transfers';
import { listMembers } from '../../lib/dal/members';
import type { Page, PageRequest } from '../../lib/dal/paging';
import { countUnreadNotifications, listNotifications } from '../../lib/dal/notifications';
import { getHome } from '../../lib/dal/home';
import { searchEverything } from '../../lib/dal/search';
import { getRatingSheet } from '../../lib/dal/ratings';
import { getDashboard, getOverview } from '../../lib/dal/reports';
import { getUnit, searchUnits } from '../../lib/dal/units';
import { listUsers } from '../../lib/dal/users';
import { yearPeriod } from '../../lib/reports/maths';

export type ScopeKey = 'national' | 'province' | 'district' | 'ward' | 'cell';

export type Call = {
  name: string;
  as: 'leader' | 'admin';
  goal: 'list' | 'dashboard';
  /** Only at these scopes (a class belongs to a district, a referral to a union branch). */
  scopes?: ScopeKey[];
  prepare?: (scope: { unitId: number }) => Promise<unknown>;
  run: (scope: { unitId: number }, prepared: never) => Promise<unknown>;
};

const period = yearPeriod(2026);

/** The cursor of page `n` (or of the last page, when there are fewer), following the list's own links. */
async function cursorOfPage<T>(list: (page: PageRequest) => Promise<Page<T>>, n: number): Promise<PageRequest> {
  let request: PageRequest = {};
  for (let i = 1; i < n; i++) {
    const page = await list(request);
    if (!page.next) break;
    request = { after: page.next };
  }
  return request;
}

/** The first case of the scope's list that has a paper with a file (every scope's list holds some). */
async function caseWithFile(): Promise<{ caseId: number; fileId: number }> {
  for (const item of (await listCases({})).items) {
    const file = (await getCase(item.id)).documents.find((d) => d.files.length)?.files[0];
    if (file) return { caseId: item.id, fileId: file.id };
  }
  throw new Error('no case of this scope has a paper with a file');
}

const call = <P>(c: Omit<Call, 'prepare' | 'run'> & { prepare?: (scope: { unitId: number }) => Promise<P>; run: (scope: { unitId: number }, prepared: P) => Promise<unknown> }) => c as unknown as Call;

export const CALLS: Call[] = [
  { name: 'members: list, page 1', as: 'leader', goal: 'list', run: () => listMembers({}) },
  call({ name: 'members: list, page 200', as: 'leader', goal: 'list', prepare: () => cursorOfPage((p) => listMembers({}, p), 200), run: (_, p) => listMembers({}, p) }),
  { name: 'members: occupation + status', as: 'leader', goal: 'list', run: () => listMembers({ occupation: 'direct_worker', status: 'active' }) },
  { name: 'members: search "nguyen van"', as: 'leader', goal: 'list', run: () => listMembers({ q: 'nguyen van' }) },
  { name: 'members: search "trieu thi"', as: 'leader', goal: 'list', run: () => listMembers({ q: 'trieu thi' }) },
  { name: 'members: incoming transfers', as: 'leader', goal: 'list', run: () => listIncomingTransfers() },
  { name: 'members: admitted in 2025 (behind a figure)', as: 'leader', goal: 'list', run: (s) => listMembers({ admitted: { unitId: s.unitId, from: '2025-01-01', to: '2025-12-31' } }) },
  { name: 'cases: list + count', as: 'leader', goal: 'list', run: () => listCases({}) },
  call({ name: 'cases: list, page 200', as: 'leader', goal: 'list', prepare: () => cursorOfPage((p) => listCases({}, p), 200), run: (_, p) => listCases({}, p) }),
  { name: 'cases: search "nguyen thi"', as: 'leader', goal: 'list', run: () => listCases({ q: 'nguyen thi' }) },
  { name: 'cases: state filter (decision pending)', as: 'leader', goal: 'list', run: () => listCases({ state: 'decision_pending' }) },
  { name: 'cases: introduced in 2025 (behind a figure)', as: 'leader', goal: 'list', run: (s) => listCases({ submitted: { unitId: s.unitId, from: '2025-01-01', to: '2025-12-31' } }) },
  { name: 'cases: inbox', as: 'leader', goal: 'list', run: () => listInbox() },
  call({ name: 'cases: one case with its papers and timeline', as: 'leader', goal: 'list', prepare: async () => (await caseWithFile()).caseId, run: (_, id) => getCase(id) }),
  call({ name: 'papers: open a file of a case', as: 'leader', goal: 'list', prepare: caseWithFile, run: (_, p) => openCaseFile(p.caseId, p.fileId) }),
  { name: 'cases: inbox search "nguyen"', as: 'leader', goal: 'list', run: () => listInbox({}, { q: 'nguyen' }) },
  { name: 'cases: inbox count (every page)', as: 'leader', goal: 'list', run: () => countInbox() },
  { name: 'enterprises: list, page 1', as: 'leader', goal: 'list', run: () => listEnterprises({}) },
  call({ name: 'enterprises: list, page 200', as: 'leader', goal: 'list', prepare: () => cursorOfPage((p) => listEnterprises({}, p), 200), run: (_, p) => listEnterprises({}, p) }),
  { name: 'enterprises: search "may mac"', as: 'leader', goal: 'list', run: () => listEnterprises({ q: 'may mac' }) },
  { name: 'enterprises: FDI without a party organisation', as: 'leader', goal: 'list', run: () => listEnterprises({ type: 'fdi', hasParty: false }) },
  { name: 'enterprises: zones (filter)', as: 'leader', goal: 'list', run: () => listZones() },
  { name: 'enterprises: priority list', as: 'leader', goal: 'list', run: () => listPriorityEnterprises() },
  { name: 'classes: list + totals', as: 'leader', goal: 'list', run: () => Promise.all([listClasses({}), classTotals({})]) },
  { name: 'classes: search "boi duong"', as: 'leader', goal: 'list', run: () => listClasses({ q: 'boi duong' }) },
  { name: 'founding proposals: list', as: 'leader', goal: 'list', run: () => listFoundingProposals({}) },
  { name: 'founding proposals: search "cong ty" (open ones)', as: 'leader', goal: 'list', run: () => listFoundingProposals({ q: 'cong ty', state: 'proposed' }) },
  { name: 'engagement: owner meetings of a year', as: 'leader', goal: 'list', run: () => listOwnerMeetings({ from: '2026-01-01', to: '2026-12-31' }) },
  { name: 'engagement: survey rounds', as: 'leader', goal: 'list', run: () => listSurveyRounds() },
  { name: 'ratings: sheet and shares', as: 'leader', goal: 'list', run: () => getRatingSheet(2025) },
  { name: 'audit: list', as: 'admin', goal: 'list', run: () => listAudit() },
  call({ name: 'audit: list, page 200', as: 'admin', goal: 'list', prepare: () => cursorOfPage((p) => listAudit({}, p), 200), run: (_, p) => listAudit({}, p) }),
  { name: 'audit: action filter (returned cases)', as: 'admin', goal: 'list', run: () => listAudit({ action: 'admission.return' }) },
  { name: 'audit: one month', as: 'admin', goal: 'list', run: () => listAudit({ from: '2026-06-01', to: '2026-06-30' }) },
  { name: 'audit: record openings (Decree 13/2023)', as: 'admin', goal: 'list', run: () => listPersonAccess() },
  { name: 'notifications: list + unread count (every page)', as: 'leader', goal: 'list', run: () => Promise.all([listNotifications(), countUnreadNotifications()]) },
  { name: 'search: everything "nguyen van"', as: 'leader', goal: 'list', run: () => searchEverything('nguyen van') },
  { name: 'search: everything "may"', as: 'leader', goal: 'list', run: () => searchEverything('may') },
  { name: 'users: list', as: 'admin', goal: 'list', run: () => listUsers({}) },
  { name: 'users: search "nguyen"', as: 'admin', goal: 'list', run: () => listUsers({ q: 'nguyen' }) },
  { name: 'units: own unit with children', as: 'leader', goal: 'list', run: (s) => getUnit(s.unitId) },
  { name: 'units: children search "phuong"', as: 'leader', goal: 'list', run: (s) => getUnit(s.unitId, {}, 'phuong') },
  { name: 'picker: cells, first matches', as: 'leader', goal: 'list', run: () => searchUnits({ kinds: ['cell'] }) },
  { name: 'picker: cells "may"', as: 'leader', goal: 'list', run: () => searchUnits({ kinds: ['cell'], q: 'may' }) },
  { name: 'picker: cells of the tree "thuy san"', as: 'leader', goal: 'list', run: () => searchUnits({ kinds: ['cell'], scope: 'tree', q: 'thuy san' }) },
  { name: 'picker: units "phuong"', as: 'admin', goal: 'list', run: () => searchUnits({ q: 'phuong' }) },
  { name: 'picker: enterprises "viet han"', as: 'leader', goal: 'list', run: () => searchEnterprises('viet han') },
  call({
    name: 'picker: people for a class "nguyen"',
    as: 'leader',
    goal: 'list',
    scopes: ['district'],
    prepare: async () => (await listClasses({ kind: 'awareness' })).items[0]?.id,
    run: (_, classId) => searchClassCandidates(classId as number, 'nguyen'),
  }),
  { name: "home: the user's work (getHome)", as: 'leader', goal: 'dashboard', run: () => getHome() },
  { name: 'dashboard: figures (getDashboard)', as: 'leader', goal: 'dashboard', run: () => getDashboard({ period }) },
  { name: 'dashboard: headline, charts, forecast (getOverview)', as: 'leader', goal: 'dashboard', run: () => getOverview({ period }) },
];
