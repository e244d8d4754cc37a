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

/** Province codes that open a CCCD number (the 63 provinces before the 2025 merger). */
const CCCD_PROVINCE_CODES = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
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
