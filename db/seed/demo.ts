import { eq, sql } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import { reserveIds, type Db, type Tx } from '../index';
import { seedReference } from './reference';
import { unitEvents, units, users } from '../schema';
import type { Role } from '../../lib/authz/roles';
import type { UnitKind } from '../../lib/units/kinds';

/**
 * Demo data modelled on the real examples in shared/DOMAIN.md: a province with a city committee
 * (wards, enterprise cells directly under it and under wards, the labour federation's cell), a
 * bloc committee for non-state enterprises, a second district, and union and youth branches.
 * Idempotent: units are matched by code, users by username; nothing existing is changed.
 */
export const DEMO_PASSWORD = 'HatNhan@2026';

export type DemoUnit = { code: string; name: string; kind: UnitKind; foundedOn?: string; children?: DemoUnit[] };

/** The national level (the Central Organisation Commission's view of the whole country): the one root. */
export const NATIONAL_ROOT = { code: 'TW', name: 'Ban Tổ chức Trung ương', kind: 'national' } as const satisfies DemoUnit;

export const DEMO_PROVINCE: DemoUnit = {
  code: 'TG',
  name: 'Tỉnh ủy Tiền Giang',
  kind: 'province',
  children: [
    {
      code: 'TG-MYTHO',
      name: 'Thành ủy Mỹ Tho',
      kind: 'district',
      children: [
        {
          code: 'TG-MYTHO-P1',
          name: 'Đảng ủy Phường 1',
          kind: 'ward',
          children: [{ code: 'TG-MYTHO-P1-KP2', name: 'Chi bộ Khu phố 2, Phường 1', kind: 'cell' }],
        },
        {
          code: 'TG-MYTHO-P4',
          name: 'Đảng ủy Phường 4',
          kind: 'ward',
          children: [
            {
              code: 'TG-MYTHO-P4-PHUONGNAM',
              name: 'Chi bộ Công ty TNHH May Phương Nam',
              kind: 'cell',
              children: [{ code: 'TG-CD-PHUONGNAM', name: 'Công đoàn cơ sở Công ty TNHH May Phương Nam', kind: 'union_branch' }],
            },
            { code: 'TG-MYTHO-P4-KP3', name: 'Chi bộ Khu phố 3, Phường 4', kind: 'cell' },
          ],
        },
        {
          code: 'TG-MYTHO-P6',
          name: 'Đảng ủy Phường 6',
          kind: 'ward',
          children: [
            { code: 'TG-MYTHO-P6-TANPHU', name: 'Chi bộ Công ty TNHH Cơ khí Tân Phú', kind: 'cell' },
            { code: 'TG-CD-VIETHAN', name: 'Công đoàn cơ sở Công ty TNHH Điện tử Việt Hàn', kind: 'union_branch' },
          ],
        },
        {
          code: 'TG-MYTHO-MEKONG',
          name: 'Chi bộ Công ty TNHH Thực phẩm Mekong',
          kind: 'cell',
          children: [
            { code: 'TG-CD-MEKONG', name: 'Công đoàn cơ sở Công ty TNHH Thực phẩm Mekong', kind: 'union_branch' },
            { code: 'TG-DTN-MEKONG', name: 'Chi đoàn Công ty TNHH Thực phẩm Mekong', kind: 'youth_branch' },
          ],
        },
        { code: 'TG-MYTHO-DUOC', name: 'Chi bộ Công ty Cổ phần Dược phẩm Mỹ Tho', kind: 'cell' },
        { code: 'TG-MYTHO-LDLD', name: 'Chi bộ Liên đoàn Lao động thành phố Mỹ Tho', kind: 'cell' },
      ],
    },
    {
      code: 'TG-KHOIDN',
      name: 'Đảng ủy Khối Doanh nghiệp ngoài khu vực nhà nước tỉnh',
      kind: 'bloc',
      children: [
        {
          code: 'TG-KHOIDN-GOCONG',
          name: 'Chi bộ Công ty Cổ phần Thủy sản Gò Công',
          kind: 'cell',
          children: [{ code: 'TG-CD-GOCONG', name: 'Công đoàn cơ sở Công ty Cổ phần Thủy sản Gò Công', kind: 'union_branch' }],
        },
        {
          code: 'TG-KHOIDN-LONGGIANG',
          name: 'Chi bộ Công ty TNHH Giày da Long Giang',
          kind: 'cell',
          children: [{ code: 'TG-DTN-LONGGIANG', name: 'Đoàn Thanh niên Công ty TNHH Giày da Long Giang', kind: 'youth_branch' }],
        },
        {
          code: 'TG-KHOIDN-VIETPHAT',
          name: 'Đảng ủy Công ty Cổ phần Tập đoàn Việt Phát',
          kind: 'grassroots',
          children: [
            { code: 'TG-KHOIDN-VIETPHAT-PX1', name: 'Chi bộ Phân xưởng Chế biến 1', kind: 'cell' },
            { code: 'TG-KHOIDN-VIETPHAT-VP', name: 'Chi bộ Khối Văn phòng', kind: 'cell' },
          ],
        },
      ],
    },
    {
      code: 'TG-CHAUTHANH',
      name: 'Huyện ủy Châu Thành',
      kind: 'district',
      children: [
        {
          code: 'TG-CHAUTHANH-TANHUONG',
          name: 'Đảng ủy xã Tân Hương',
          kind: 'ward',
          children: [{ code: 'TG-CHAUTHANH-TANHUONG-KCN', name: 'Chi bộ Công ty TNHH Bao bì Tân Hương', kind: 'cell' }],
        },
      ],
    },
  ],
};

