import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { chunks, getDb, reserveIds, rowsOf } from '@/db';
import { enterprises, partyMembers, persons, units } from '@/db/schema';
import { maskCccd, searchKey } from '@/lib/people/identity';
import { can, type Action } from '@/lib/authz/permissions';
import { IMPORT_LIMITS, validateEnterpriseRows, validateMemberRows, type ImportKind, type ImportLookups, type RawRow, type RowError, type UnitRefKind } from '@/lib/registry/import';
import { readWorkbook, type WorkbookRead } from '@/lib/registry/import-xlsx';
import { MANAGING_KINDS, PARTY_ORG_KINDS } from '@/lib/registry/kinds';
import { compactTaxCode } from '@/lib/registry/tax-code';
import { parseDate } from '@/lib/validation';
import { writeAuditMany } from './audit';
import { enterpriseColumns, enterpriseInScope } from './enterprises';
import { importUnitRows } from './import-units';
import { insertMembers } from './members';
import { assertCan, inScope, requireUser, type CurrentUser } from './session';

/**
 * Excel imports: every row is checked first (lib/registry/import.ts) against lookups built with a
 * handful of set-based queries; one bad row and nothing is written, and the report names every
 * rejected row and cell. A clean file is written in one transaction, in batches, with an audit
 * row per record.
 */

export type ImportResult = { ok: true; created: number; ms: number } | { ok: false; errors: RowError[]; rows: number };

/** Importing an uploaded file: the rows' outcome, or why the workbook could not be read. */
export type FileImportResult = ImportResult | Exclude<WorkbookRead, { ok: true }>;

async function existing(values: string[], query: (part: string[]) => Promise<string[]>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(values.filter(Boolean))])) for (const v of await query(part)) found.add(v);
  return found;
}

/** The columns of each kind of file that name units, and which units each may name. */
const UNIT_REF_COLUMNS: Record<'enterprises' | 'members', [string, UnitRefKind][]> = {
  enterprises: [
    ['managingUnit', 'managing'],
    ['partyUnit', 'party'],
    ['tradeUnionUnit', 'union'],
    ['youthUnionUnit', 'youth'],
  ],
  members: [['cell', 'cell']],
};
const REF_KINDS: Record<UnitRefKind, readonly string[]> = {
  managing: MANAGING_KINDS,
  cell: ['cell'],
  party: PARTY_ORG_KINDS,
  union: ['union_branch'],
  youth: ['youth_branch'],
};

/**
 * The active units of the user's scope that the file names, by code or by name: only those, never
 * the whole scope (a province holds thousands of units, the country a hundred thousand). Codes
 * are compared as typed and in capitals, names by their search key (units.search_name).
 */
export async function unitsNamed(user: CurrentUser, refs: string[]): Promise<{ id: number; code: string; name: string; kind: string; path: string }[]> {
  const db = await getDb();
  const list = [...new Set(refs.map((r) => r.trim()).filter(Boolean))];
  const codes = [...new Set(list.flatMap((r) => [r, r.toUpperCase()]))];
  const keys = [...new Set(list.map(searchKey))];
  const found = new Map<number, { id: number; code: string; name: string; kind: string; path: string }>();
  for (const part of chunks([...codes.map((v) => ['c', v] as const), ...keys.map((v) => ['n', v] as const)], 2000)) {
    const c = part.filter((x) => x[0] === 'c').map((x) => x[1]);
    const n = part.filter((x) => x[0] === 'n').map((x) => x[1]);
    const rows = await db
      .select({ id: units.id, code: units.code, name: units.name, kind: units.kind, path: sql<string>`${units.path}::text` })
      .from(units)
      .where(and(inScope(user), eq(units.status, 'active'), or(c.length ? inArray(units.code, c) : undefined, n.length ? inArray(units.searchName, n) : undefined)));
    for (const r of rows) found.set(r.id, r);
  }
  return [...found.values()];
}

