import { eq, inArray, sql } from 'drizzle-orm';
import { chunks, type Db, type Tx } from '../index';
import { enterprises, ownerMeetings, surveyFindings, surveyRounds, units, users } from '../schema';
import { searchKey } from '../../lib/people/identity';
import type { EnterpriseType, MeetingOutcome, OwnerAttitude, SurveyPartner } from '../../lib/registry/kinds';
import { taxCodeCheckDigit } from '../../lib/registry/tax-code';

/**
 * Demo enterprises of Tiền Giang (tax codes begin with 12, the province's prefix): those whose
 * cells are in the demo tree, and others without a party organisation yet — some ready for a
 * cell, some far from it — with a survey round and meetings with owners. Idempotent: matched by
 * tax code; surveys and meetings are added once, with the first enterprises.
 */

export type DemoEnterprise = {
  name: string;
  /** Seven digits after the province prefix; the check digit is computed. */
  serial: string;
  /** The tax office's province prefix (12 Tiền Giang, 50 Tuyên Quang). */
  prefix?: string;
  type: EnterpriseType;
  foreignInvested?: boolean;
  address: string;
  managing: string;
  zone?: string;
  workforce: number;
  union?: string | true;
  youth?: string | true;
  owner: string;
  ownerIsMember?: boolean;
  party?: string;
};

