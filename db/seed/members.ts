import { inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index';
import { enterprises, partyMembers, units } from '../schema';
import { insertMember } from '../../lib/dal/members';
import type { Occupation } from '../../lib/registry/kinds';
import { demoTaxCode } from './enterprises';

/**
 * Demo party members for the demo cells: names, dates, valid Tiền Giang CCCDs and card numbers
 * made deterministically, a few owners and many direct production workers, some still
 * probationary. Entered through the data layer's insertMember (with its history event). Seeded
 * once, into a database without registered members.
 */

type CellPlan = { cell: string; count: number; enterprise?: string; owner?: { name: string; gender: 'male' | 'female'; birth: string } };

export const DEMO_MEMBER_PLAN: CellPlan[] = [
  { cell: 'TG-MYTHO-P4-PHUONGNAM', count: 8, enterprise: '0045871' },
  { cell: 'TG-MYTHO-MEKONG', count: 12, enterprise: '0031265', owner: { name: 'Trần Quốc Hùng', gender: 'male', birth: '1972-06-18' } },
  { cell: 'TG-MYTHO-DUOC', count: 6, enterprise: '0012998' },
  { cell: 'TG-MYTHO-P6-TANPHU', count: 5, enterprise: '0058412' },
  // The labour federation's cell takes in members working where there is no cell yet (Việt Hàn).
  { cell: 'TG-MYTHO-LDLD', count: 10, enterprise: '0067733' },
  { cell: 'TG-MYTHO-P1-KP2', count: 6 },
  { cell: 'TG-MYTHO-P4-KP3', count: 5 },
  { cell: 'TG-KHOIDN-GOCONG', count: 9, enterprise: '0011876' },
  { cell: 'TG-KHOIDN-LONGGIANG', count: 7, enterprise: '0021447' },
  { cell: 'TG-KHOIDN-VIETPHAT-PX1', count: 10, enterprise: '0009562', owner: { name: 'Lê Việt Phát', gender: 'male', birth: '1968-02-02' } },
  { cell: 'TG-KHOIDN-VIETPHAT-VP', count: 6, enterprise: '0009562' },
  { cell: 'TG-CHAUTHANH-TANHUONG-KCN', count: 5, enterprise: '0034121' },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Thanh', 'Hữu', 'Đức', 'Công'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh', 'Bích'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Phúc', 'Khang', 'Lộc', 'Nghĩa', 'Tài', 'Thịnh', 'Trí', 'Vinh', 'Sơn', 'Long', 'Hải'];
const GIVEN_F = ['Lan', 'Hương', 'Trang', 'Thảo', 'Nhung', 'Hạnh', 'Yến', 'Vy', 'Ngân', 'Duyên', 'Tuyết', 'Phượng', 'Loan', 'Diệp'];
const OCCUPATION_CYCLE: Occupation[] = ['direct_worker', 'direct_worker', 'direct_worker', 'office', 'manager', 'direct_worker', 'other', 'direct_worker'];

/**
 * The n-th demo member (deterministic): born 1970 to `bornBy`, admitted at 20 to 27 and not after
 * `admittedBy`; `province` is the CCCD's province code (082 Tiền Giang, 008 Tuyên Quang).
 */
export function demoMember(n: number, { province = '082', bornBy = 2002, admittedBy = 2025 } = {}) {
  const gender: 'male' | 'female' = n % 2 === 0 ? 'male' : 'female';
  const family = FAMILY[(n * 7) % FAMILY.length];
  const middle = (gender === 'male' ? MIDDLE_M : MIDDLE_F)[(n * 3) % 7];
  const given = (gender === 'male' ? GIVEN_M : GIVEN_F)[(n * 5) % 14];
  const year = 1970 + ((n * 11) % (bornBy - 1969));
  const birthDate = `${year}-${String(1 + ((n * 5) % 12)).padStart(2, '0')}-${String(1 + ((n * 13) % 28)).padStart(2, '0')}`;
  const admittedYear = Math.min(admittedBy, year + 20 + (n % 8));
  const admittedOn = `${admittedYear}-${String(1 + (n % 12)).padStart(2, '0')}-15`;
  // Admitted within the last year: still probationary.
  const officialOn = admittedYear >= 2025 ? undefined : `${admittedYear + 1}-${String(1 + (n % 12)).padStart(2, '0')}-15`;
  const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (gender === 'female' ? 1 : 0);
  return {
    fullName: `${family} ${middle} ${given}`,
    gender,
    birthDate,
    admittedOn,
    officialOn,
    nationalId: `${province}${centuryDigit}${String(year).slice(2)}${String(500000 + n).padStart(6, '0')}`,
    cardNo: `${province.slice(1)}.${String(100000 + n * 37).padStart(6, '0')}`,
    occupation: OCCUPATION_CYCLE[n % OCCUPATION_CYCLE.length],
  };
}

export async function seedDemoMembers(db: Db): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partyMembers)
    .where(isNull(partyMembers.admissionCaseId));
  if (Number(n) > 0) return 0;
  const unitRows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(
      inArray(
        units.code,
        DEMO_MEMBER_PLAN.map((p) => p.cell),
      ),
    );
  const firmRows = await db.select({ id: enterprises.id, taxCode: enterprises.taxCode }).from(enterprises);
  let created = 0;
  await db.transaction(async (tx) => {
    let k = 0;
    for (const plan of DEMO_MEMBER_PLAN) {
      const cellUnitId = unitRows.find((u) => u.code === plan.cell)?.id;
      if (!cellUnitId) throw new Error(`demo members: no unit ${plan.cell}`);
      const enterpriseId = plan.enterprise ? firmRows.find((f) => f.taxCode === demoTaxCode(plan.enterprise!))?.id : undefined;
      for (let i = 0; i < plan.count; i++, k++) {
        const m = demoMember(k);
        const owner = i === 0 ? plan.owner : undefined;
        await insertMember(tx, null, {
          ...m,
          ...(owner ? { fullName: owner.name, gender: owner.gender, birthDate: owner.birth, nationalId: undefined, occupation: 'owner' as const } : {}),
          cellUnitId,
          enterpriseId,
        });
        created++;
      }
    }
  });
  return created;
}