async function buildLookups(user: CurrentUser, rows: RawRow[], kind: 'enterprises' | 'members'): Promise<ImportLookups> {
  const db = await getDb();
  const refColumns = UNIT_REF_COLUMNS[kind];
  const named = await unitsNamed(
    user,
    rows.flatMap((r) => refColumns.map(([key]) => r.cells[key] ?? '')),
  );
  // A unit is named by its code or by its name; a name shared by two units of the scope is ambiguous (use the code).
  const index = (kinds: readonly string[]) => {
    const byRef = new Map<string, number | null>();
    for (const u of named.filter((x) => kinds.includes(x.kind))) {
      byRef.set(searchKey(u.code), u.id);
      const key = searchKey(u.name);
      byRef.set(key, byRef.has(key) && byRef.get(key) !== u.id ? null : u.id);
    }
    return byRef;
  };
  const indexes = Object.fromEntries(Object.entries(REF_KINDS).map(([k, kinds]) => [k, index(kinds)])) as Record<UnitRefKind, Map<string, number | null>>;
  const anyKind = new Set(named.flatMap((u) => [searchKey(u.code), searchKey(u.name)]));
  const col = (key: string) => rows.map((r) => r.cells[key] ?? '');

  const taxCodes = col(kind === 'enterprises' ? 'taxCode' : 'enterpriseTaxCode').map(compactTaxCode);
  const [takenTax, scopeFirms, cccds, cards, namePairs] = await Promise.all([
    existing(taxCodes, async (part) => (await db.select({ v: enterprises.taxCode }).from(enterprises).where(inArray(enterprises.taxCode, part))).map((r) => r.v)),
    kind === 'members'
      ? db
          .select({ id: enterprises.id, taxCode: enterprises.taxCode })
          .from(enterprises)
          .where(and(inArray(enterprises.taxCode, [...new Set(taxCodes.filter(Boolean))].slice(0, 20000)), enterpriseInScope(user)))
      : Promise.resolve([]),
    existing(
      col('nationalId').map((v) => v.replace(/\s/g, '')),
      async (part) => (await db.select({ v: persons.nationalId }).from(persons).where(inArray(persons.nationalId, part))).map((r) => r.v!),
    ),
    existing(col('cardNo'), async (part) => (await db.select({ v: partyMembers.cardNo }).from(partyMembers).where(inArray(partyMembers.cardNo, part))).map((r) => r.v!)),
    // The same name and birth date anywhere in the country (as lib/dal/people.ts checks one person): by the pairs, through persons_birth_name_idx
    // (by the name alone, a common name would bring back a third of a million people).
    existing(
      rows.map((r) => {
        const born = parseDate(r.cells.birthDate ?? '');
        return born && r.cells.fullName ? `${searchKey(r.cells.fullName)}|${born}` : '';
      }),
      async (part) => {
        const pairs = JSON.stringify(part.map((v) => v.split('|')).map(([n, b]) => ({ n, b })));
        return rowsOf<{ v: string }>(
          await db.execute(sql`select p.search_name || '|' || p.birth_date::text as v
            from json_to_recordset(${pairs}::json) as k(n text, b date)
            join persons p on p.birth_date = k.b and p.search_name = k.n`),
        ).map((r) => r.v);
      },
    ),
  ]);
  const firmByTax = new Map(scopeFirms.map((f) => [f.taxCode, f.id]));
  return {
    unit: (ref, kinds) => indexes[kinds].get(searchKey(ref)) ?? undefined,
    unitOfOtherKind: (ref, kinds) => anyKind.has(searchKey(ref)) && !indexes[kinds].has(searchKey(ref)),
    enterpriseByTaxCode: (code) => firmByTax.get(code),
    taxCodeExists: (code) => takenTax.has(code),
    cccdExists: (id) => cccds.has(id),
    cardExists: (card) => cards.has(card),
    nameAndBirthExists: (name, birth) => namePairs.has(`${name}|${birth}`),
  };
}