const MT_ZONE = 'Khu công nghiệp Mỹ Tho';
const TT_ZONE = 'Cụm công nghiệp Trung An';
const LONGGIANG_ZONE = 'Khu công nghiệp Long Giang';

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    name: 'Công ty TNHH May Phương Nam',
    serial: '0045871',
    type: 'llc',
    address: '45 Lê Lợi, Phường 4, TP Mỹ Tho',
    managing: 'TG-MYTHO-P4',
    workforce: 820,
    union: 'TG-CD-PHUONGNAM',
    youth: true,
    owner: 'Nguyễn Văn Phương',
    party: 'TG-MYTHO-P4-PHUONGNAM',
  },
  {
    name: 'Công ty TNHH Thực phẩm Mekong',
    serial: '0031265',
    type: 'llc',
    address: 'Lô A2, Khu công nghiệp Mỹ Tho',
    managing: 'TG-MYTHO-P6',
    zone: MT_ZONE,
    workforce: 1450,
    union: 'TG-CD-MEKONG',
    youth: 'TG-DTN-MEKONG',
    owner: 'Trần Quốc Hùng',
    ownerIsMember: true,
    party: 'TG-MYTHO-MEKONG',
  },
  {
    name: 'Công ty Cổ phần Dược phẩm Mỹ Tho',
    serial: '0012998',
    type: 'joint_stock',
    address: '12 Nguyễn Trãi, Phường 1, TP Mỹ Tho',
    managing: 'TG-MYTHO-P1',
    workforce: 560,
    union: true,
    youth: true,
    owner: 'Lê Thị Mai',
    party: 'TG-MYTHO-DUOC',
  },
  {
    name: 'Công ty TNHH Cơ khí Tân Phú',
    serial: '0058412',
    type: 'llc',
    address: '88 Ấp Bắc, Phường 6, TP Mỹ Tho',
    managing: 'TG-MYTHO-P6',
    zone: TT_ZONE,
    workforce: 210,
    union: true,
    owner: 'Võ Minh Tân',
    party: 'TG-MYTHO-P6-TANPHU',
  },
  {
    name: 'Công ty TNHH Điện tử Việt Hàn',
    serial: '0067733',
    type: 'fdi',
    foreignInvested: true,
    address: 'Lô C5, Khu công nghiệp Mỹ Tho',
    managing: 'TG-MYTHO-P6',
    zone: MT_ZONE,
    workforce: 2300,
    union: 'TG-CD-VIETHAN',
    owner: 'Kim Min-jun',
  },
  {
    name: 'Công ty TNHH Nhựa Hưng Thịnh',
    serial: '0071254',
    type: 'llc',
    address: 'Lô B1, Cụm công nghiệp Trung An',
    managing: 'TG-MYTHO-P6',
    zone: TT_ZONE,
    workforce: 640,
    union: true,
    youth: true,
    owner: 'Đinh Văn Thịnh',
  },
  {
    name: 'Công ty Cổ phần Chế biến Trái cây Tiền Giang',
    serial: '0073390',
    type: 'joint_stock',
    address: 'Lô D3, Khu công nghiệp Mỹ Tho',
    managing: 'TG-MYTHO-P4',
    zone: MT_ZONE,
    workforce: 980,
    union: true,
    owner: 'Phạm Thị Thu Hằng',
  },
  {
    name: 'Công ty TNHH Giày Thái Bình Mỹ Tho',
    serial: '0074405',
    type: 'fdi',
    foreignInvested: true,
    address: 'Lô E2, Khu công nghiệp Mỹ Tho',
    managing: 'TG-MYTHO-P4',
    zone: MT_ZONE,
    workforce: 3100,
    union: true,
    youth: true,
    owner: 'Chen Wei-lun',
  },
  {
    name: 'Doanh nghiệp tư nhân Vàng bạc Kim Phát',
    serial: '0075521',
    type: 'private',
    address: '23 Trưng Trắc, Phường 1, TP Mỹ Tho',
    managing: 'TG-MYTHO-P1',
    workforce: 18,
    owner: 'Huỳnh Kim Phát',
  },
  {
    name: 'Hợp tác xã Dịch vụ Nông nghiệp Mỹ Phong',
    serial: '0076637',
    type: 'cooperative',
    address: 'Ấp Mỹ Lương, xã Mỹ Phong, TP Mỹ Tho',
    managing: 'TG-MYTHO-P1',
    workforce: 65,
    union: true,
    owner: 'Nguyễn Văn Lành',
    ownerIsMember: true,
  },
  { name: 'Công ty TNHH Xây dựng Thành Đạt', serial: '0077748', type: 'llc', address: '102 Lý Thường Kiệt, Phường 4, TP Mỹ Tho', managing: 'TG-MYTHO-P4', workforce: 150, owner: 'Lương Thành Đạt' },
  {
    name: 'Công ty Hợp danh Kiểm toán Nam Việt',
    serial: '0078859',
    type: 'partnership',
    address: '7 Hùng Vương, Phường 1, TP Mỹ Tho',
    managing: 'TG-MYTHO-P1',
    workforce: 24,
    owner: 'Tô Hữu Nam',
    ownerIsMember: true,
  },
  {
    name: 'Công ty Cổ phần Thủy sản Gò Công',
    serial: '0011876',
    type: 'joint_stock',
    address: 'Khu phố 2, Phường 1, TX Gò Công',
    managing: 'TG-KHOIDN',
    workforce: 1200,
    union: 'TG-CD-GOCONG',
    owner: 'Đỗ Văn Hải',
    party: 'TG-KHOIDN-GOCONG',
  },
  {
    name: 'Công ty TNHH Giày da Long Giang',
    serial: '0021447',
    type: 'fdi',
    foreignInvested: true,
    address: 'Lô F1, Khu công nghiệp Long Giang, Tân Phước',
    managing: 'TG-KHOIDN',
    zone: LONGGIANG_ZONE,
    workforce: 4200,
    union: true,
    youth: 'TG-DTN-LONGGIANG',
    owner: 'Lin Chao',
    party: 'TG-KHOIDN-LONGGIANG',
  },
  {
    name: 'Công ty Cổ phần Tập đoàn Việt Phát',
    serial: '0009562',
    type: 'joint_stock',
    address: 'Quốc lộ 1A, Châu Thành',
    managing: 'TG-KHOIDN',
    workforce: 2600,
    union: true,
    youth: true,
    owner: 'Lê Việt Phát',
    ownerIsMember: true,
    party: 'TG-KHOIDN-VIETPHAT',
  },
  {
    name: 'Công ty TNHH Bao bì Tân Hương',
    serial: '0034121',
    type: 'llc',
    address: 'Khu công nghiệp Tân Hương, Châu Thành',
    managing: 'TG-CHAUTHANH-TANHUONG',
    zone: 'Khu công nghiệp Tân Hương',
    workforce: 430,
    union: true,
    owner: 'Trương Văn Hương',
    party: 'TG-CHAUTHANH-TANHUONG-KCN',
  },
  {
    name: 'Công ty TNHH Gỗ Tân Hương',
    serial: '0079961',
    type: 'llc',
    address: 'Khu công nghiệp Tân Hương, Châu Thành',
    managing: 'TG-CHAUTHANH-TANHUONG',
    zone: 'Khu công nghiệp Tân Hương',
    workforce: 380,
    union: true,
    owner: 'Mạc Văn Gỗ',
  },
];

