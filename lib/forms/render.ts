import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { UnitKind } from '@/lib/units/kinds';
import type { FormKind } from './kinds';

/**
 * Pure rendering of the official forms: the facts of a case (or a founding proposal) become the
 * values of a template's tags, and docxtemplater writes them into the Word file. Nothing here
 * reads the database; lib/dal/forms.ts gathers the facts.
 */

/** The content type of a .docx file. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What officials leave to fill in by hand: the dotted blank a missing value renders as. */
export const BLANK = '……';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a real calendar date "yyyy-mm-dd"; anything else (2026-02-29, 2026-13-01, text) throws a RangeError. */
function partsOf(iso: string): { y: number; m: number; d: number } {
  const match = ISO.exec(iso);
  if (!match) throw new RangeError(`not a date: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`not a date: ${iso}`);
  return { y, m, d };
}

/**
 * A date as a party document writes it (Hướng dẫn 36-HD/VPTW): "ngày 05 tháng 3 năm 2026"; a day
 * below 10 and the months 1 and 2 take a leading zero ("ngày 15 tháng 02 năm 2026"). `iso` is
 * "yyyy-mm-dd"; a malformed or impossible date throws a RangeError.
 */
export function officialDate(iso: string): string {
  const { y, m, d } = partsOf(iso);
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/**
 * The place-and-date line of the header: "Mỹ Tho, ngày 05 tháng 3 năm 2026". A missing place or
 * date leaves dotted blanks to fill in by hand ("……, ngày …… tháng …… năm ……"). Throws as officialDate.
 */
export function placeAndDate(place: string | null, iso: string | null): string {
  return `${place?.trim() || BLANK}, ${iso ? officialDate(iso) : `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`}`;
}

/** "dd/mm/yyyy" as officials write dates in a document's body; null stays null (a blank). Throws as officialDate. */
export function bodyDate(iso: string | null): string | null {
  if (!iso) return null;
  const { y, m, d } = partsOf(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Upper case as Vietnamese writes it (ủ → Ủ, đ → Đ). */
export const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/** A party unit as the forms need it: its name, kind and the unit directly above it. */
export type OrgFacts = { name: string; kind: UnitKind; parent: { name: string; kind: UnitKind } | null };

const COMMITTEE_PREFIX: [RegExp, string][] = [
  [/^Tỉnh (ủy|uỷ) /, 'Đảng bộ tỉnh '],
  [/^Thành (ủy|uỷ) /, 'Đảng bộ thành phố '],
  [/^Huyện (ủy|uỷ) /, 'Đảng bộ huyện '],
  [/^Thị (ủy|uỷ) /, 'Đảng bộ thị xã '],
  [/^Quận (ủy|uỷ) /, 'Đảng bộ quận '],
  [/^Đảng (ủy|uỷ) /, 'Đảng bộ '],
];

/**
 * The party organisation a committee leads, as the header's first line names the superior body:
 * "Tỉnh ủy Tiền Giang" → "Đảng bộ tỉnh Tiền Giang", "Đảng ủy Phường 4" → "Đảng bộ Phường 4"; a
 * name without a committee prefix (a cell) is kept.
 */
export function organisationOf(committeeName: string): string {
  for (const [re, to] of COMMITTEE_PREFIX) if (re.test(committeeName)) return committeeName.replace(re, to);
  return committeeName;
}

/**
 * The place a unit's documents are dated at, from the names of its district-level (or province)
 * committee: "Thành ủy Mỹ Tho" → "Mỹ Tho", "Tỉnh ủy Tiền Giang" → "Tiền Giang". Null when none.
 */
export function placeOf(committeeName: string | null): string | null {
  if (!committeeName) return null;
  const m = /^(Tỉnh|Thành|Huyện|Thị|Quận) (ủy|uỷ) (.+)$/.exec(committeeName.trim());
  return m ? m[3] : null;
}

/** The symbol of the issuing body in a document number (36-HD): CB for a cell, ĐU for a party committee, TU/HU/QU for district and province committees. */
export function issuerSymbol(org: Pick<OrgFacts, 'name' | 'kind'>): string {
  if (org.kind === 'cell') return 'CB';
  if (/^(Tỉnh|Thành|Thị) (ủy|uỷ)/.test(org.name)) return 'TU';
  if (/^Huyện (ủy|uỷ)/.test(org.name)) return 'HU';
  if (/^Quận (ủy|uỷ)/.test(org.name)) return 'QU';
  return 'ĐU';
}

/** Who signs for a deciding committee: the standing committee of a district, bloc or province committee; the committee itself below. */
function onBehalfOf(org: OrgFacts): string {
  return ['province', 'district', 'bloc'].includes(org.kind) ? 'BAN THƯỜNG VỤ' : upper(org.kind === 'cell' ? 'Chi bộ' : 'Đảng ủy');
}

/** The two header lines naming the issuing body: the superior organisation (none above a province) and the issuer itself, in capitals. */
function headerNames(org: OrgFacts): { superiorName: string; issuerName: string } {
  const parent = org.parent && org.parent.kind !== 'national' ? org.parent : null;
  return { superiorName: parent ? upper(organisationOf(parent.name)) : '', issuerName: upper(org.name) };
}

/** "6/7 … 85,71": votes for over those entitled, as a percentage with up to two decimals (comma); null when a number is missing. */
export function percentOf(votesFor: number | null, eligible: number | null): string | null {
  if (votesFor === null || eligible === null || eligible <= 0) return null;
  return String(Math.round((votesFor * 10000) / eligible) / 100).replace('.', ',');
}

/** A meeting's date and vote: the cell's (votes of its official members) or a committee's (votes of its members). */
export type MeetingFacts = { on: string | null; votesFor: number | null; eligible: number | null };
/** A paper recorded on the case (its number and date as issued), when one is. */
export type PaperFacts = { number: string | null; issuedOn: string | null };

/**
 * What a case's forms are written from: a plain DTO (lib/dal/forms.ts reads it with the case's
 * scope). Dates are "yyyy-mm-dd" or null; a null becomes a dotted blank in the document.
 */
export type CaseFormFacts = {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  workplace: string | null;
  cell: OrgFacts;
  committee: OrgFacts | null;
  decider: OrgFacts;
  /** Where the documents are dated (see placeOf); null leaves a blank. */
  place: string | null;
  sponsors: string[];
  /** The admission meetings. */
  cellMeeting: MeetingFacts | null;
  committeeMeeting: MeetingFacts | null;
  /** The recognition meetings (after the probation). */
  recognitionCellMeeting: MeetingFacts | null;
  recognitionCommitteeMeeting: MeetingFacts | null;
  decisionNo: string | null;
  decisionOn: string | null;
  ceremonyOn: string | null;
  probationEndsOn: string | null;
  proposesRemoval: boolean;
  recognitionDecisionNo: string | null;
  recognitionDecisionOn: string | null;
  /** Resolutions recorded on the case, by form. */
  papers: Partial<Record<'cell_resolution' | 'committee_resolution' | 'recognition_resolution', PaperFacts>>;
  /** The regulation implementing the Party Statute in force on the document's date ("24-QĐ/TW"), from the rule set. */
  regulationNo: string | null;
  /** The probation in months, from the rule set in force on the decision's date. */
  probationMonths: number | null;
};

/** What the founding decision is written from. */
export type FoundingFormFacts = {
  cellName: string;
  enterpriseName: string;
  parent: OrgFacts;
  decider: OrgFacts;
  proposer: OrgFacts;
  place: string | null;
  decisionNo: string | null;
  decisionOn: string | null;
  /** The members the reader may see, by name (the count below is of all). */
  members: { fullName: string; official: boolean }[];
  memberCount: number;
  officialCount: number;
  secretaryName: string | null;
  regulationNo: string | null;
};

/** A template's values: text (null → blank), the removal switch, the founding members' list. */
export type FormValues = Record<string, string | number | boolean | null | { index: number; name: string; standing: string }[]>;

/** Tags no form fills (the official writes them by hand): they render blank without counting as unknown. */
export const HAND_FILLED_TAGS = ['present', 'votesAgainst', 'signerName'] as const;

type CaseForm = Exclude<FormKind, 'founding_decision'>;

/** The date a case's document bears (yyyy-mm-dd), or null while it is not known: a resolution's meeting (else the date its recorded paper bears), a decision's date. */
export function caseDocumentDate(form: CaseForm, f: CaseFormFacts): string | null {
  switch (form) {
    case 'cell_resolution':
      return f.cellMeeting?.on ?? f.papers.cell_resolution?.issuedOn ?? null;
    case 'committee_resolution':
      return f.committeeMeeting?.on ?? f.papers.committee_resolution?.issuedOn ?? null;
    case 'admission_decision':
      return f.decisionOn;
    case 'recognition_resolution':
      return f.recognitionCellMeeting?.on ?? f.papers.recognition_resolution?.issuedOn ?? null;
    case 'recognition_decision':
      return f.recognitionDecisionOn;
  }
}

const lines = (items: (string | null | undefined)[]) =>
  items
    .filter((s): s is string => !!s)
    .map((s, i, all) => `- ${s}${i === all.length - 1 ? '.' : ','}`)
    .join('\n');

function meetingValues(m: MeetingFacts | null) {
  return {
    meetingDate: bodyDate(m?.on ?? null),
    eligible: m?.eligible ?? null,
    votesFor: m?.votesFor ?? null,
    percent: percentOf(m?.votesFor ?? null, m?.eligible ?? null),
  };
}

function decisionHeader(issuer: OrgFacts, number: string | null) {
  const onBehalf = onBehalfOf(issuer);
  return {
    ...headerNames(issuer),
    number: number?.trim() || `${BLANK}-QĐ/${issuerSymbol(issuer)}`,
    signOnBehalf: onBehalf,
    decidingBody: onBehalf === 'BAN THƯỜNG VỤ' ? `BAN THƯỜNG VỤ ${upper(issuer.name)}` : upper(issuer.name),
  };
}

/**
 * The values of a case form's tags (every tag the shipped template uses; administrators' templates
 * may use any of them). Names of bodies in the header are in capitals, dates in the body
 * dd/mm/yyyy, the header's date in words (placeAndDate); missing facts are null (a dotted blank).
 * Throws a RangeError on a malformed date in the facts.
 */
export function formValues(form: CaseForm, f: CaseFormFacts): FormValues;
export function formValues(form: 'founding_decision', f: FoundingFormFacts): FormValues;
export function formValues(form: FormKind, f: CaseFormFacts | FoundingFormFacts): FormValues {
  if (form === 'founding_decision') return foundingValues(f as FoundingFormFacts);
  const c = f as CaseFormFacts;
  const date = caseDocumentDate(form, c);
  const person = {
    fullName: c.fullName,
    birthDate: bodyDate(c.birthDate),
    gender: c.gender === 'female' ? 'nữ' : 'nam',
    workplace: c.workplace?.trim() || null,
    cellTitle: c.cell.name,
    deciderTitle: c.decider.name,
    removal: c.proposesRemoval,
    place: c.place,
    date: date ? officialDate(date) : null,
    placeAndDate: placeAndDate(c.place, date),
    regulationNo: c.regulationNo,
  };
  /** Who the cell's resolution goes to: the committee above it, or the deciding committee when none. */
  const above = c.committee ?? c.decider;
  switch (form) {
    case 'cell_resolution':
    case 'recognition_resolution': {
      const recognition = form === 'recognition_resolution';
      const paper = c.papers[form];
      return {
        ...person,
        ...headerNames(c.cell),
        number: paper?.number?.trim() || `${BLANK}-NQ/CB`,
        issuerTitle: c.cell.name,
        ...meetingValues(recognition ? c.recognitionCellMeeting : c.cellMeeting),
        sponsors: c.sponsors.length ? c.sponsors.map((s) => `đồng chí ${s}`).join(' và ') : null,
        decisionNo: c.decisionNo,
        decisionDate: bodyDate(c.decisionOn),
        ceremonyDate: bodyDate(c.ceremonyOn),
        probationEndsDate: bodyDate(c.probationEndsOn),
        recipientTitle: above.name,
        recipients: lines([`${above.name} (để xem xét)`, 'Lưu chi bộ']),
        signOnBehalf: 'CHI BỘ',
      };
    }
    case 'committee_resolution': {
      const committee = c.committee ?? c.decider;
      return {
        ...person,
        ...headerNames(committee),
        number: c.papers.committee_resolution?.number?.trim() || `${BLANK}-NQ/${issuerSymbol(committee)}`,
        issuerTitle: committee.name,
        ...meetingValues(c.committeeMeeting),
        proposerTitle: c.cell.name,
        proposalNo: c.papers.cell_resolution?.number ?? null,
        proposalDate: bodyDate(caseDocumentDate('cell_resolution', c)),
        recipientTitle: c.decider.name,
        recipients: lines([`${c.decider.name} (để xem xét)`, c.cell.name, 'Lưu văn phòng đảng ủy']),
        signOnBehalf: 'ĐẢNG ỦY',
      };
    }
    case 'admission_decision': {
      const viaCommittee = c.committee !== null;
      return {
        ...person,
        ...decisionHeader(c.decider, c.decisionNo),
        proposerTitle: viaCommittee ? c.committee!.name : c.cell.name,
        proposalNo: (viaCommittee ? c.papers.committee_resolution?.number : c.papers.cell_resolution?.number) ?? null,
        proposalDate: bodyDate(caseDocumentDate(viaCommittee ? 'committee_resolution' : 'cell_resolution', c)),
        probationMonths: c.probationMonths,
        recipients: lines(['Như Điều 3', 'Lưu văn phòng cấp ủy, hồ sơ đảng viên']),
      };
    }
    case 'recognition_decision': {
      const viaCommittee = c.committee !== null;
      return {
        ...person,
        ...decisionHeader(c.decider, c.recognitionDecisionNo),
        decisionNo: c.decisionNo,
        decisionDate: bodyDate(c.decisionOn),
        probationEndsDate: bodyDate(c.probationEndsOn),
        proposerTitle: viaCommittee ? c.committee!.name : c.cell.name,
        proposalNo: viaCommittee ? null : (c.papers.recognition_resolution?.number ?? null),
        proposalDate: bodyDate(viaCommittee ? (c.recognitionCommitteeMeeting?.on ?? null) : caseDocumentDate('recognition_resolution', c)),
        recipients: lines(['Như Điều 3', 'Lưu văn phòng cấp ủy, hồ sơ đảng viên']),
      };
    }
  }
}

function foundingValues(f: FoundingFormFacts): FormValues {
  return {
    ...decisionHeader(f.decider, f.decisionNo),
    place: f.place,
    date: f.decisionOn ? officialDate(f.decisionOn) : null,
    placeAndDate: placeAndDate(f.place, f.decisionOn),
    regulationNo: f.regulationNo,
    cellTitle: f.cellName,
    enterpriseName: f.enterpriseName,
    parentTitle: f.parent.name,
    proposerTitle: f.proposer.name,
    memberCount: f.memberCount,
    officialCount: f.officialCount,
    members: f.members.map((m, i) => ({ index: i + 1, name: m.fullName, standing: m.official ? 'đảng viên chính thức' : 'đảng viên dự bị' })),
    secretaryName: f.secretaryName,
    recipients: lines(['Như Điều 3', 'Lưu văn phòng cấp ủy']),
  };
}

/** A template that cannot be rendered: `problems` name each broken tag, in Vietnamese. */
export class TemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'TemplateError';
  }
}

type DxError = { properties?: { id?: string; xtag?: string; explanation?: string; errors?: DxError[] } };

function describe(e: DxError): string {
  const id = e.properties?.id ?? '';
  const tag = e.properties?.xtag ?? '';
  switch (id) {
    case 'unclosed_tag':
      return `thẻ "{${tag}" thiếu dấu đóng "}"`;
    case 'unopened_tag':
      return `thẻ "${tag}}" thiếu dấu mở "{"`;
    case 'duplicate_open_tag':
    case 'duplicate_close_tag':
      return `thẻ "${tag}" có dấu ngoặc thừa`;
    case 'unclosed_loop':
    case 'unopened_loop':
    case 'closing_tag_does_not_match_opening_tag':
      return `đoạn lặp/điều kiện "${tag}" không khớp mở và đóng`;
    default:
      return tag ? `thẻ "${tag}" không hợp lệ` : 'mẫu có thẻ không hợp lệ';
  }
}

/**
 * Fills a .docx template's tags (docxtemplater: `{tag}`, `{#list}…{/list}` and `{^flag}…{/flag}`
 * over paragraphs; "\n" in a value breaks the line). A missing or null value renders as a dotted
 * blank "……", never "undefined"; `onMissing` hears each such tag's name. Throws TemplateError
 * (problems in Vietnamese) when the file is no Word document or a tag is malformed.
 */
export function renderForm(template: Buffer | Uint8Array, values: FormValues, onMissing?: (tag: string) => void): Buffer {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new TemplateError(['tệp không phải văn bản Word (.docx) đọc được']);
  }
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      nullGetter(part) {
        if (part.module) return '';
        if (part.value) onMissing?.(String(part.value));
        return BLANK;
      },
    });
    doc.render(values);
    return doc.toBuffer({ compression: 'DEFLATE' });
  } catch (err) {
    const e = err as DxError;
    if (e.properties?.errors?.length) throw new TemplateError([...new Set(e.properties.errors.map(describe))]);
    if (e.properties?.id) throw new TemplateError([describe(e)]);
    if (err instanceof Error && /document\.xml|not a valid|zip/i.test(err.message)) throw new TemplateError(['tệp không phải văn bản Word (.docx) đọc được']);
    throw err;
  }
}
