/**
 * The data-layer calls `npm run bench` times at each scope: every list, inbox and picker, the
 * name searches and deep pages, and the dashboard. Each runs as the bench's leader (or admin, for
 * the lists only administrators read) of the scope's unit.
 */
import { listCases, countCases, listInbox } from '../../lib/dal/admission';
import { listAudit } from '../../lib/dal/audit';
import { classTotals, listClasses } from '../../lib/dal/classes';
import { listEnterpriseUnitOptions, listEnterprises, listPriorityEnterprises } from '../../lib/dal/enterprises';
import { listFoundingProposals } from '../../lib/dal/founding';
import { listCellOptions, listIncomingTransfers, listMembers } from '../../lib/dal/members';
import { getDashboard, getOverview } from '../../lib/dal/reports';
import { getUnit, listUnitOptions } from '../../lib/dal/units';
import { listUsers } from '../../lib/dal/users';
import { yearPeriod } from '../../lib/reports/maths';

export type Call = { name: string; as: 'leader' | 'admin'; goal: 'list' | 'dashboard'; run: (scope: { unitId: number }) => Promise<unknown> };

const period = yearPeriod(2026);

export const CALLS: Call[] = [
  { name: 'members: list, page 1', as: 'leader', goal: 'list', run: () => listMembers({}, 1) },
  { name: 'members: list, page 200', as: 'leader', goal: 'list', run: () => listMembers({}, 200) },
  { name: 'members: occupation + status', as: 'leader', goal: 'list', run: () => listMembers({ occupation: 'direct_worker', status: 'active' }, 1) },
  { name: 'members: search "nguyen van"', as: 'leader', goal: 'list', run: () => listMembers({ q: 'nguyen van' }, 1) },
  { name: 'members: search "trieu thi"', as: 'leader', goal: 'list', run: () => listMembers({ q: 'trieu thi' }, 1) },
  { name: 'members: incoming transfers', as: 'leader', goal: 'list', run: () => listIncomingTransfers() },
  { name: 'picker: cells of the scope', as: 'leader', goal: 'list', run: () => listCellOptions('mine') },
  { name: 'cases: list + count', as: 'leader', goal: 'list', run: () => Promise.all([listCases({}), countCases({})]) },
  { name: 'cases: search "nguyen thi"', as: 'leader', goal: 'list', run: () => Promise.all([listCases({ q: 'nguyen thi' }), countCases({ q: 'nguyen thi' })]) },
  { name: 'cases: inbox', as: 'leader', goal: 'list', run: () => listInbox() },
  { name: 'enterprises: list, page 1', as: 'leader', goal: 'list', run: () => listEnterprises({}, 1) },
  { name: 'enterprises: list, page 200', as: 'leader', goal: 'list', run: () => listEnterprises({}, 200) },
  { name: 'enterprises: search "may mac"', as: 'leader', goal: 'list', run: () => listEnterprises({ q: 'may mac' }, 1) },
  { name: 'enterprises: FDI without a party organisation', as: 'leader', goal: 'list', run: () => listEnterprises({ type: 'fdi', hasParty: false }, 1) },
  { name: 'enterprises: priority list', as: 'leader', goal: 'list', run: () => listPriorityEnterprises() },
  { name: 'picker: enterprise form units', as: 'leader', goal: 'list', run: () => listEnterpriseUnitOptions() },
  { name: 'classes: list + totals', as: 'leader', goal: 'list', run: () => Promise.all([listClasses({}), classTotals({})]) },
  { name: 'founding proposals: list', as: 'leader', goal: 'list', run: () => listFoundingProposals({}) },
  { name: 'audit: list', as: 'admin', goal: 'list', run: () => listAudit() },
  { name: 'users: list', as: 'admin', goal: 'list', run: () => listUsers({}) },
  { name: 'users: search "nguyen"', as: 'admin', goal: 'list', run: () => listUsers({ q: 'nguyen' }) },
  { name: 'units: own unit with children', as: 'leader', goal: 'list', run: (s) => getUnit(s.unitId) },
  { name: 'picker: units of the scope', as: 'admin', goal: 'list', run: () => listUnitOptions() },
  { name: 'dashboard: figures (getDashboard)', as: 'leader', goal: 'dashboard', run: () => getDashboard({ period }) },
  { name: 'dashboard: headline, charts, forecast (getOverview)', as: 'leader', goal: 'dashboard', run: () => getOverview({ period }) },
];
