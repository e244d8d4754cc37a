import { normalizeName, searchKey } from '@/lib/people/identity';
import { vi } from '@/lib/i18n/messages';
import { CODE_PATTERN } from '@/lib/units/codes';
import { canContain, UNIT_KINDS, type UnitKind } from '@/lib/units/kinds';
import { RowCheck, UNIT_COLUMNS, type RawRow, type RowError } from './import';

/**
 * Importing a unit tree from Excel (name, kind, parent, code, effective date): every row checked
 * before anything is written. A parent is a unit of the user's scope (by code or name) or another
 * row of the same file (above or below); the rows' parents must not form a cycle; a code must be
 * new (in the file and in the portal); the kind must be allowed under the parent's kind; the date
 * real and not in the future. Pure: the data layer supplies the lookups and writes the result.
 */

/** An existing unit a row may name as its parent. */
export type ExistingParent = { id: number; kind: UnitKind; path: string; code: string; name: string; mine: boolean; mayCreate: boolean };

export type UnitTreeLookups = {
  /** Active units matching `ref`: by code anywhere (`mine` says whether in scope), by name within the scope only. */
  parents(ref: string): ExistingParent[];
  codeExists(code: string): boolean;
  /** Today (yyyy-mm-dd): no unit is founded in the future. */
  today: string;
};

/** A checked row: its parent is an existing unit, or another row (by its row number). */
export type UnitRow = {
  row: number;
  name: string;
  kind: UnitKind;
  code?: string;
  effectiveOn: string;
  parent: { unit: ExistingParent } | { row: number };
  /** Depth below the existing unit the chain starts from (1 = directly under it): rows are written in this order. */
  depth: number;
};

const label = (kind: UnitKind) => vi[`kind.${kind}`];

/** Each kind as a user may write it: the kind's label, its code, and the names officials use. */
const KIND_WORDS: Record<UnitKind, string[]> = {
  national: ['trung uong', 'ban to chuc trung uong'],
  province: ['tinh uy', 'thanh uy truc thuoc trung uong', 'dang bo tinh'],
  district: ['cap huyen', 'huyen uy', 'quan uy', 'thi uy', 'thanh uy thuoc tinh', 'dang bo huyen'],
  bloc: ['dang uy khoi', 'khoi', 'dang bo khoi'],
  grassroots: ['dang uy co so', 'dang bo co so'],
  ward: ['dang uy phuong', 'dang uy xa', 'dang uy phuong xa', 'dang bo phuong', 'dang bo xa'],
  cell: ['chi bo', 'chi bo co so'],
  union_branch: ['cong doan co so', 'cong doan', 'cdcs'],
  youth_branch: ['doan thanh nien', 'chi doan', 'doan co so', 'doan tncs ho chi minh'],
};

