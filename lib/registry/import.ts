import { cccdProblem, normalizeName, searchKey } from '@/lib/people/identity';
import { legacyVietnamese } from '@/lib/people/legacy-encoding';
import { ENTERPRISE_STATUSES, ENTERPRISE_TYPES, OCCUPATIONS, type EnterpriseRecord, type EnterpriseStatus, type EnterpriseType, type MemberRecord, type Occupation } from './kinds';
import { parseDate, parseWholeNumber } from '@/lib/validation';
import { compactTaxCode, taxCodeProblem } from './tax-code';

/**
 * Excel import of enterprises and members: the template's columns, reading a sheet into rows of
 * text, and validating every row against the rules and the lookups the data layer supplies.
 * Pure (no database): the data layer imports nothing unless every row is clean.
 */

export const IMPORT_KINDS = ['enterprises', 'members', 'units'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * How a column's cells are read: `code` columns (tax code, CCCD, phone, card) as the text Excel
 * shows, leading zeros included, `date` columns as dates of the workbook's date system, `whole`
 * columns as whole numbers, `text` as NFC text (checked for the legacy Vietnamese encodings when validated).
 */
export type ColumnKind = 'text' | 'code' | 'date' | 'whole' | 'flag';

export type Column = {
  key: string;
  header: string;
  required?: boolean;
  width?: number;
  example: string;
  note?: string;
  kind?: ColumnKind;
  /** A code's length when it starts with 0 (CCCD 12, tax code 10, phone 10): a shorter number lost its zeros. */
  digits?: number;
  /** Other headers officials write for this column (matched like the header: without case, diacritics or notes). */
  aliases?: string[];
};

/** What one file may cost the server; beyond these it is refused with a message saying which limit and how to split it. */
export type ImportLimits = { bytes: number; uncompressedBytes: number; rows: number; cells: number; seconds: number; headerSearchRows: number };

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  /** The uploaded .xlsx (a province's members go in several files). */
  bytes: 10 * 1024 * 1024,
  /** All parts of the zip once inflated: declared in its directory (checked first) and counted as they inflate (a zip may lie). A 20,000-row member file inflates to about 6 MB. */
  uncompressedBytes: 50 * 1024 * 1024,
  /** Data rows of the sheet read. */
  rows: 20_000,
  /** Cells holding anything, over all sheets read. */
  cells: 1_000_000,
  /** Reading stops after this long (the server keeps serving others meanwhile: the file is streamed). */
  seconds: 60,
  /** The header row is looked for in this many first rows of each visible sheet. */
  headerSearchRows: 30,
};