/** The demo tree: the national root with the province of Tiền Giang (Tuyên Quang joins it with the published figures). */
export const DEMO_TREE: DemoUnit = { ...NATIONAL_ROOT, children: [DEMO_PROVINCE] };

export type DemoAccount = { username: string; fullName: string; unitCode: string; role: Role };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'tw.admin', fullName: 'Vũ Thị Thanh Bình', unitCode: 'TW', role: 'admin' },
  { username: 'tw.viewer', fullName: 'Đỗ Mạnh Cường', unitCode: 'TW', role: 'viewer' },
  { username: 'tinh.admin', fullName: 'Nguyễn Thị Hồng Nhung', unitCode: 'TG', role: 'admin' },
  { username: 'tinh.leader', fullName: 'Trần Văn Phước', unitCode: 'TG', role: 'leader' },
  { username: 'tinh.viewer', fullName: 'Lê Minh Khôi', unitCode: 'TG', role: 'viewer' },
  { username: 'mytho.admin', fullName: 'Phạm Thị Thu Trang', unitCode: 'TG-MYTHO', role: 'admin' },
  { username: 'mytho.leader', fullName: 'Võ Văn Đức', unitCode: 'TG-MYTHO', role: 'leader' },
  { username: 'mytho.officer', fullName: 'Huỳnh Ngọc Ánh', unitCode: 'TG-MYTHO', role: 'officer' },
  { username: 'p4.leader', fullName: 'Đặng Quốc Bảo', unitCode: 'TG-MYTHO-P4', role: 'leader' },
  { username: 'p4.officer', fullName: 'Bùi Thị Mỹ Linh', unitCode: 'TG-MYTHO-P4', role: 'officer' },
  { username: 'p6.leader', fullName: 'Ngô Thanh Tùng', unitCode: 'TG-MYTHO-P6', role: 'leader' },
  { username: 'p1.leader', fullName: 'Dương Văn Lực', unitCode: 'TG-MYTHO-P1', role: 'leader' },
  { username: 'cb.mekong', fullName: 'Lý Thị Kim Oanh', unitCode: 'TG-MYTHO-MEKONG', role: 'leader' },
  { username: 'cb.phuongnam', fullName: 'Tạ Văn Hiếu', unitCode: 'TG-MYTHO-P4-PHUONGNAM', role: 'leader' },
  { username: 'cb.ldld', fullName: 'Châu Thị Diễm', unitCode: 'TG-MYTHO-LDLD', role: 'leader' },
  { username: 'cd.phuongnam', fullName: 'Trương Thị Bích Ngọc', unitCode: 'TG-CD-PHUONGNAM', role: 'officer' },
  { username: 'cd.mekong', fullName: 'Mai Văn Tâm', unitCode: 'TG-CD-MEKONG', role: 'officer' },
  { username: 'cd.viethan', fullName: 'Hồ Thị Thanh Hương', unitCode: 'TG-CD-VIETHAN', role: 'officer' },
  { username: 'dtn.longgiang', fullName: 'Trịnh Minh Nhật', unitCode: 'TG-DTN-LONGGIANG', role: 'officer' },
  { username: 'khoi.admin', fullName: 'Đoàn Thị Ngọc Hân', unitCode: 'TG-KHOIDN', role: 'admin' },
  { username: 'khoi.leader', fullName: 'Lâm Văn Quý', unitCode: 'TG-KHOIDN', role: 'leader' },
  { username: 'vietphat.leader', fullName: 'Phan Thị Yến', unitCode: 'TG-KHOIDN-VIETPHAT', role: 'leader' },
  { username: 'chauthanh.admin', fullName: 'Nguyễn Hữu Nghĩa', unitCode: 'TG-CHAUTHANH', role: 'admin' },
];

