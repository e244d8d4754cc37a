/**
 * Vietnamese text typed in the pre-Unicode encodings and pasted into a Unicode file: old lists
 * kept with the .VnTime fonts (TCVN3, TCVN 5712:1993 "ABC") or the VNI fonts (VNI-Windows) read
 * as Latin-1 letters, so "Nguyễn Văn Hùng" arrives as "NguyÔn V¨n Hïng" (TCVN3) or
 * "Nguyeãn Vaên Huøng" (VNI). Search and duplicate checks then miss the person.
 *
 * Why our own table rather than a package: the one npm package for this (vietnamese-conversion
 * 2.0) reports TCVN3 and VNI text as Unicode and converts VNI "Ñöùc" to "Đưùc"; the tables below
 * are the standard ones (TCVN 5712:1993 and VNI-Windows, as in Unikey's converter), checked
 * letter by letter in legacy-encoding.test.ts.
 */

/** TCVN3 (ABC): one Latin-1 character per Vietnamese letter (capitals with tones need another font). */
const TCVN3 = 'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦';
const TCVN3_UNICODE = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // none, sắc, huyền, hỏi, ngã, nặng

/** VNI-Windows: a base letter followed by a mark character (lower and upper case marks differ). */
function vniTable(): [string, string][] {
  const plain = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
  const hat = ['â', 'á', 'à', 'å', 'ã', 'ä']; // â, ê, ô with a tone
  const breve = ['ê', 'é', 'è', 'ú', 'ü', 'ë']; // ă with a tone
  const rows: [string, string[], string][] = [
    // [Unicode base, VNI spellings for the six tones, …]
    ['a', plain.map((m) => 'a' + m), ''],
    ['ă', breve.map((m) => 'a' + m), ''],
    ['â', hat.map((m) => 'a' + m), ''],
    ['e', plain.map((m) => 'e' + m), ''],
    ['ê', hat.map((m) => 'e' + m), ''],
    ['i', ['i', 'í', 'ì', 'æ', 'ó', 'ò'], ''],
    ['o', plain.map((m) => 'o' + m), ''],
    ['ô', hat.map((m) => 'o' + m), ''],
    ['ơ', plain.map((m) => 'ô' + m), ''],
    ['u', plain.map((m) => 'u' + m), ''],
    ['ư', plain.map((m) => 'ö' + m), ''],
    ['y', ['y', 'yù', 'yø', 'yû', 'yõ', 'î'], ''],
  ];
  const pairs: [string, string][] = [
    ['ñ', 'đ'],
    ['Ñ', 'Đ'],
  ];
  for (const [base, spellings] of rows) {
    spellings.forEach((vni, tone) => {
      const lower = (base + TONES[tone]).normalize('NFC');
      if (vni !== lower) pairs.push([vni, lower]);
      const upperVni = vni.toUpperCase();
      const upper = lower.toUpperCase();
      if (upperVni !== upper) pairs.push([upperVni, upper]);
    });
  }
  // Longest spellings first, so "oâ" is read before "o" and "ôù" before "ô".
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

const VNI = vniTable();
const TCVN3_MAP = new Map([...TCVN3].map((c, i) => [c, TCVN3_UNICODE[i]]));

/** Letters of Vietnamese written in Unicode (NFC), both cases. */
const VIETNAMESE_LETTERS = new Set(
  [...'aăâeêioôơuưy']
    .flatMap((base) => TONES.map((t) => (base + t).normalize('NFC')))
    .flatMap((c) => [c, c.toUpperCase()])
    .concat(['đ', 'Đ']),
);

/** A character that Vietnamese text in Unicode does not hold but the legacy encodings do (Latin-1 letters and signs). */
function isForeignLatin1(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 0xa0 && code <= 0xff && !VIETNAMESE_LETTERS.has(c) && c !== '\u00a0';
}

/** No legacy sign inside a word (a "×" between spaces is a sign, not a letter). */
function allVietnamese(s: string): boolean {
  const chars = [...s];
  return !chars.some((c, i) => isForeignLatin1(c) && (LETTER.test(chars[i - 1] ?? '') || LETTER.test(chars[i + 1] ?? '')));
}

const LETTER = /\p{L}|\u00ad/u;

/** Pairs that no Vietnamese word holds but VNI writes for ô, â, ê and ă ("Coâng" for "Công"). */
const VNI_PAIRS = /[aeo]â|aê/i;

export type LegacyCharset = 'TCVN3' | 'VNI';

export function fromTcvn3(s: string): string {
  return [...s].map((c) => TCVN3_MAP.get(c) ?? c).join('');
}

export function fromVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const hit = VNI.find(([vni]) => s.startsWith(vni, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += s[i];
      i += 1;
    }
  }
  return out;
}

/**
 * The Unicode reading of `text` when it is Vietnamese typed in TCVN3 or VNI: it holds Latin-1
 * signs that Vietnamese never uses, and converting it gives Vietnamese letters only. Null for
 * ordinary Unicode text (also for NFD text: callers normalise to NFC first).
 */
export function legacyVietnamese(text: string): { charset: LegacyCharset; unicode: string } | null {
  if (allVietnamese(text) && !VNI_PAIRS.test(text)) return null;
  // VNI first: its marks only follow a vowel, so text it explains completely is VNI; TCVN3's
  // letters stand alone and are rarely all preceded by a vowel.
  const vni = fromVni(text);
  if (allVietnamese(vni) && vni !== text) return { charset: 'VNI', unicode: vni };
  const tcvn3 = fromTcvn3(text);
  if (allVietnamese(tcvn3) && tcvn3 !== text) return { charset: 'TCVN3', unicode: tcvn3 };
  return null;
}
