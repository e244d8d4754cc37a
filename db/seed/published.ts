import { eq } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import { chunks, reserveIds, type Db } from '../index';
import { classEnrolments, classes, enterprises, persons, units, users } from '../schema';
import { insertMembers, type CreateMemberInput } from '../../lib/dal/members';
import { setTargets, type TargetInput } from '../../lib/dal/reports';
import { allowScriptIdentities, runAs } from '../../lib/dal/session';
import type { Occupation } from '../../lib/registry/kinds';
import { searchKey } from '../../lib/people/identity';
import { yearPeriod, termPeriod } from '../../lib/reports/maths';
import { addDays, weekday, type IsoDate } from '../../lib/rules/dates';
import type { Measure } from '../../lib/reports/measures';
import { DEMO_CASES, MEKONG, PHUONG_NAM, runDemoCases, VIET_HAN, type DemoCase } from './cases';
import { DEMO_PASSWORD, demoUnit, ensureAccounts, ensureTree, type DemoAccount, type DemoUnit } from './demo';
import { demoTaxCode, ensureEnterprises, type DemoEnterprise } from './enterprises';
import { DEMO_MEMBER_PLAN, demoMember } from './members';

/**
 * Demo data whose dashboards reproduce the figures published in the press (shared/DOMAIN.md,
 * "Targets and reports"), each on the demo unit that plays the part:
 *
 * - Thành ủy Mỹ Tho (mytho.*): 18 enterprises with party organisations (4 cells under ward
 *   committees, 14 cells and committees directly under the city), 205 members working in
 *   enterprises; in 2024 36 people introduced and 32 admitted: 10 through the labour federation's
 *   cell, 10 in enterprise cells under the city, 12 in cells under ward committees.
 * - Tỉnh ủy Tiền Giang (tinh.*): the resolution's yearly targets, 2023–2030: 200 new members in
 *   non-state enterprises, 5 of them owners, 10 new organisations, 90% of organisations and 85% of
 *   members rated good or above.
 * - Đảng ủy Khối Doanh nghiệp (khoi.*): 83 grassroots organisations (42 cells, 41 committees),
 *   5,426 members, of whom 150 direct production workers.
 * - Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang (tqkhoi.leader), term 2020–2025:
 *   25 awareness classes for 1,270 people, 22 new-member classes for 1,087, 1,147 admitted
 *   against a term plan of 903 (27% above), 173 of them in non-state enterprises.
 *
 * The Mỹ Tho admissions of 2024 are admission cases taken step by step through the data layer
 * (like the other demo cases); the rest are registry records, as an import would write them.
 * The numbers below are the published ones; where a figure also counts other demo records (Mỹ Tho's
 * members), the filler is derived from those records' plans, so the total stays the published one.
 * Seeded once, after the other demo data, into a database that does not have it yet.
 */

export const PUBLISHED = {
  mytho: { year: 2024, enterprisesWithParty: 18, underWards: 4, direct: 14, membersInEnterprises: 205, admitted: 32, viaLabourFederation: 10, directCells: 10, wardCells: 12, introduced: 36 },
  province: { from: 2023, to: 2030, admittedNonstate: 200, owners: 5, orgsFounded: 10, orgsGoodShare: 90, membersGoodShare: 85 },
  bloc: { organisations: 83, cells: 42, committees: 41, members: 5426, workers: 150 },
  tuyenQuang: { from: 2020, to: 2025, awarenessClasses: 25, awarenessAttendees: 1270, newMemberClasses: 22, newMemberAttendees: 1087, admitted: 1147, plan: 903, nonstate: 173 },
} as const;

// ------------------------------------------------------------------ units and enterprises

type OrgPlan = { code: string; name: string; kind: 'cell' | 'grassroots'; parent: string; subCells?: string[]; enterprise?: DemoEnterprise; members: number };