/** A valid tax code for a demo enterprise: the prefix (12, Tiền Giang), its serial, and the check digit (or the next serial that has one). */
export function demoTaxCode(serial: string, prefix = '12'): string {
  for (let n = Number(serial); ; n++) {
    const nine = `${prefix}${String(n).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

type Meeting = { tax: string; by: string; daysAgo: number; attendees: string; outcome: MeetingOutcome; summary: string; nextStep?: string };
type Finding = { tax: string; membersWorking: number; unionPresent: boolean; ownerAttitude: OwnerAttitude; note?: string };

const SURVEY = {
  unit: 'TG-MYTHO',
  by: 'mytho.officer',
  title: 'Khảo sát doanh nghiệp chưa có tổ chức đảng năm 2026',
  daysAgo: 150,
  // "With 14 ward committees, the tax office and social insurance."
  participants: [
    { kind: 'ward_committees', count: 14 },
    { kind: 'tax_office', count: 1 },
    { kind: 'social_insurance', count: 1 },
  ] as SurveyPartner[],
};
const FINDINGS: Finding[] = [
  { tax: '0067733', membersWorking: 4, unionPresent: true, ownerAttitude: 'supportive', note: '4 đảng viên đang sinh hoạt tạm thời ở Chi bộ Liên đoàn Lao động thành phố.' },
  { tax: '0071254', membersWorking: 3, unionPresent: true, ownerAttitude: 'neutral' },
  { tax: '0073390', membersWorking: 2, unionPresent: true, ownerAttitude: 'supportive' },
  { tax: '0074405', membersWorking: 1, unionPresent: true, ownerAttitude: 'reluctant', note: 'Chủ đầu tư nước ngoài chưa hiểu rõ vai trò của tổ chức đảng.' },
  { tax: '0077748', membersWorking: 0, unionPresent: false, ownerAttitude: 'neutral' },
];
const MEETINGS: Meeting[] = [
  {
    tax: '0067733',
    by: 'mytho.leader',
    daysAgo: 120,
    attendees: 'Đồng chí Phó Bí thư Thành ủy, Ban Tổ chức Thành ủy',
    outcome: 'considering',
    summary: 'Giới thiệu chủ trương thành lập tổ chức đảng trong doanh nghiệp FDI.',
    nextStep: 'Gửi tài liệu về quyền lợi của doanh nghiệp khi có tổ chức đảng',
  },
  {
    tax: '0067733',
    by: 'mytho.leader',
    daysAgo: 60,
    attendees: 'Ban Tổ chức Thành ủy, Liên đoàn Lao động thành phố',
    outcome: 'persuaded',
    summary: 'Chủ doanh nghiệp đồng ý bố trí phòng sinh hoạt và thời gian cho đảng viên.',
    nextStep: 'Chuyển sinh hoạt 4 đảng viên về, đề nghị thành lập chi bộ',
  },
  { tax: '0071254', by: 'p4.officer', daysAgo: 45, attendees: 'Đảng ủy Phường 4', outcome: 'persuaded', summary: 'Chủ doanh nghiệp ủng hộ, đề nghị hướng dẫn thủ tục.' },
  {
    tax: '0073390',
    by: 'p4.officer',
    daysAgo: 30,
    attendees: 'Đảng ủy Phường 4, Công đoàn cơ sở',
    outcome: 'considering',
    summary: 'Hẹn làm việc lại sau đại hội cổ đông.',
    nextStep: 'Làm việc lại trong quý I',
  },
  {
    tax: '0074405',
    by: 'mytho.leader',
    daysAgo: 20,
    attendees: 'Thường trực Thành ủy',
    outcome: 'declined',
    summary: 'Chủ đầu tư đề nghị chờ ý kiến công ty mẹ.',
    nextStep: 'Mời dự hội nghị gặp mặt doanh nghiệp FDI',
  },
];

/** Insert the demo enterprises that are missing (matched by tax code); returns how many were created. */
export async function ensureEnterprises(tx: Pick<Tx, 'select' | 'insert'>, list: DemoEnterprise[]): Promise<number> {
  const codes = [...new Set(list.flatMap((e) => [e.managing, e.party, typeof e.union === 'string' ? e.union : undefined, typeof e.youth === 'string' ? e.youth : undefined]))].filter(
    (c): c is string => !!c,
  );
  const unitRows = await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes));
  const unitId = (code: string) => {
    const row = unitRows.find((u) => u.code === code);
    if (!row) throw new Error(`demo enterprises: no unit ${code}`);
    return row.id;
  };
  const taxCodes = list.map((e) => demoTaxCode(e.serial, e.prefix));
  const taken = new Set<string>();
  for (const part of chunks(taxCodes)) for (const r of await tx.select({ t: enterprises.taxCode }).from(enterprises).where(inArray(enterprises.taxCode, part))) taken.add(r.t);
  const values = list
    .map((e, i) => ({ e, taxCode: taxCodes[i] }))
    .filter(({ taxCode }) => !taken.has(taxCode))
    .map(({ e, taxCode }) => ({
      name: e.name,
      searchName: searchKey(e.name),
      taxCode,
      type: e.type,
      foreignInvested: e.foreignInvested ?? e.type === 'fdi',
      address: e.address,
      managingUnitId: unitId(e.managing),
      zone: e.zone ?? null,
      workforce: e.workforce,
      hasTradeUnion: !!e.union,
      tradeUnionUnitId: typeof e.union === 'string' ? unitId(e.union) : null,
      hasYouthUnion: !!e.youth,
      youthUnionUnitId: typeof e.youth === 'string' ? unitId(e.youth) : null,
      ownerName: e.owner,
      ownerIsMember: e.ownerIsMember ?? false,
      partyUnitId: e.party ? unitId(e.party) : null,
    }));
  for (const part of chunks(values)) await tx.insert(enterprises).values(part);
  return values.length;
}

export async function seedDemoEnterprises(db: Db, today: string): Promise<number> {
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.code, SURVEY.unit));
  const unitId = (code: string) => {
    const row = unitRows.find((u) => u.code === code);
    if (!row) throw new Error(`demo enterprises: no unit ${code}`);
    return row.id;
  };
  const userRows = await db.select({ id: users.id, username: users.username, unitId: users.unitId }).from(users);
  const user = (username: string) => {
    const row = userRows.find((u) => u.username === username);
    if (!row) throw new Error(`demo enterprises: no user ${username}`);
    return row;
  };
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  return db.transaction(async (tx) => {
    const created = await ensureEnterprises(tx, DEMO_ENTERPRISES);
    const [{ rounds }] = await tx.select({ rounds: sql<number>`count(*)::int` }).from(surveyRounds);
    if (Number(rounds) === 0) {
      const ids = new Map((await tx.select({ id: enterprises.id, taxCode: enterprises.taxCode }).from(enterprises)).map((r) => [r.taxCode, r.id]));
      const entId = (serial: string) => ids.get(demoTaxCode(serial))!;
      const surveyor = user(SURVEY.by);
      const [round] = await tx
        .insert(surveyRounds)
        .values({ unitId: unitId(SURVEY.unit), title: SURVEY.title, heldOn: daysAgo(SURVEY.daysAgo), participants: SURVEY.participants, createdBy: surveyor.id })
        .returning({ id: surveyRounds.id });
      for (const f of FINDINGS)
        await tx.insert(surveyFindings).values({
          roundId: round.id,
          enterpriseId: entId(f.tax),
          membersWorking: f.membersWorking,
          unionPresent: f.unionPresent,
          ownerAttitude: f.ownerAttitude,
          note: f.note ?? null,
          createdBy: surveyor.id,
        });
      for (const m of MEETINGS) {
        const by = user(m.by);
        await tx.insert(ownerMeetings).values({
          enterpriseId: entId(m.tax),
          unitId: by.unitId,
          metOn: daysAgo(m.daysAgo),
          attendees: m.attendees,
          outcome: m.outcome,
          summary: m.summary,
          nextStep: m.nextStep ?? null,
          createdBy: by.id,
        });
      }
    }
    return created;
  });
}