/** The permission each import needs at the user's own unit: the unit tree is imported by those who may add units (administrators), the records by editors. */
const IMPORT_ACTIONS: Record<ImportKind, Action> = { units: 'unit.create', enterprises: 'data.edit', members: 'data.edit' };

/** The kinds of import the current user may run, in the order the page shows them (none: the page is read-only for them). */
export async function importableKinds(): Promise<ImportKind[]> {
  const user = await requireUser();
  return (Object.keys(IMPORT_ACTIONS) as ImportKind[]).filter((kind) => can(user, IMPORT_ACTIONS[kind], user.unitPath));
}

/**
 * Import an uploaded .xlsx: the user's right to import is checked before the file is read (an
 * anonymous post never makes the server unzip anything), then the workbook is read as a stream
 * (lib/registry/import-xlsx.ts: its limits, its sheet and header finding) and its rows imported
 * all or nothing. `ms` counts from the start of reading, so the message tells the whole wait.
 */
export async function importFile(kind: ImportKind, file: ArrayBuffer | Buffer): Promise<FileImportResult> {
  const user = await requireUser();
  assertCan(user, IMPORT_ACTIONS[kind], user.unitPath);
  const started = Date.now();
  const read = await readWorkbook(file, kind);
  if (!read.ok) return read;
  const result = await importRows(kind, read.rows);
  return result.ok ? { ...result, ms: Date.now() - started } : result;
}

/** Check every row and write all of them in one transaction, or none (the report names each bad cell). */
export async function importRows(kind: ImportKind, rows: RawRow[]): Promise<ImportResult> {
  if (kind === 'units') return importUnitRows(rows);
  const user = await requireUser();
  assertCan(user, 'data.edit', user.unitPath);
  const started = Date.now();
  if (rows.length === 0 || rows.length > IMPORT_LIMITS.rows) return { ok: false, errors: [], rows: rows.length };
  const look = await buildLookups(user, rows, kind);
  const db = await getDb();

  if (kind === 'enterprises') {
    const { valid, errors } = validateEnterpriseRows(rows, look);
    if (errors.length) return { ok: false, errors, rows: rows.length };
    await db.transaction(async (tx) => {
      const ids = await reserveIds(tx, 'enterprises', valid.length);
      const values = valid.map(({ row: _row, ...e }, i) => ({ id: ids[i], ...enterpriseColumns(e) }));
      for (const part of chunks(values)) await tx.insert(enterprises).values(part);
      await writeAuditMany(
        tx,
        values.map((v) => ({ actorId: user.id, unitId: v.managingUnitId, action: 'enterprise.import', entity: 'enterprise', entityId: v.id, after: v })),
      );
    });
    return { ok: true, created: valid.length, ms: Date.now() - started };
  }

  const { valid, errors } = validateMemberRows(rows, look);
  if (errors.length) return { ok: false, errors, rows: rows.length };
  await db.transaction(async (tx) => {
    const created = await insertMembers(tx, user, valid, 'Nhập từ tệp Excel');
    await writeAuditMany(
      tx,
      valid.map((m, i) => ({
        actorId: user.id,
        unitId: m.cellUnitId,
        action: 'member.import',
        entity: 'party_member',
        entityId: created[i].id,
        after: {
          id: created[i].id,
          personId: created[i].personId,
          cellUnitId: m.cellUnitId,
          enterpriseId: m.enterpriseId ?? null,
          occupation: m.occupation,
          admittedOn: m.admittedOn,
          officialOn: m.officialOn ?? null,
          cardNo: m.cardNo ?? null,
          fullName: m.fullName,
          nationalId: m.nationalId ? maskCccd(m.nationalId) : undefined,
        },
      })),
    );
  });
  return { ok: true, created: valid.length, ms: Date.now() - started };
}