const committee = (code: string, name: string, parent: string, subCells: string[], members: number, enterprise?: DemoEnterprise): OrgPlan => ({
  code,
  name,
  kind: 'grassroots',
  parent,
  subCells,
  members,
  enterprise,
});
const cellOf = (code: string, name: string, parent: string, members: number, enterprise?: DemoEnterprise): OrgPlan => ({ code, name, kind: 'cell', parent, members, enterprise });

function firm(name: string, serial: string, managing: string, party: string, i: number, extra: Partial<DemoEnterprise> = {}): DemoEnterprise {
  const type = name.includes('Cổ phần') ? 'joint_stock' : name.startsWith('Doanh nghiệp tư nhân') ? 'private' : 'llc';
  return {
    name,
    serial,
    type,
    address: extra.address ?? 'TP Mỹ Tho, Tiền Giang',
    managing,
    workforce: 80 + ((i * 137) % 1400),
    union: true,
    youth: i % 3 !== 0 || undefined,
    owner: OWNERS[i % OWNERS.length],
    party,
    ...extra,
  };
}

const OWNERS = [
  'Nguyễn Văn Toàn',
  'Trần Thị Mỹ Hạnh',
  'Lê Quang Vinh',
  'Phạm Minh Trí',
  'Huỳnh Thị Kim Loan',
  'Võ Thành Nhân',
  'Đặng Hữu Phước',
  'Bùi Thị Ngọc Trâm',
  'Hồ Văn Cường',
  'Ngô Thị Thanh Vân',
  'Dương Minh Hiếu',
  'Lý Văn Hòa',
];

// Mỹ Tho: the 4 existing enterprise cells (Phương Nam and Tân Phú under wards; Mekong and the
// pharmaceutical company directly under the city) and 14 more.
const MYTHO_WARD_ORGS: [string, string, string][] = [
  ['TG-MYTHO-P1-HOANGGIA', 'Chi bộ Công ty TNHH Thương mại Hoàng Gia', 'TG-MYTHO-P1'],
  ['TG-MYTHO-P6-THANHLONG', 'Chi bộ Công ty Cổ phần Vận tải Thành Long', 'TG-MYTHO-P6'],
];
const MYTHO_DIRECT_CELLS = [
  'Công ty Cổ phần Xây lắp Điện Mỹ Tho',
  'Công ty TNHH Chế biến Thủy sản Sông Tiền',
  'Công ty TNHH Dệt may Tân Long',
  'Công ty Cổ phần Lương thực Mỹ Tho',
  'Công ty TNHH Cơ điện lạnh Phú Thịnh',
  'Công ty Cổ phần Du lịch Thới Sơn',
  'Công ty TNHH Vật liệu Xây dựng Đồng Tâm Mỹ Tho',
  'Công ty Cổ phần Bệnh viện Đa khoa Mỹ Tho',
  'Công ty TNHH Bánh kẹo Hương Sen',
  'Công ty Cổ phần In Tiền Giang',
];
const MYTHO_DIRECT_COMMITTEES = ['Công ty Cổ phần Chế biến Nông sản Mỹ Tho', 'Tổng Công ty Cổ phần Cơ khí Mỹ Tho'];

const SECTORS = ['Thủy sản', 'May mặc', 'Chế biến gỗ', 'Cơ khí', 'Xây dựng', 'Vận tải', 'Dệt nhuộm', 'Nông sản', 'Bao bì', 'Điện tử'];
const PLACES = ['Tiền Giang', 'Cái Bè', 'Cai Lậy', 'Gò Công', 'Tân Phước', 'Chợ Gạo', 'Châu Thành', 'Mỹ Tịnh An', 'Tân Phú Đông', 'Long Định'];