const kindKey = (s: string) =>
  searchKey(s)
    .replace(/[^a-z0-9_ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function parseUnitKind(value: string): UnitKind | undefined {
  const key = kindKey(value);
  if (!key) return undefined;
  return UNIT_KINDS.find((k) => k === key.replace(/ /g, '_') || kindKey(label(k)) === key || KIND_WORDS[k].includes(key));
}

const ALLOWED_KINDS = UNIT_KINDS.filter((k) => k !== 'national')
  .map(label)
  .join('; ');

export function validateUnitRows(rows: RawRow[], look: UnitTreeLookups): { valid: UnitRow[]; errors: RowError[] } {
  type Parsed = { raw: RawRow; check: RowCheck; name: string; kind?: UnitKind; code?: string; effectiveOn?: string; parentRef: string };
  const seenCode = new Map<string, number>();
  const parsed: Parsed[] = rows.map((raw) => {
    const check = new RowCheck(raw, UNIT_COLUMNS);
    const name = normalizeName(check.text('name', 200, true));
    const kindText = check.text('kind', 100, true);
    const kind = kindText ? parseUnitKind(kindText) : undefined;
    if (kindText && !kind) check.fail('kind', 'choice', { allowed: ALLOWED_KINDS });
    const codeText = check.text('code', 60).replace(/\s+/g, '').toUpperCase();
    let code: string | undefined;
    if (codeText) {
      if (!CODE_PATTERN.test(codeText)) check.fail('code', 'codeFormat');
      else if (look.codeExists(codeText)) check.fail('code', 'codeTaken');
      else if (seenCode.has(codeText)) check.fail('code', 'codeRepeated', { row: String(seenCode.get(codeText)) });
      else seenCode.set(codeText, raw.row);
      code = codeText;
    }
    const effectiveOn = check.date('effectiveOn', true);
    if (effectiveOn && effectiveOn > look.today) check.fail('effectiveOn', 'dateInFuture');
    const parentRef = check.text('parent', 300, true);
    return { raw, check, name, kind, code, effectiveOn, parentRef };
  });

  // Rows of the file by code and by name (a name two rows share names neither).
  const byKey = new Map<string, Parsed[]>();
  const add = (key: string, p: Parsed) => key && byKey.set(key, [...(byKey.get(key) ?? []), p]);
  for (const p of parsed) {
    if (p.code) add(searchKey(p.code), p);
    if (p.name && searchKey(p.name) !== searchKey(p.code ?? '')) add(searchKey(p.name), p);
  }

  const parentOf = new Map<Parsed, { unit: ExistingParent } | { row: Parsed }>();
  for (const p of parsed) {
    if (!p.parentRef) continue;
    const inFile = byKey.get(searchKey(p.parentRef)) ?? [];
    const existing = look.parents(p.parentRef);
    const mine = existing.filter((u) => u.mine);
    const count = inFile.length + mine.length;
    if (count === 0) {
      p.check.fail('parent', existing.length ? 'parentOutOfScope' : 'parentNotFound');
      continue;
    }
    if (count > 1) {
      const where = [...inFile.map((r) => `dòng ${r.raw.row}`), ...mine.map((u) => u.code)].join(', ');
      p.check.fail('parent', 'parentAmbiguous', { where });
      continue;
    }
    if (inFile.length) {
      if (inFile[0] === p) p.check.fail('parent', 'parentCycle', { rows: String(p.raw.row) });
      else parentOf.set(p, { row: inFile[0] });
      continue;
    }
    if (!mine[0].mayCreate) p.check.fail('parent', 'parentOutOfScope');
    else parentOf.set(p, { unit: mine[0] });
  }

  // Follow each row's parents up to an existing unit; a chain that comes back to itself is a cycle
  // (each of its rows is named); a row whose chain stops at an unresolved parent gets no depth.
  const depth = new Map<Parsed, number>();
  for (const p of parsed) {
    const chain: Parsed[] = [];
    let at: Parsed | undefined = p;
    let base: number | undefined;
    while (at) {
      const known = depth.get(at);
      if (known !== undefined) {
        base = known;
        break;
      }
      const seen = chain.indexOf(at);
      if (seen >= 0) {
        const cycle = chain.slice(seen);
        const rowsInCycle = cycle.map((r) => r.raw.row).join(', ');
        for (const r of cycle) r.check.fail('parent', 'parentCycle', { rows: rowsInCycle });
        base = -1;
        break;
      }
      chain.push(at);
      const up = parentOf.get(at);
      if (!up) base = -1;
      else if ('unit' in up) base = 0;
      at = up && 'row' in up ? up.row : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base = base === undefined || base < 0 ? -1 : base + 1;
      depth.set(chain[i], base);
    }
  }

  // The kind allowed under its parent's kind (the parent row's kind when it is one of the file).
  for (const p of parsed) {
    const up = parentOf.get(p);
    if (!up || !p.kind) continue;
    const parentKind = 'unit' in up ? up.unit.kind : up.row.kind;
    if (parentKind && !canContain(parentKind, p.kind)) p.check.fail('kind', 'kindNotAllowed', { kind: label(p.kind), parent: label(parentKind) });
  }

  const errors = parsed.flatMap((p) => p.check.errors);
  if (errors.length) return { valid: [], errors };
  const valid = parsed
    .map((p): UnitRow => {
      const up = parentOf.get(p)!;
      return {
        row: p.raw.row,
        name: p.name,
        kind: p.kind!,
        code: p.code,
        effectiveOn: p.effectiveOn!,
        parent: 'unit' in up ? { unit: up.unit } : { row: up.row.raw.row },
        depth: depth.get(p)!,
      };
    })
    .sort((a, b) => a.depth - b.depth || a.row - b.row);
  return { valid, errors };
}