export const ENTERPRISE_COLUMNS: Column[] = [
  { key: 'name', header: 'Tên doanh nghiệp', required: true, width: 40, aliases: ['Tên công ty', 'Tên đơn vị'], example: 'Công ty TNHH Cơ khí Bình Minh' },
  {
    key: 'taxCode',
    header: 'Mã số thuế',
    required: true,
    width: 16,
    kind: 'code',
    digits: 10,
    aliases: ['MST', 'Mã số doanh nghiệp'],
    example: '0100233488',
    note: '10 chữ số, hoặc 13 chữ số (0314409058-002)',
  },
  { key: 'type', header: 'Loại hình', required: true, width: 22, example: 'Công ty TNHH', note: 'Doanh nghiệp tư nhân, Công ty TNHH, Công ty cổ phần, Công ty hợp danh, Hợp tác xã, FDI' },
  { key: 'foreignInvested', header: 'Có vốn đầu tư nước ngoài', width: 12, kind: 'flag', example: 'Không', note: 'Có / Không' },
  { key: 'address', header: 'Địa chỉ trụ sở', required: true, width: 40, aliases: ['Địa chỉ', 'Trụ sở'], example: '15 Đinh Bộ Lĩnh, Phường 4' },
  { key: 'managingUnit', header: 'Đơn vị quản lý', required: true, width: 26, example: 'Đảng ủy Phường 4', note: 'Tên hoặc mã đơn vị trên hệ thống' },
  { key: 'zone', header: 'Khu, cụm công nghiệp', width: 26, example: 'Khu công nghiệp Mỹ Tho' },
  { key: 'workforce', header: 'Số lao động', required: true, width: 12, kind: 'whole', aliases: ['Tổng số lao động', 'Lao động'], example: '320' },
  { key: 'hasTradeUnion', header: 'Có công đoàn cơ sở', width: 12, kind: 'flag', example: 'Có' },
  { key: 'hasYouthUnion', header: 'Có Đoàn thanh niên', width: 12, kind: 'flag', example: 'Không' },
  {
    key: 'partyUnit',
    header: 'Tổ chức đảng',
    width: 30,
    aliases: ['Tổ chức cơ sở đảng', 'Chi bộ, đảng bộ'],
    example: 'Chi bộ Công ty TNHH May Phương Nam',
    note: 'Chi bộ hoặc đảng ủy cơ sở của doanh nghiệp: tên hoặc mã trên hệ thống; bỏ trống nếu chưa có',
  },
  { key: 'tradeUnionUnit', header: 'Công đoàn cơ sở', width: 26, aliases: ['Tổ chức công đoàn'], example: '', note: 'Tên hoặc mã công đoàn cơ sở trên hệ thống (tự ghi nhận "Có công đoàn cơ sở")' },
  {
    key: 'youthUnionUnit',
    header: 'Đoàn thanh niên',
    width: 26,
    aliases: ['Chi đoàn', 'Tổ chức Đoàn'],
    example: '',
    note: 'Tên hoặc mã chi đoàn/đoàn cơ sở trên hệ thống (tự ghi nhận "Có Đoàn thanh niên")',
  },
  { key: 'ownerName', header: 'Chủ doanh nghiệp', width: 24, example: 'Nguyễn Văn Minh' },
  { key: 'ownerIsMember', header: 'Chủ doanh nghiệp là đảng viên', width: 14, kind: 'flag', example: 'Không' },
  { key: 'status', header: 'Tình trạng', width: 18, example: 'Đang hoạt động', note: 'Đang hoạt động, Tạm ngừng kinh doanh, Đã giải thể' },
];

export const MEMBER_COLUMNS: Column[] = [
  { key: 'fullName', header: 'Họ và tên', required: true, width: 28, aliases: ['Họ tên', 'Họ và tên đảng viên'], example: 'Nguyễn Thị Lan' },
  { key: 'birthDate', header: 'Ngày sinh', required: true, width: 12, kind: 'date', aliases: ['Ngày tháng năm sinh', 'Sinh ngày'], example: '12/08/1990', note: 'dd/mm/yyyy' },
  { key: 'gender', header: 'Giới tính', required: true, width: 8, example: 'Nữ', note: 'Nam / Nữ' },
  {
    key: 'nationalId',
    header: 'Số CCCD',
    width: 16,
    kind: 'code',
    digits: 12,
    aliases: ['CCCD', 'Số căn cước', 'Số căn cước công dân', 'Số định danh cá nhân', 'Số CCCD/CMND'],
    example: '082190001234',
  },
  { key: 'phone', header: 'Điện thoại', width: 14, kind: 'code', digits: 10, aliases: ['Số điện thoại', 'SĐT', 'Điện thoại di động'], example: '0912345678' },
  { key: 'cell', header: 'Chi bộ', required: true, width: 36, example: 'Chi bộ Công ty TNHH May Phương Nam', note: 'Tên hoặc mã chi bộ trên hệ thống' },
  { key: 'enterpriseTaxCode', header: 'Mã số thuế doanh nghiệp nơi làm việc', width: 16, kind: 'code', digits: 10, aliases: ['Mã số thuế doanh nghiệp', 'MST doanh nghiệp'], example: '' },
  {
    key: 'occupation',
    header: 'Nghề nghiệp',
    required: true,
    width: 26,
    example: 'Công nhân trực tiếp sản xuất',
    note: 'Công nhân trực tiếp sản xuất, Chủ doanh nghiệp, Cán bộ quản lý, Nhân viên văn phòng, Khác',
  },
  { key: 'admittedOn', header: 'Ngày vào Đảng', required: true, width: 12, kind: 'date', aliases: ['Ngày kết nạp', 'Ngày kết nạp Đảng'], example: '19/05/2015', note: 'dd/mm/yyyy' },
  {
    key: 'officialOn',
    header: 'Ngày chính thức',
    width: 12,
    kind: 'date',
    aliases: ['Ngày công nhận chính thức', 'Ngày vào Đảng chính thức'],
    example: '19/05/2016',
    note: 'dd/mm/yyyy, bỏ trống nếu còn dự bị',
  },
  { key: 'cardNo', header: 'Số thẻ đảng viên', width: 14, kind: 'code', aliases: ['Số thẻ Đảng', 'Số thẻ'], example: '82.012345' },
  { key: 'notDuplicate', header: 'Xác nhận khác người trùng tên', width: 14, kind: 'flag', example: '', note: 'Ghi "Có" nếu đã kiểm tra: người trùng họ tên và ngày sinh là người khác' },
];