/** Members still counted in Mỹ Tho's enterprises from the other demo plans (registry members, and cases that reached a ceremony). */
const MEMBER_STAGES = new Set(['probation', 'recognition_cell_review', 'recognition_committee_review', 'recognition_decision_pending', 'official']);
function myThoMembersElsewhere(): number {
  const registry = DEMO_MEMBER_PLAN.filter((p) => p.cell.startsWith('TG-MYTHO') && p.enterprise).reduce((n, p) => n + p.count, 0);
  // Every Mỹ Tho chain is referred by an enterprise's union branch: the member works there.
  const cases = [...DEMO_CASES, ...MYTHO_CASES].filter((c) => c.chain.cellCode.startsWith('TG-MYTHO') && MEMBER_STAGES.has(c.stage)).length;
  return registry + cases;
}

function myThoOrgs(): OrgPlan[] {
  const orgs: OrgPlan[] = [];
  MYTHO_WARD_ORGS.forEach(([code, name, ward], i) => orgs.push(cellOf(code, name, ward, 0, firm(name.replace('Chi bộ ', ''), String(81000 + i * 10), ward, code, i))));
  MYTHO_DIRECT_CELLS.forEach((f, i) => {
    const code = `TG-MYTHO-DN${String(i + 1).padStart(2, '0')}`;
    orgs.push(cellOf(code, `Chi bộ ${f}`, 'TG-MYTHO', 0, firm(f, String(81200 + i * 10), 'TG-MYTHO', code, i + 2)));
  });
  MYTHO_DIRECT_COMMITTEES.forEach((f, i) => {
    const code = `TG-MYTHO-DU${i + 1}`;
    orgs.push(committee(code, `Đảng ủy ${f}`, 'TG-MYTHO', ['Chi bộ Nhà máy', 'Chi bộ Khối Văn phòng'], 0, firm(f, String(81400 + i * 10), 'TG-MYTHO', code, i + 12, { workforce: 1800 + i * 400 })));
  });
  // The members they need: 205 in all, less those the other demo plans already place in Mỹ Tho's enterprises.
  spread(orgs, PUBLISHED.mytho.membersInEnterprises - myThoMembersElsewhere());
  return orgs;
}

function blocOrgs(): OrgPlan[] {
  const orgs: OrgPlan[] = [];
  for (let i = 0; i < 80; i++) {
    const sector = SECTORS[i % 10];
    const place = PLACES[Math.floor(i / 10) % 10];
    const isCommittee = i % 2 === 1;
    const company = `Công ty ${isCommittee ? 'Cổ phần' : 'TNHH'} ${sector} ${place}`;
    const code = `TG-KHOIDN-${isCommittee ? 'DU' : 'CB'}${String(i + 1).padStart(2, '0')}`;
    const ent = firm(company, String(82000 + i * 10), 'TG-KHOIDN', code, i + 20, {
      address: `${place}, Tiền Giang`,
      workforce: isCommittee ? 900 + ((i * 211) % 3000) : 120 + ((i * 53) % 600),
      type: isCommittee ? 'joint_stock' : i % 10 === 8 ? 'fdi' : 'llc',
      foreignInvested: !isCommittee && i % 10 === 8,
    });
    orgs.push(isCommittee ? committee(code, `Đảng ủy ${company}`, 'TG-KHOIDN', ['Chi bộ Sản xuất', 'Chi bộ Văn phòng'], 0, ent) : cellOf(code, `Chi bộ ${company}`, 'TG-KHOIDN', 0, ent));
  }
  const existing = DEMO_MEMBER_PLAN.filter((p) => p.cell.startsWith('TG-KHOIDN')).reduce((n, p) => n + p.count, 0);
  spread(orgs, PUBLISHED.bloc.members - existing);
  return orgs;
}

/** Share `total` members among the organisations: committees about five times a cell, deterministic. */
function spread(orgs: OrgPlan[], total: number): void {
  const weights = orgs.map((o, i) => (o.kind === 'grassroots' ? 5 : 1) * (10 + ((i * 7) % 9)));
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  orgs.forEach((o, i) => {
    o.members = i === orgs.length - 1 ? left : Math.floor((total * weights[i]) / sum);
    left -= o.members;
  });
}

