import type ExcelJS from 'exceljs';
import { cccdProblem, normalizeName, searchKey } from '@/lib/people/identity';
import { ENTERPRISE_STATUSES, ENTERPRISE_TYPES, OCCUPATIONS, type EnterpriseRecord, type EnterpriseStatus, type EnterpriseType, type MemberRecord, type Occupation } from './kinds';
import { compactTaxCode, taxCodeProblem } from './tax-code';

/**
 * Excel import of enterprises and members: the template's columns, reading a sheet into rows of
 * text, and validating every row against the rules and the lookups the data layer supplies.
 * Pure (no database): the data layer imports nothing unless every row is clean.
 */

export const IMPORT_KINDS = ['enterprises', 'members'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type Column = { key: string; header: string; required?: boolean; width?: number; example: string; note?: string };

export const ENTERPRISE_COLUMNS: Column[] = [
  { key: 'name', header: 'Tên doanh nghiệp', required: true, width: 40, example: 'Công ty TNHH Cơ khí Bình Minh' },
  { key: 'taxCode', header: 'Mã số thuế', required: true, width: 16, example: '0100233488', note: '10 chữ số, hoặc 13 chữ số (0314409058-002)' },
  { key: 'type', header: 'Loại hình', required: true, width: 22, example: 'Công ty TNHH', note: 'Doanh nghiệp tư nhân, Công ty TNHH, Công ty cổ phần, Công ty hợp danh, Hợp tác xã, FDI' },
  { key: 'foreignInvested', header: 'Có vốn đầu tư nước ngoài', width: 12, example: 'Không', note: 'Có / Không' },
  { key: 'address', header: 'Địa chỉ trụ sở', required: true, width: 40, example: '15 Đinh Bộ Lĩnh, Phường 4' },
  { key: 'managingUnit', header: 'Đơn vị quản lý', required: true, width: 26, example: 'Đảng ủy Phường 4', note: 'Tên hoặc mã đơn vị trên hệ thống' },
  { key: 'zone', header: 'Khu, cụm công nghiệp', width: 26, example: 'Khu công nghiệp Mỹ Tho' },
  { key: 'workforce', header: 'Số lao động', required: true, width: 12, example: '320' },
  { key: 'hasTradeUnion', header: 'Có công đoàn cơ sở', width: 12, example: 'Có' },
  { key: 'hasYouthUnion', header: 'Có Đoàn thanh niên', width: 12, example: 'Không' },
  { key: 'ownerName', header: 'Chủ doanh nghiệp', width: 24, example: 'Nguyễn Văn Minh' },
  { key: 'ownerIsMember', header: 'Chủ doanh nghiệp là đảng viên', width: 14, example: 'Không' },
  { key: 'status', header: 'Tình trạng', width: 18, example: 'Đang hoạt động', note: 'Đang hoạt động, Tạm ngừng kinh doanh, Đã giải thể' },
];

export const MEMBER_COLUMNS: Column[] = [
  { key: 'fullName', header: 'Họ và tên', required: true, width: 28, example: 'Nguyễn Thị Lan' },
  { key: 'birthDate', header: 'Ngày sinh', required: true, width: 12, example: '12/08/1990', note: 'dd/mm/yyyy' },
  { key: 'gender', header: 'Giới tính', required: true, width: 8, example: 'Nữ', note: 'Nam / Nữ' },
  { key: 'nationalId', header: 'Số CCCD', width: 16, example: '082190001234' },
  { key: 'phone', header: 'Điện thoại', width: 14, example: '0912345678' },
  { key: 'cell', header: 'Chi bộ', required: true, width: 36, example: 'Chi bộ Công ty TNHH May Phương Nam', note: 'Tên hoặc mã chi bộ trên hệ thống' },
  { key: 'enterpriseTaxCode', header: 'Mã số thuế doanh nghiệp nơi làm việc', width: 16, example: '' },
  { key: 'occupation', header: 'Nghề nghiệp', required: true, width: 26, example: 'Công nhân trực tiếp sản xuất', note: 'Công nhân trực tiếp sản xuất, Chủ doanh nghiệp, Cán bộ quản lý, Nhân viên văn phòng, Khác' },
  { key: 'admittedOn', header: 'Ngày vào Đảng', required: true, width: 12, example: '19/05/2015', note: 'dd/mm/yyyy' },
  { key: 'officialOn', header: 'Ngày chính thức', width: 12, example: '19/05/2016', note: 'dd/mm/yyyy, bỏ trống nếu còn dự bị' },
  { key: 'cardNo', header: 'Số thẻ đảng viên', width: 14, example: '82.012345' },
  { key: 'notDuplicate', header: 'Xác nhận khác người trùng tên', width: 14, example: '', note: 'Ghi "Có" nếu đã kiểm tra: người trùng họ tên và ngày sinh là người khác' },
];

export const COLUMNS: Record<ImportKind, Column[]> = { enterprises: ENTERPRISE_COLUMNS, members: MEMBER_COLUMNS };

// ------------------------------------------------------------------ reading a sheet

export type RawRow = { row: number; cells: Record<string, string> };

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person would read: dates as dd/mm/yyyy, numbers as written, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').normalize('NFC').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).normalize('NFC').trim();
  }
  return String(value).trim();
}

