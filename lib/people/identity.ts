/**
 * Personal data helpers: Vietnamese names (stored in NFC whatever the keyboard sent, searched
 * without diacritics) and the 12-digit citizen identity number (CCCD).
 */

/** NFC, single spaces, trimmed. */
export function normalizeName(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower case without diacritics ("Đặng Nguyễn" → "dang nguyen"), for search. */
export function searchKey(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// ------------------------------------------------------------------ names in the portal's order

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/**
 * The letters of Vietnamese names: the Latin alphabet, đ, and every vowel with every tone, both
 * cases (composed, NFC). In the root (und-x-icu) collation lists sort by, each of them weighs at
 * the first level as the letter its search key keeps (đ as d): marks and case only break ties. A
 * test holds this true on both databases.
 */
export const NAME_LETTERS: readonly string[] = (() => {
  const lower = [...'abcdefghijklmnopqrstuvwxyz', 'đ', ...VOWELS.flatMap((v) => TONES.map((tone) => (v + tone).normalize('NFC')))];
  return [...new Set([...lower, ...lower.map((c) => c.toUpperCase())])];
})();

/**
 * A POSIX class of what is not a Vietnamese name letter nor a space: a name matching
 * `~ NAME_QUIRK` (a hyphen, a digit, a foreign letter) may sort apart from its search key.
 */
export const NAME_QUIRK = `[^ ${NAME_LETTERS.join('')}]`;

/**
 * Where the names whose search key starts with `key` lie in name order: since a name's letters
 * weigh as its key's, every such name of name letters sorts at or after `key` and before `key`
 * followed by U+FFFF (which weighs above every letter). Null for a key of other characters.
 */
export function namePrefixRange(key: string): [from: string, to: string] | null {
  return key && /^[a-z ]+$/.test(key) ? [key, `${key}\uffff`] : null;
}

/** Province codes that open a CCCD number (the 63 provinces before the 2025 merger). */
const CCCD_PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export type CccdProblem = 'format' | 'province' | 'birthYear' | 'gender';

/**
 * Check a CCCD number: 12 digits; a known province code; then one digit for century and sex
 * (0/1: born 1900–1999 male/female, 2/3: 2000–2099, …) and the last two digits of the birth
 * year. With a birth date and sex known, both must agree. Returns null when it is valid.
 */
export function cccdProblem(raw: string, person?: { birthDate?: string; gender?: 'male' | 'female' }): CccdProblem | null {
  const id = raw.replace(/\s/g, '');
  if (!/^\d{12}$/.test(id)) return 'format';
  if (!CCCD_PROVINCE_CODES.has(id.slice(0, 3))) return 'province';
  const code = Number(id[3]);
  if (code > 9) return 'format';
  if (person?.birthDate) {
    const year = Number(person.birthDate.slice(0, 4));
    const century = 1900 + Math.floor(code / 2) * 100;
    if (year < century || year >= century + 100 || String(year).slice(2) !== id.slice(4, 6)) return 'birthYear';
  }
  if (person?.gender && (code % 2 === 0 ? 'male' : 'female') !== person.gender) return 'gender';
  return null;
}

/** Shown in lists: only the last four digits. */
export function maskCccd(id: string | null | undefined): string {
  if (!id) return '';
  return `${'•'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
}