const TQ_AGENCY_CELLS = [
  'Sở Tư pháp',
  'Sở Khoa học và Công nghệ',
  'Sở Ngoại vụ',
  'Ban Quản lý các khu công nghiệp tỉnh',
  'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
  'Sở Lao động, Thương binh và Xã hội',
];
const TQ_AGENCY_COMMITTEES = ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Nông nghiệp và Phát triển nông thôn', 'Công ty Điện lực Tuyên Quang', 'Bảo hiểm xã hội tỉnh', 'Cục Thuế tỉnh'];
const TQ_FIRMS = [
  'Công ty Cổ phần Khoáng sản Tuyên Quang',
  'Công ty TNHH Chè Mỹ Lâm',
  'Công ty Cổ phần Xi măng Tân Quang',
  'Công ty TNHH May Sơn Dương',
  'Công ty Cổ phần Chế biến Gỗ Hàm Yên',
  'Công ty TNHH Du lịch Na Hang',
];

function tuyenQuangOrgs(): OrgPlan[] {
  const orgs: OrgPlan[] = [];
  TQ_AGENCY_CELLS.forEach((a, i) => orgs.push(cellOf(`TQ-KHOI-CQ${i + 1}`, `Chi bộ ${a}`, 'TQ-KHOI', 0)));
  TQ_AGENCY_COMMITTEES.forEach((a, i) => orgs.push(committee(`TQ-KHOI-DU${i + 1}`, `Đảng ủy ${a}`, 'TQ-KHOI', ['Chi bộ số 1', 'Chi bộ số 2', 'Chi bộ số 3'], 0)));
  TQ_FIRMS.forEach((f, i) => {
    const code = `TQ-KHOI-DN${i + 1}`;
    orgs.push(cellOf(code, `Chi bộ ${f}`, 'TQ-KHOI', 0, firm(f, String(31000 + i * 10), 'TQ-KHOI', code, i + 3, { prefix: '50', address: 'Tuyên Quang' })));
  });
  return orgs;
}

function subtree(orgs: OrgPlan[], parent: string): DemoUnit[] {
  return orgs
    .filter((o) => o.parent === parent)
    .map((o) => ({
      code: o.code,
      name: o.name,
      kind: o.kind,
      foundedOn: '2015-06-01',
      children: o.subCells?.map((n, i) => ({ code: `${o.code}-C${i + 1}`, name: `${n}, ${o.name.replace(/^Đảng ủy /, '')}`, kind: 'cell' as const, foundedOn: '2015-06-01' })),
    }));
}