/**
 * The data rows of a sheet whose first row holds the template's headers (in any order; matched
 * without diacritics). Blank rows are skipped. Missing required headers are reported.
 */
export function readRows(ws: ExcelJS.Worksheet, columns: Column[]): { rows: RawRow[]; missingHeaders: string[] } {
  const headerRow = ws.getRow(1);
  const byKey = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const text = searchKey(cellText(cell.value));
    const column = columns.find((c) => searchKey(c.header) === text);
    if (column) byKey.set(column.key, col);
  });
  const missingHeaders = columns.filter((c) => c.required && !byKey.has(c.key)).map((c) => c.header);
  const rows: RawRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Record<string, string> = {};
    for (const c of columns) cells[c.key] = byKey.has(c.key) ? cellText(row.getCell(byKey.get(c.key)!).value) : '';
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: r, cells });
  }
  return { rows, missingHeaders };
}

// ------------------------------------------------------------------ validating rows

export type ImportReason =
  | 'required'
  | 'tooLong'
  | 'taxCode'
  | 'taxCodeChecksum'
  | 'taxCodeTaken'
  | 'taxCodeRepeated'
  | 'unknownUnit'
  | 'date'
  | 'number'
  | 'choice'
  | 'cccd'
  | 'cccdTaken'
  | 'cccdRepeated'
  | 'possibleDuplicate'
  | 'unknownEnterprise'
  | 'officialBeforeAdmitted'
  | 'cardTaken'
  | 'cardRepeated';

export type RowError = { row: number; column: string; value: string; reason: ImportReason; params?: Record<string, string> };

/** What the data layer knows: units and enterprises of the user's scope, and what already exists. */
export type ImportLookups = {
  /** A unit of the scope by code or exact name (diacritic- and case-insensitive), of the given kinds. */
  unit(ref: string, kinds: 'managing' | 'cell'): number | undefined;
  enterpriseByTaxCode(code: string): number | undefined;
  taxCodeExists(code: string): boolean;
  cccdExists(id: string): boolean;
  cardExists(card: string): boolean;
  nameAndBirthExists(searchName: string, birthDate: string): boolean;
};

const YES = new Set(['co', 'x', '1', 'yes', 'true', 'c']);
const NO = new Set(['', 'khong', '0', 'no', 'false', 'k']);

const TYPE_LABELS: Record<EnterpriseType, string[]> = {
  private: ['doanh nghiep tu nhan', 'dntn', 'tu nhan'],
  llc: ['cong ty tnhh', 'tnhh', 'cong ty trach nhiem huu han'],
  joint_stock: ['cong ty co phan', 'co phan', 'ctcp'],
  partnership: ['cong ty hop danh', 'hop danh'],
  cooperative: ['hop tac xa', 'htx'],
  fdi: ['fdi', 'doanh nghiep fdi', 'doanh nghiep co von dau tu nuoc ngoai', 'doanh nghiep co von dau tu nuoc ngoai (fdi)'],
};
const STATUS_LABELS: Record<EnterpriseStatus, string[]> = {
  operating: ['dang hoat dong', 'hoat dong', ''],
  suspended: ['tam ngung kinh doanh', 'tam ngung'],
  dissolved: ['da giai the', 'giai the'],
};
const OCCUPATION_LABELS: Record<Occupation, string[]> = {
  direct_worker: ['cong nhan truc tiep san xuat', 'cong nhan', 'truc tiep san xuat'],
  owner: ['chu doanh nghiep'],
  manager: ['can bo quan ly', 'quan ly'],
  office: ['nhan vien van phong', 'van phong'],
  other: ['khac'],
};

function choice<X extends string>(value: string, labels: Record<X, string[]>, codes: readonly X[]): X | undefined {
  const key = searchKey(value);
  if ((codes as readonly string[]).includes(value)) return value as X;
  return (Object.keys(labels) as X[]).find((k) => labels[k].includes(key));
}