export const UNIT_COLUMNS: Column[] = [
  { key: 'name', header: 'Tên đơn vị', required: true, width: 40, aliases: ['Tên tổ chức', 'Tên tổ chức đảng'], example: 'Chi bộ Công ty TNHH May Phương Nam' },
  {
    key: 'kind',
    header: 'Loại',
    required: true,
    width: 22,
    aliases: ['Loại đơn vị', 'Loại tổ chức'],
    example: 'Chi bộ',
    note: 'Tỉnh ủy / Thành ủy, Cấp huyện, Đảng ủy Khối, Đảng ủy cơ sở, Đảng ủy phường, xã, Chi bộ, Công đoàn cơ sở, Đoàn Thanh niên',
  },
  {
    key: 'parent',
    header: 'Đơn vị cấp trên',
    required: true,
    width: 34,
    aliases: ['Cấp trên', 'Trực thuộc', 'Cấp trên trực tiếp'],
    example: 'Đảng ủy Phường 4',
    note: 'Tên hoặc mã đơn vị đã có trên hệ thống, hoặc tên/mã của một dòng khác trong tệp',
  },
  { key: 'code', header: 'Mã', width: 24, kind: 'code', aliases: ['Mã đơn vị'], example: '', note: 'Chữ in không dấu, số và dấu gạch ngang; bỏ trống để hệ thống tự đặt (mã cấp trên + tên)' },
  {
    key: 'effectiveOn',
    header: 'Ngày thành lập / hiệu lực',
    required: true,
    width: 14,
    kind: 'date',
    aliases: ['Ngày thành lập', 'Ngày hiệu lực', 'Ngày quyết định thành lập'],
    example: '05/03/2020',
    note: 'dd/mm/yyyy',
  },
];

export const COLUMNS: Record<ImportKind, Column[]> = { enterprises: ENTERPRISE_COLUMNS, members: MEMBER_COLUMNS, units: UNIT_COLUMNS };

// ------------------------------------------------------------------ reading a sheet

/** Why one cell could not be read as the value the user sees (the reader decides; RowCheck reports it). */
export type CellProblem = { reason: ImportReason; params?: Record<string, string> };

/** One data row: the text of each column (by key), and the cells that could not be read. */
export type RawRow = { row: number; cells: Record<string, string>; problems?: Record<string, CellProblem> };

/**
 * A header as it is matched: without case, diacritics, line breaks, notes in brackets, "*" or ":"
 * ("Ngày sinh\n(dd/mm/yyyy) *" matches "Ngày sinh").
 */
export function headerKey(text: string): string {
  return searchKey(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[*:.]/g, ' '));
}

/** The column a header cell names, if any. */
export function columnForHeader(columns: Column[], text: string): Column | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  return columns.find((c) => headerKey(c.header) === key || c.aliases?.some((a) => headerKey(a) === key));
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
  | 'cardRepeated'
  | 'cellError'
  | 'formulaNoResult'
  | 'formulaError'
  | 'leadingZerosLost'
  | 'legacyEncoding'
  | 'notWhole'
  | 'tooLarge'
  | 'controlChars'
  | 'wrongKindUnit'
  | 'parentNotFound'
  | 'parentAmbiguous'
  | 'parentOutOfScope'
  | 'parentCycle'
  | 'kindNotAllowed'
  | 'codeFormat'
  | 'codeTaken'
  | 'codeRepeated'
  | 'dateInFuture';

export type RowError = { row: number; column: string; value: string; reason: ImportReason; params?: Record<string, string> };