const TQ_TREE = (orgs: OrgPlan[]): DemoUnit => ({
  code: 'TQ',
  name: 'Tỉnh ủy Tuyên Quang',
  kind: 'province',
  children: [{ code: 'TQ-KHOI', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang', kind: 'bloc', children: subtree(orgs, 'TQ-KHOI') }],
});

export const PUBLISHED_ACCOUNTS: DemoAccount[] = [
  { username: 'tq.leader', fullName: 'Hoàng Văn Thắng', unitCode: 'TQ', role: 'leader' },
  { username: 'tqkhoi.leader', fullName: 'Ma Thị Hương', unitCode: 'TQ-KHOI', role: 'leader' },
];

// ------------------------------------------------------------------ Mỹ Tho's admissions of 2024

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Trương', 'Lâm', 'Phan', 'Cao'];
const GIVEN_M = ['Văn An', 'Minh Quân', 'Hoàng Nam', 'Quốc Huy', 'Thành Đạt', 'Hữu Tài', 'Công Danh', 'Tấn Phát', 'Gia Bảo'];
const GIVEN_F = ['Thị Hồng', 'Ngọc Hân', 'Thu Trang', 'Kim Ngọc', 'Mỹ Tiên', 'Thanh Trúc', 'Bảo Châu', 'Diễm My', 'Phương Thảo'];

function weekdayOn(d: IsoDate): IsoDate {
  const dow = weekday(d);
  return dow === 6 ? addDays(d, 2) : dow === 0 ? addDays(d, 1) : d;
}

/** 36 people introduced in 2024: 32 admitted that year (12 / 10 / 10 by route), 2 rejected, 2 admitted early in 2025. */
export const MYTHO_CASES: DemoCase[] = (() => {
  const out: DemoCase[] = [];
  const add = (chain: DemoCase['chain'], startOn: IsoDate, stage: DemoCase['stage'], variant?: DemoCase['variant']) => {
    const n = out.length;
    const gender = n % 2 === 0 ? 'female' : 'male';
    out.push({
      fullName: `${FAMILY[n % FAMILY.length]} ${(gender === 'male' ? GIVEN_M : GIVEN_F)[(n * 5) % 9]}`,
      birthDate: `${1996 + (n % 8)}-${String(1 + ((n * 7) % 12)).padStart(2, '0')}-${String(1 + ((n * 11) % 27)).padStart(2, '0')}`,
      gender,
      serial: String(240100 + n),
      chain,
      stage,
      startOn: weekdayOn(startOn),
      number: 200 + n,
      variant,
    });
  };
  const spreadOver = (count: number, chain: DemoCase['chain'], firstDay: number) => {
    // Referrals from January to October: each reaches its ceremony (49 days on) within the year.
    for (let i = 0; i < count; i++) add(chain, addDays('2024-01-08', firstDay + Math.floor((i * 270) / count)), 'official');
  };
  spreadOver(PUBLISHED.mytho.wardCells, PHUONG_NAM, 0);
  spreadOver(PUBLISHED.mytho.directCells, MEKONG, 5);
  spreadOver(PUBLISHED.mytho.viaLabourFederation, VIET_HAN, 10);
  add(MEKONG, '2024-05-13', 'rejected', 'rejected');
  add(MEKONG, '2024-08-19', 'rejected', 'rejected');
  add(VIET_HAN, '2024-11-25', 'official');
  add(VIET_HAN, '2024-12-02', 'official');
  return out;
})();

// ------------------------------------------------------------------ seeding

const OFFICE_CYCLE: Occupation[] = ['office', 'manager', 'office', 'other', 'office'];

/** Registry members of one organisation: `count` people, `workers` of them direct production workers, admitted between the given years. */
function membersFor(org: OrgPlan, cellIds: number[], enterpriseId: number | undefined, count: number, opts: { next: () => number; province?: string; workers: number }): CreateMemberInput[] {
  const out: CreateMemberInput[] = [];
  for (let i = 0; i < count; i++) {
    // Admitted before 2020: the published years (2024 in Mỹ Tho, the 2020–2025 term) count only their own records.
    const m = demoMember(opts.next(), { province: opts.province, bornBy: 1994, admittedBy: 2019 });
    out.push({
      fullName: m.fullName,
      birthDate: m.birthDate,
      gender: m.gender,
      nationalId: m.nationalId,
      cardNo: m.cardNo,
      cellUnitId: cellIds[i % cellIds.length],
      enterpriseId,
      occupation: i < opts.workers ? 'direct_worker' : OFFICE_CYCLE[i % OFFICE_CYCLE.length],
      admittedOn: m.admittedOn,
      officialOn: m.officialOn,
    });
  }
  return out;
}

async function lookups(db: Db) {
  const unitRows = await db.select({ id: units.id, code: units.code, parentId: units.parentId }).from(units);
  const byCode = new Map(unitRows.map((u) => [u.code, u.id]));
  const unitId = (code: string) => {
    const id = byCode.get(code);
    if (!id) throw new Error(`published figures: no unit ${code}`);
    return id;
  };
  const byTax = new Map((await db.select({ id: enterprises.id, taxCode: enterprises.taxCode }).from(enterprises)).map((r) => [r.taxCode, r.id]));
  /** The cells members of an organisation sit in: the cell itself, or a committee's cells. */
  const cellsOf = (o: OrgPlan) => (o.subCells ? o.subCells.map((_, i) => unitId(`${o.code}-C${i + 1}`)) : [unitId(o.code)]);
  const enterpriseOf = (o: OrgPlan) => (o.enterprise ? byTax.get(demoTaxCode(o.enterprise.serial, o.enterprise.prefix)) : undefined);
  return { unitId, cellsOf, enterpriseOf };
}

async function identity(db: Db, username: string) {
  const [u] = await db.select({ userId: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`published figures: no user ${username}`);
  return u;
}

export async function seedPublishedFigures(db: Db, today: IsoDate): Promise<boolean> {
  const [done] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'TQ'));
  if (done) return false;
  const mytho = myThoOrgs();
  const bloc = blocOrgs();
  const tq = tuyenQuangOrgs();
  const passwordHash = await hash(DEMO_PASSWORD);

  // Units, accounts and enterprises.
  await db.transaction(async (tx) => {
    for (const parentCode of ['TG-MYTHO-P1', 'TG-MYTHO-P6', 'TG-MYTHO']) {
      const parent = await demoUnit(tx, parentCode);
      for (const node of subtree(mytho, parentCode)) await ensureTree(tx, node, parent);
    }
    const blocUnit = await demoUnit(tx, 'TG-KHOIDN');
    for (const node of subtree(bloc, 'TG-KHOIDN')) await ensureTree(tx, node, blocUnit);
    await ensureTree(tx, TQ_TREE(tq), await demoUnit(tx, 'TW'));
    await ensureAccounts(tx, PUBLISHED_ACCOUNTS, passwordHash);
    await ensureEnterprises(
      tx,
      [...mytho, ...bloc, ...tq].flatMap((o) => (o.enterprise ? [o.enterprise] : [])),
    );
  });

  const look = await lookups(db);
  let serial = 2000; // demoMember numbers of the seed's own members start at 0; these after them
  const next = () => serial++;

  // Registry members: Mỹ Tho's and the bloc's enterprises, admitted before 2020 (some owners among them).
  await db.transaction(async (tx) => {
    const rows: CreateMemberInput[] = [];
    const blocWorkersElsewhere = (() => {
      let k = 0;
      let workers = 0;
      for (const p of DEMO_MEMBER_PLAN) for (let i = 0; i < p.count; i++, k++) if (p.cell.startsWith('TG-KHOIDN') && !(i === 0 && p.owner) && demoMember(k).occupation === 'direct_worker') workers++;
      return workers;
    })();
    let blocWorkersLeft = PUBLISHED.bloc.workers - blocWorkersElsewhere;
    const blocTotal = bloc.reduce((n, o) => n + o.members, 0);
    for (const o of [...mytho, ...bloc]) {
      const inBloc = o.code.startsWith('TG-KHOIDN');
      // The bloc's few direct production workers, shared in proportion; Mỹ Tho's enterprises: about a third.
      const workers = inBloc ? Math.min(blocWorkersLeft, Math.round((PUBLISHED.bloc.workers * o.members) / blocTotal)) : Math.floor(o.members / 3);
      if (inBloc) blocWorkersLeft -= workers;
      rows.push(...membersFor(o, look.cellsOf(o), look.enterpriseOf(o), o.members, { next, workers }));
    }
    // Whatever rounding left over goes to the last organisation's office staff.
    if (blocWorkersLeft > 0) {
      const last = rows.filter((r) => r.occupation !== 'direct_worker' && look.cellsOf(bloc.at(-1)!).includes(r.cellUnitId)).slice(0, blocWorkersLeft);
      for (const r of last) r.occupation = 'direct_worker';
    }
    await insertMembers(tx, null, rows, 'Dữ liệu mẫu');
  });

  // Mỹ Tho's 2024: every case through the data layer, as its users, on its dates.
  await runDemoCases(db, MYTHO_CASES);

  // Tuyên Quang's bloc, term 2020–2025: members admitted in the term (and earlier ones), classes.
  const tqLeader = await identity(db, 'tqkhoi.leader');
  await db.transaction(async (tx) => {
    const P = PUBLISHED.tuyenQuang;
    const firms = tq.filter((o) => o.enterprise);
    const agencies = tq.filter((o) => !o.enterprise);
    const days = (Date.parse('2025-12-15') - Date.parse('2020-03-02')) / 86_400_000;
    const admittedOn = (i: number) => weekdayOn(addDays('2020-03-02', Math.floor((i * days) / P.admitted)));
    // Who is admitted where: the 173 in the enterprises' cells, the rest in the agencies, interleaved over the term.
    const termRows: CreateMemberInput[] = [];
    const agencyCells = agencies.flatMap((o) => look.cellsOf(o));
    let inFirms = 0;
    for (let i = 0; i < P.admitted; i++) {
      const inFirm = Math.floor(((i + 1) * P.nonstate) / P.admitted) > inFirms;
      const org = inFirm ? firms[inFirms % firms.length] : undefined;
      if (inFirm) inFirms++;
      const m = demoMember(next(), { province: '008', bornBy: 1999 });
      const on = admittedOn(i);
      termRows.push({
        fullName: m.fullName,
        birthDate: m.birthDate,
        gender: m.gender,
        nationalId: m.nationalId,
        cardNo: m.cardNo,
        cellUnitId: org ? look.cellsOf(org)[0] : agencyCells[i % agencyCells.length],
        enterpriseId: org ? look.enterpriseOf(org) : undefined,
        occupation: org ? (i % 2 ? 'direct_worker' : 'office') : OFFICE_CYCLE[i % OFFICE_CYCLE.length],
        admittedOn: on,
        officialOn: addDays(on, 365) <= today ? addDays(on, 365) : undefined,
      });
    }
    const admitted = await insertMembers(tx, null, termRows, 'Dữ liệu mẫu');
    const earlier: CreateMemberInput[] = [];
    for (const o of tq) earlier.push(...membersFor(o, look.cellsOf(o), look.enterpriseOf(o), o.enterprise ? 8 : 20, { next, province: '008', workers: o.enterprise ? 4 : 0 }));
    await insertMembers(tx, null, earlier, 'Dữ liệu mẫu');

    // Awareness classes: the admitted (each in a class some weeks before their admission) and 123 who were not admitted.
    const others = P.awarenessAttendees - P.admitted;
    const otherIds = await reserveIds(tx, 'persons', others);
    const otherPeople = otherIds.map((id, i) => {
      const m = demoMember(next(), { province: '008', bornBy: 2004 });
      return { id, fullName: m.fullName, searchName: searchKey(m.fullName), birthDate: m.birthDate, gender: m.gender, nationalId: m.nationalId, unitId: agencyCells[i % agencyCells.length] };
    });
    for (const part of chunks(otherPeople)) await tx.insert(persons).values(part);
    const organiser = look.unitId('TQ-KHOI');
    const enrol = async (kind: 'awareness' | 'new_member', n: number, people: { personId: number; on: IsoDate }[], when: (group: { on: IsoDate }[]) => IsoDate, prefix: string) => {
      const groups = Array.from({ length: n }, (_, j) => people.slice(Math.floor((j * people.length) / n), Math.floor(((j + 1) * people.length) / n)));
      const classIds = await reserveIds(tx, 'classes', n);
      const rows = groups.map((g, j) => {
        const startOn = weekdayOn(when(g));
        return {
          id: classIds[j],
          kind,
          organiserUnitId: organiser,
          title:
            kind === 'awareness'
              ? `Lớp bồi dưỡng nhận thức về Đảng khóa ${j + 1} (${startOn.slice(0, 4)})`
              : `Lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa ${j + 1} (${startOn.slice(0, 4)})`,
          startOn,
          endOn: addDays(startOn, 4),
          createdBy: tqLeader.userId,
        };
      });
      await tx.insert(classes).values(rows);
      const enrolments = groups.flatMap((g, j) =>
        g.map((p, i) => ({
          classId: classIds[j],
          personId: p.personId,
          completed: true,
          certificateNo: `${prefix}-${rows[j].startOn.slice(0, 4)}-K${j + 1}-${String(i + 1).padStart(3, '0')}`,
          certificateOn: rows[j].endOn,
          enrolledBy: tqLeader.userId,
        })),
      );
      for (const part of chunks(enrolments)) await tx.insert(classEnrolments).values(part);
    };
    const admittedPeople = admitted.map((a, i) => ({ personId: a.personId, on: termRows[i].admittedOn }));
    // The others attended alongside them, spread over the classes.
    const awarenessPeople: { personId: number; on: IsoDate }[] = [];
    for (let pos = 0, a = 0, o = 0; pos < P.awarenessAttendees; pos++) {
      if (o < others && Math.floor(((o + 0.5) * P.awarenessAttendees) / others) === pos)
        awarenessPeople.push({ personId: otherIds[o++], on: admittedPeople[Math.min(a, admittedPeople.length - 1)].on });
      else awarenessPeople.push(admittedPeople[a++]);
    }
    await enrol('awareness', P.awarenessClasses, awarenessPeople, (g) => maxDate('2020-01-06', addDays(g[0].on, -50)), 'TQ-BDNT');
    // New-member classes: the first 1,087 admitted, some weeks after the last of their group; the latest are still to go.
    await enrol('new_member', P.newMemberClasses, admittedPeople.slice(0, P.newMemberAttendees), (g) => addDays(g[g.length - 1].on, 20), 'TQ-LLCT');
  });

  // Targets, through the data layer: the province's resolution for itself, Tuyên Quang's term plan for its bloc.
  allowScriptIdentities();
  const tinh = await identity(db, 'tinh.leader');
  const tg = look.unitId('TG');
  const P = PUBLISHED.province;
  const directive = {
    directiveNo: '15-NQ/TU',
    directiveOn: '2023-03-20',
    directiveIssuer: 'Tỉnh ủy Tiền Giang',
    directiveTitle: 'Nghị quyết về xây dựng tổ chức đảng, đoàn thể và phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước giai đoạn 2023–2030',
  };
  const provinceTargets: [Measure, number][] = [
    ['admitted_nonstate', P.admittedNonstate],
    ['admitted_owners', P.owners],
    ['orgs_founded', P.orgsFounded],
    ['orgs_good_share', P.orgsGoodShare],
    ['members_good_share', P.membersGoodShare],
  ];
  const inputs: TargetInput[] = [];
  for (let y = P.from; y <= P.to; y++) for (const [measure, value] of provinceTargets) inputs.push({ unitId: tg, measure, period: yearPeriod(y), value, ...directive });
  await runAs(tinh, () => setTargets(inputs));
  const T = PUBLISHED.tuyenQuang;
  await runAs(await identity(db, 'tq.leader'), () =>
    setTargets([
      {
        unitId: look.unitId('TQ-KHOI'),
        measure: 'admitted',
        period: termPeriod(T.from, T.to),
        value: T.plan,
        directiveNo: '03-NQ/TU',
        directiveOn: '2020-12-15',
        directiveIssuer: 'Tỉnh ủy Tuyên Quang',
        directiveTitle: 'Nghị quyết về công tác phát triển đảng viên nhiệm kỳ 2020–2025',
      },
    ]),
  );
  return true;
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