/** dd/mm/yyyy only (what the template asks for), or an Excel serial day, as yyyy-mm-dd; undefined when not a real date. */
export function strictDate(value: string): string | undefined {
  // An Excel serial day number (a date cell in a column formatted as text): days since 30/12/1899.
  if (/^\d{4,5}$/.test(value.trim())) {
    const serial = Number(value);
    if (serial < 3000 || serial > 80000) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

class RowCheck {
  readonly errors: RowError[] = [];
  constructor(
    private readonly raw: RawRow,
    private readonly columns: Column[],
  ) {}
  private header(key: string) {
    return this.columns.find((c) => c.key === key)!.header;
  }
  fail(key: string, reason: ImportReason, params?: Record<string, string>) {
    this.errors.push({ row: this.raw.row, column: this.header(key), value: this.raw.cells[key] ?? '', reason, params });
  }
  text(key: string, max: number, required = false): string {
    const v = this.raw.cells[key] ?? '';
    if (required && !v) this.fail(key, 'required');
    else if (v.length > max) this.fail(key, 'tooLong', { max: String(max) });
    return v;
  }
  bool(key: string): boolean {
    const k = searchKey(this.raw.cells[key] ?? '');
    if (YES.has(k)) return true;
    if (!NO.has(k)) this.fail(key, 'choice', { allowed: 'Có, Không' });
    return false;
  }
  date(key: string, required: boolean): string | undefined {
    const v = this.raw.cells[key] ?? '';
    if (!v) {
      if (required) this.fail(key, 'required');
      return undefined;
    }
    const d = strictDate(v);
    if (!d) this.fail(key, 'date');
    return d;
  }
  whole(key: string): number {
    const v = (this.raw.cells[key] ?? '').replace(/[\s.,]/g, '');
    if (!v) this.fail(key, 'required');
    else if (!/^\d{1,7}$/.test(v)) this.fail(key, 'number');
    return Number(v) || 0;
  }
  pick<X extends string>(key: string, labels: Record<X, string[]>, codes: readonly X[], allowed: string): X {
    const v = this.raw.cells[key] ?? '';
    const x = choice(v, labels, codes);
    if (!x) this.fail(key, v ? 'choice' : 'required', v ? { allowed } : undefined);
    return x ?? codes[0];
  }
}

/** The import names no party or union unit: those links are made in the portal. */
export type EnterpriseRow = { row: number } & Omit<EnterpriseRecord, 'tradeUnionUnitId' | 'youthUnionUnitId' | 'partyUnitId'>;

export function validateEnterpriseRows(rows: RawRow[], look: ImportLookups): { valid: EnterpriseRow[]; errors: RowError[] } {
  const valid: EnterpriseRow[] = [];
  const errors: RowError[] = [];
  const seenTax = new Map<string, number>();
  for (const raw of rows) {
    const c = new RowCheck(raw, ENTERPRISE_COLUMNS);
    const name = c.text('name', 300, true);
    const taxRaw = c.text('taxCode', 20, true);
    const taxCode = compactTaxCode(taxRaw);
    if (taxRaw) {
      const problem = taxCodeProblem(taxCode);
      if (problem) c.fail('taxCode', problem === 'checksum' ? 'taxCodeChecksum' : 'taxCode');
      else if (look.taxCodeExists(taxCode)) c.fail('taxCode', 'taxCodeTaken');
      else if (seenTax.has(taxCode)) c.fail('taxCode', 'taxCodeRepeated', { row: String(seenTax.get(taxCode)) });
      else seenTax.set(taxCode, raw.row);
    }
    const type = c.pick('type', TYPE_LABELS, ENTERPRISE_TYPES, 'Doanh nghiệp tư nhân, Công ty TNHH, Công ty cổ phần, Công ty hợp danh, Hợp tác xã, FDI');
    const foreignInvested = c.bool('foreignInvested') || type === 'fdi';
    const address = c.text('address', 500, true);
    const unitRef = c.text('managingUnit', 300, true);
    const managingUnitId = unitRef ? look.unit(unitRef, 'managing') : undefined;
    if (unitRef && !managingUnitId) c.fail('managingUnit', 'unknownUnit');
    const zone = c.text('zone', 200);
    const workforce = c.whole('workforce');
    const hasTradeUnion = c.bool('hasTradeUnion');
    const hasYouthUnion = c.bool('hasYouthUnion');
    const ownerName = c.text('ownerName', 200);
    const ownerIsMember = c.bool('ownerIsMember');
    const status = c.pick('status', STATUS_LABELS, ENTERPRISE_STATUSES, 'Đang hoạt động, Tạm ngừng kinh doanh, Đã giải thể');
    if (c.errors.length) errors.push(...c.errors);
    else
      valid.push({
        row: raw.row,
        name: normalizeName(name),
        taxCode,
        type,
        foreignInvested,
        address,
        managingUnitId: managingUnitId!,
        zone: zone || undefined,
        workforce,
        hasTradeUnion,
        hasYouthUnion,
        ownerName: ownerName || undefined,
        ownerIsMember,
        status,
      });
  }
  return { valid, errors };
}

export type MemberRow = { row: number } & MemberRecord;

export function validateMemberRows(rows: RawRow[], look: ImportLookups): { valid: MemberRow[]; errors: RowError[] } {
  const valid: MemberRow[] = [];
  const errors: RowError[] = [];
  const seenCccd = new Map<string, number>();
  const seenCard = new Map<string, number>();
  const seenPerson = new Map<string, number>();
  for (const raw of rows) {
    const c = new RowCheck(raw, MEMBER_COLUMNS);
    const fullName = normalizeName(c.text('fullName', 200, true));
    const birthDate = c.date('birthDate', true);
    const genderKey = searchKey(raw.cells.gender ?? '');
    const gender = genderKey === 'nam' ? 'male' : genderKey === 'nu' ? 'female' : undefined;
    if (!gender) c.fail('gender', raw.cells.gender ? 'choice' : 'required', raw.cells.gender ? { allowed: 'Nam, Nữ' } : undefined);
    const nationalId = c.text('nationalId', 20).replace(/\s/g, '');
    if (nationalId) {
      if (cccdProblem(nationalId, { birthDate, gender })) c.fail('nationalId', 'cccd');
      else if (look.cccdExists(nationalId)) c.fail('nationalId', 'cccdTaken');
      else if (seenCccd.has(nationalId)) c.fail('nationalId', 'cccdRepeated', { row: String(seenCccd.get(nationalId)) });
      else seenCccd.set(nationalId, raw.row);
    }
    const phone = c.text('phone', 30);
    const cellRef = c.text('cell', 300, true);
    const cellUnitId = cellRef ? look.unit(cellRef, 'cell') : undefined;
    if (cellRef && !cellUnitId) c.fail('cell', 'unknownUnit');
    const taxRaw = c.text('enterpriseTaxCode', 20);
    const enterpriseId = taxRaw ? look.enterpriseByTaxCode(compactTaxCode(taxRaw)) : undefined;
    if (taxRaw && !enterpriseId) c.fail('enterpriseTaxCode', 'unknownEnterprise');
    const occupation = c.pick('occupation', OCCUPATION_LABELS, OCCUPATIONS, 'Công nhân trực tiếp sản xuất, Chủ doanh nghiệp, Cán bộ quản lý, Nhân viên văn phòng, Khác');
    const admittedOn = c.date('admittedOn', true);
    const officialOn = c.date('officialOn', false);
    if (admittedOn && officialOn && officialOn < admittedOn) c.fail('officialOn', 'officialBeforeAdmitted');
    const cardNo = c.text('cardNo', 30);
    if (cardNo) {
      if (look.cardExists(cardNo)) c.fail('cardNo', 'cardTaken');
      else if (seenCard.has(cardNo)) c.fail('cardNo', 'cardRepeated', { row: String(seenCard.get(cardNo)) });
      else seenCard.set(cardNo, raw.row);
    }
    // Same name and birth date as someone already registered or earlier in the file: flagged, never merged.
    const confirmed = YES.has(searchKey(raw.cells.notDuplicate ?? ''));
    if (fullName && birthDate && !nationalId) {
      const key = `${searchKey(fullName)}|${birthDate}`;
      if (!confirmed && (look.nameAndBirthExists(searchKey(fullName), birthDate) || seenPerson.has(key))) c.fail('notDuplicate', 'possibleDuplicate');
      seenPerson.set(key, raw.row);
    }
    if (c.errors.length) errors.push(...c.errors);
    else
      valid.push({
        row: raw.row,
        fullName,
        birthDate: birthDate!,
        gender: gender!,
        nationalId: nationalId || undefined,
        phone: phone || undefined,
        cellUnitId: cellUnitId!,
        enterpriseId,
        occupation,
        admittedOn: admittedOn!,
        officialOn,
        cardNo: cardNo || undefined,
      });
  }
  return { valid, errors };
}