/** Which units a column may name: committees that manage enterprises, cells, an enterprise's party organisation, union or youth branch. */
export type UnitRefKind = 'managing' | 'cell' | 'party' | 'union' | 'youth';

/** What the data layer knows: units and enterprises of the user's scope, and what already exists. */
export type ImportLookups = {
  /** A unit of the scope by code or exact name (diacritic- and case-insensitive), of the given kinds. */
  unit(ref: string, kinds: UnitRefKind): number | undefined;
  /** Whether `ref` names a unit of the scope of another kind than asked (for a clearer message). */
  unitOfOtherKind?(ref: string, kinds: UnitRefKind): boolean;
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

/** The checks of one row; one error per cell at most, the reader's problems first. */
export class RowCheck {
  readonly errors: RowError[] = [];
  private readonly failed = new Set<string>();
  constructor(
    private readonly raw: RawRow,
    private readonly columns: Column[],
  ) {
    for (const [key, p] of Object.entries(raw.problems ?? {})) this.fail(key, p.reason, p.params);
  }
  private header(key: string) {
    return this.columns.find((c) => c.key === key)!.header;
  }
  fail(key: string, reason: ImportReason, params?: Record<string, string>) {
    if (this.failed.has(key)) return;
    this.failed.add(key);
    this.errors.push({ row: this.raw.row, column: this.header(key), value: this.raw.cells[key] ?? '', reason, params });
  }
  text(key: string, max: number, required = false): string {
    const v = this.raw.cells[key] ?? '';
    const legacy = v ? legacyVietnamese(v) : null;
    if (required && !v) this.fail(key, 'required');
    else if (v.length > max) this.fail(key, 'tooLong', { max: String(max) });
    else if (legacy) this.fail(key, 'legacyEncoding', { charset: legacy.charset, suggestion: legacy.unicode });
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
    const d = parseDate(v) ?? undefined;
    if (!d) this.fail(key, 'date');
    return d;
  }
  whole(key: string, max: number): number {
    const r = parseWholeNumber(this.raw.cells[key] ?? '', max);
    if ('value' in r) return r.value;
    const reason = ({ 'errors.required': 'required', 'errors.notWholeNumber': 'notWhole', 'errors.notANumber': 'number', 'errors.numberTooLarge': 'tooLarge' } as const)[r.problem];
    this.fail(key, reason, reason === 'tooLarge' ? { max: max.toLocaleString('vi-VN') } : undefined);
    return 0;
  }
  pick<X extends string>(key: string, labels: Record<X, string[]>, codes: readonly X[], allowed: string): X {
    const v = this.raw.cells[key] ?? '';
    const x = choice(v, labels, codes);
    if (!x) this.fail(key, v ? 'choice' : 'required', v ? { allowed } : undefined);
    return x ?? codes[0];
  }
}

/** An enterprise row, with the party organisation, union and youth branch it names (units of the scope). */
export type EnterpriseRow = { row: number } & EnterpriseRecord;

/** What a link column must name, as the row error says it. */
const LINK_KINDS: Record<UnitRefKind, string> = {
  managing: 'cấp ủy quản lý',
  cell: 'chi bộ',
  party: 'chi bộ hoặc đảng ủy cơ sở',
  union: 'công đoàn cơ sở',
  youth: 'đoàn thanh niên',
};

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
    const workforce = c.whole('workforce', 10_000_000);
    const link = (key: string, kinds: UnitRefKind): number | undefined => {
      const ref = c.text(key, 300);
      if (!ref) return undefined;
      const id = look.unit(ref, kinds);
      if (!id) c.fail(key, look.unitOfOtherKind?.(ref, kinds) ? 'wrongKindUnit' : 'unknownUnit', { kinds: LINK_KINDS[kinds] });
      return id;
    };
    const partyUnitId = link('partyUnit', 'party');
    const tradeUnionUnitId = link('tradeUnionUnit', 'union');
    const youthUnionUnitId = link('youthUnionUnit', 'youth');
    const hasTradeUnion = c.bool('hasTradeUnion') || !!tradeUnionUnitId;
    const hasYouthUnion = c.bool('hasYouthUnion') || !!youthUnionUnitId;
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
        tradeUnionUnitId,
        hasYouthUnion,
        youthUnionUnitId,
        partyUnitId,
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
