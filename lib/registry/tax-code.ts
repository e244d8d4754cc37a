/**
 * Vietnamese tax codes (mã số thuế): 10 digits, or 13 for a branch (the parent's 10 digits and a
 * 3-digit branch number, usually written 0314409058-002). Digits 3–9 are a sequence that is never
 * all zeros; the 10th is a check digit over the first nine, weights 31 29 23 19 17 13 7 5 3:
 * check = 10 − (Σ mod 11), and a sum divisible by 11 gives no valid code.
 */
export type TaxCodeProblem = 'format' | 'checksum';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Spaces, dots and dashes dropped: what is stored. */
export function compactTaxCode(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/** The usual written form: 10 digits, or 10-3 for a branch. */
export function formatTaxCode(code: string): string {
  const c = compactTaxCode(code);
  return c.length === 13 ? `${c.slice(0, 10)}-${c.slice(10)}` : c;
}

export function taxCodeCheckDigit(firstNine: string): number | null {
  const total = WEIGHTS.reduce((sum, w, i) => sum + w * Number(firstNine[i]), 0);
  const check = 10 - (total % 11);
  return check === 10 ? null : check;
}

export function taxCodeProblem(raw: string): TaxCodeProblem | null {
  const c = compactTaxCode(raw);
  if (!/^\d{10}(\d{3})?$/.test(c)) return 'format';
  if (c.slice(2, 9) === '0000000' || (c.length === 13 && c.slice(10) === '000')) return 'format';
  return taxCodeCheckDigit(c.slice(0, 9)) === Number(c[9]) ? null : 'checksum';
}