const FOUNDED_ON = '2020-10-15';

type Parent = { id: number; path: string; name: string };

/** Create the units of a demo tree that are missing (matched by code), under `parent`; returns how many were created. */
export async function ensureTree(tx: Tx, node: DemoUnit, parent: Parent | null): Promise<number> {
  let created = 0;
  let [row] = await tx
    .select({ id: units.id, path: sql<string>`${units.path}::text`, name: units.name })
    .from(units)
    .where(eq(units.code, node.code));
  if (!row) {
    const [id] = await reserveIds(tx, 'units', 1);
    const path = parent ? `${parent.path}.${id}` : String(id);
    await tx.insert(units).values({ id, parentId: parent?.id ?? null, path, kind: node.kind, name: node.name, code: node.code });
    await tx.insert(unitEvents).values({
      unitId: id,
      kind: 'created',
      effectiveOn: node.foundedOn ?? FOUNDED_ON,
      details: { parentId: parent?.id ?? null, parentName: parent?.name ?? '—', name: node.name, kind: node.kind, source: 'demo seed' },
    });
    row = { id, path, name: node.name };
    created++;
  }
  for (const child of node.children ?? []) created += await ensureTree(tx, child, row);
  return created;
}

/** A demo unit by code, as a parent for ensureTree. */
export async function demoUnit(tx: Pick<Tx, 'select'>, code: string): Promise<Parent> {
  const [row] = await tx
    .select({ id: units.id, path: sql<string>`${units.path}::text`, name: units.name })
    .from(units)
    .where(eq(units.code, code));
  if (!row) throw new Error(`demo: no unit ${code}; seed the demo tree first`);
  return row;
}

/** Create the demo accounts that are missing (matched by username); returns how many were created. */
export async function ensureAccounts(tx: Tx, accounts: DemoAccount[], passwordHash: string): Promise<number> {
  let created = 0;
  for (const account of accounts) {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.username, account.username));
    if (existing.length) continue;
    const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.code, account.unitCode));
    await tx.insert(users).values({ username: account.username, fullName: account.fullName, unitId: unit.id, role: account.role, passwordHash });
    created++;
  }
  return created;
}

export async function seedDemo(db: Db): Promise<{ unitsCreated: number; usersCreated: number }> {
  const passwordHash = await hash(DEMO_PASSWORD);
  await seedReference(db);
  // Server-only (the data layer's subtree move): loaded here, so the constants above stay importable by the browser tests.
  const { adoptRootProvinces } = await import('./national');
  return db.transaction(async (tx) => {
    const adopted = await adoptRootProvinces(tx);
    const unitsCreated = (adopted ? 1 : 0) + (await ensureTree(tx, DEMO_TREE, null));
    const usersCreated = await ensureAccounts(tx, DEMO_ACCOUNTS, passwordHash);
    return { unitsCreated, usersCreated };
  });
}
