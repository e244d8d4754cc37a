import type { UnitKind } from './kinds';

/**
 * Readable unit codes, like the seed's: the parent's code, '-', and a short upper-case ASCII form
 * of the name without the words that only say what kind of body it is ("Chi bộ Công ty TNHH May
 * Phương Nam" under TG-MYTHO-P4 → TG-MYTHO-P4-MAYPHUONGNAM; "Đảng ủy Phường 4" → TG-MYTHO-P4).
 * Pure: the data layer supplies the codes already taken.
 */

/** A code as users may type it: upper-case letters without accents, digits and '-'. */
export const CODE_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/;
/** Longest code (the validator's limit), and room kept for a "-NN" suffix. */
export const CODE_MAX = 40;
const STEM_MAX = 16;
const SUFFIX_ROOM = 4;

/** Words that name the kind of body, not the body itself (as search keys: no diacritics, lower case), longest first. */
const KIND_WORDS = [
  'doan thanh nien cong san ho chi minh',
  'mot thanh vien',
  'hai thanh vien tro len',
  'trach nhiem huu han',
  'doan thanh nien',
  'cong doan co so',
  'dang uy co so',
  'dang bo co so',
  'chi bo co so',
  'dang uy khoi',
  'dang bo khoi',
  'doanh nghiep',
  'cong doan',
  'chi doan',
  'dang uy',
  'dang bo',
  'thanh uy',
  'huyen uy',
  'quan uy',
  'tinh uy',
  'thi uy',
  'chi bo',
  'cong ty',
  'co phan',
  'tu nhan',
  'tnhh',
  'ctcp',
  'dntn',
  'mtv',
  'cp',
  'tp',
];

/** Numbered places and parts shortened as officials write them ("Phường 4" → P4, "Khu phố 3" → KP3). */
const NUMBERED: [RegExp, string][] = [
  [/\bphuong (\d+)\b/g, 'p$1'],
  [/\bkhu pho (\d+)\b/g, 'kp$1'],
  [/\bphan xuong (\d+)\b/g, 'px$1'],
  [/\bto (\d+)\b/g, 't$1'],
  [/\bap (\d+)\b/g, 'a$1'],
  [/\bquan (\d+)\b/g, 'q$1'],
];

/** What a unit of a kind is called when its name holds nothing else. */
const KIND_SHORT: Record<UnitKind, string> = {
  national: 'TW',
  province: 'T',
  district: 'H',
  bloc: 'KHOI',
  grassroots: 'DU',
  ward: 'DU',
  cell: 'CB',
  union_branch: 'CD',
  youth_branch: 'DTN',
};

function asciiKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The name's own part: kind words left out, numbered places shortened, upper-case ASCII, at most 16 characters. */
export function codeStem(name: string, kind: UnitKind): string {
  let key = ` ${asciiKey(name)} `;
  for (const [pattern, short] of NUMBERED) key = key.replace(pattern, short);
  for (const word of KIND_WORDS) key = key.split(` ${word} `).join(' ');
  const stem = key.replace(/\s+/g, '').toUpperCase().slice(0, STEM_MAX);
  return stem || KIND_SHORT[kind];
}

/**
 * The code a new unit gets before it is made unique: parent code + '-' + stem, cut so that a
 * "-NN" suffix still fits in CODE_MAX. A root (no parent code) and a province are the stem alone.
 */
export function baseCode(parentCode: string | null | undefined, name: string, kind: UnitKind): string {
  // A province starts a code of its own (TG, not TW-TG): every code below it carries it, and the
  // national root above it would only lengthen all of them.
  const parent = kind === 'province' ? '' : (parentCode ?? '').toUpperCase().replace(/[^A-Z0-9-]/g, '');
  // "Chi bộ Khu phố 2, Phường 1" under …-P1 is …-P1-KP2: the parent's own part is not repeated.
  let stem = codeStem(name, kind);
  const last = parent.split('-').pop() ?? '';
  if (last && stem.length > last.length && stem.endsWith(last)) stem = stem.slice(0, -last.length);
  const full = parent ? `${parent}-${stem}` : stem;
  return full.slice(0, CODE_MAX - SUFFIX_ROOM).replace(/-+$/, '');
}

/**
 * The n-th candidate for a base code: the base itself (n = 1), then base-2, base-3, … Past -999
 * the suffix no longer fits beside a base of the longest length, so the base is cut to make room:
 * every candidate is a valid code of at most CODE_MAX characters, and no two are equal (each ends
 * with its own "-n").
 */
export function codeCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, CODE_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** `count` candidates for a base code in order, from the `from`-th (see codeCandidate). */
export function codeCandidates(base: string, from = 1, count = 100): string[] {
  return Array.from({ length: count }, (_, i) => codeCandidate(base, from + i));
}

/** How many candidates of a base are asked about at once (more when many new units share it). */
const CANDIDATE_BATCH = 100;

/**
 * Free codes for new units, the i-th for `bases[i]`: for each base, its first candidates not
 * taken, in order (two new units with one base get base and base-2). `taken` answers which of a
 * list of candidates are already codes; it is asked about a batch of candidates at a time, all
 * bases together, and again about the next ones for the bases that found none free, until every
 * unit has one: however many units clash, a new unit always gets a code. `used` holds codes
 * already given out (upper case, e.g. typed in the same file); the codes found are added to it.
 */
export async function freeCodes(bases: string[], taken: (candidates: string[]) => Promise<Iterable<string>>, used: Set<string> = new Set()): Promise<string[]> {
  const codes: string[] = new Array(bases.length);
  /** By base: the number of the next candidate to try, and the candidates numbered below `asked` were asked about. */
  const next = new Map<string, number>();
  const asked = new Map<string, number>();
  let waiting = bases.map((_, i) => i);
  while (waiting.length) {
    const need = new Map<string, number>();
    for (const i of waiting) need.set(bases[i], (need.get(bases[i]) ?? 0) + 1);
    const ask = [...need].flatMap(([base, n]) => {
      const from = asked.get(base) ?? 1;
      const count = Math.max(CANDIDATE_BATCH, 2 * n);
      asked.set(base, from + count);
      return codeCandidates(base, from, count);
    });
    for (const code of await taken(ask)) used.add(code.toUpperCase());
    const rest: number[] = [];
    for (const i of waiting) {
      const base = bases[i];
      const end = asked.get(base)!;
      let n = next.get(base) ?? 1;
      while (n < end && used.has(codeCandidate(base, n).toUpperCase())) n++;
      if (n < end) {
        codes[i] = codeCandidate(base, n);
        used.add(codes[i].toUpperCase());
        n++;
      } else rest.push(i);
      next.set(base, n);
    }
    waiting = rest;
  }
  return codes;
}
