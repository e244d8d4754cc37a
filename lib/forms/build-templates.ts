/**
 * Writes the shipped form templates, lib/forms/templates/<form>.docx, one per FORM_KINDS entry
 * (`npm run forms:templates`). The layout follows Hướng dẫn 36-HD/VPTW: A4, Times New Roman, a
 * borderless two-column header (the superior organisation and the issuing body with the number on
 * the left; "ĐẢNG CỘNG SẢN VIỆT NAM" with the place and date on the right), the kind of document
 * and its subject centred, the body, then "Nơi nhận" on the left and the signature on the right.
 *
 * The documents hold docxtemplater tags ({fullName}, {#removal}…{/removal}); lib/forms/render.ts
 * fills them, and its formValues() names every tag used here. Administrators may replace a
 * template with their own (form_templates) using the same tags.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AlignmentType, convertMillimetersToTwip, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { FORM_KINDS, type FormKind } from './kinds';

const FONT = 'Times New Roman';
/** Sizes in points (docx counts half-points). */
const BODY_PT = 14;

type RunSpec = string | { text: string; bold?: boolean; italics?: boolean; underline?: boolean; size?: number };
type ParaOpts = { align?: 'center' | 'left' | 'justify' | 'right'; bold?: boolean; italics?: boolean; size?: number; indent?: boolean; after?: number; before?: number; underline?: boolean };

const ALIGN = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, justify: AlignmentType.JUSTIFIED, right: AlignmentType.RIGHT } as const;

function para(runs: RunSpec | RunSpec[], o: ParaOpts = {}): Paragraph {
  const list = Array.isArray(runs) ? runs : [runs];
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'justify'],
    indent: o.indent ? { firstLine: convertMillimetersToTwip(10) } : undefined,
    spacing: { after: (o.after ?? 0) * 20, before: (o.before ?? 0) * 20, line: 300 },
    children: list.map((r) => {
      const s = typeof r === 'string' ? { text: r } : r;
      return new TextRun({
        text: s.text,
        font: FONT,
        size: (s.size ?? o.size ?? BODY_PT) * 2,
        bold: s.bold ?? o.bold,
        italics: s.italics ?? o.italics,
        underline: (s.underline ?? o.underline) ? {} : undefined,
      });
    }),
  });
}

/** A body paragraph: justified, first line indented, 6 pt after. */
const body = (runs: RunSpec | RunSpec[]) => para(runs, { indent: true, after: 6 });
const centred = (runs: RunSpec | RunSpec[], o: ParaOpts = {}) => para(runs, { align: 'center', ...o });

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({ children, width: { size: convertMillimetersToTwip(widthMm), type: WidthType.DXA } });
}

/** A borderless two-column table (header and footer blocks). */
function twoColumns(left: Paragraph[], right: Paragraph[], leftMm: number, rightMm: number): Table {
  return new Table({
    borders: TableBorders.NONE,
    layout: TableLayoutType.FIXED,
    width: { size: convertMillimetersToTwip(leftMm + rightMm), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(leftMm), convertMillimetersToTwip(rightMm)],
    rows: [new TableRow({ children: [cell(left, leftMm), cell(right, rightMm)] })],
  });
}

/** Text width of A4 with the margins below: 210 − 30 − 15 mm. */
const TEXT_MM = 165;

function header(): Table {
  return twoColumns(
    [centred('{superiorName}', { size: 13 }), centred('{issuerName}', { bold: true, size: 13 }), centred('*', { size: 13 }), centred('Số {number}', { size: 13 })],
    [centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 14, after: 12 }), centred('{placeAndDate}', { italics: true, size: 14 })],
    72,
    TEXT_MM - 72,
  );
}

function title(kind: string, subject: RunSpec[]): Paragraph[] {
  return [centred(kind, { bold: true, size: 15, before: 24 }), centred(subject, { bold: true, size: 14 }), centred('-----', { size: 14, after: 12 })];
}

function footer(signature: { onBehalf: string; title: string }): Table {
  return twoColumns(
    [para({ text: 'Nơi nhận:', bold: true, underline: true }, { align: 'left', size: 12, before: 12 }), para('{recipients}', { align: 'left', size: 12 })],
    [centred(signature.onBehalf, { bold: true, before: 12 }), centred(signature.title, { bold: true }), centred(''), centred(''), centred(''), centred(''), centred('{signerName}', { bold: true })],
    80,
    TEXT_MM - 80,
  );
}

/** The body of each form (between the subject line and "Nơi nhận"). */
/** A decision's issuing body and legal bases (the Charter, the regulation in force), as every decision opens. */
const decisionBases = () => [
  centred('{decidingBody}', { bold: true, after: 6 }),
  body('Căn cứ Điều lệ Đảng Cộng sản Việt Nam;'),
  body('Căn cứ Quy định số {regulationNo} của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;'),
];

/** A case decision's ground (the resolution proposing it) and the word that opens its articles. */
const onProposal = () => [body('Xét đề nghị của {proposerTitle} tại Nghị quyết số {proposalNo} ngày {proposalDate},'), centred('QUYẾT ĐỊNH', { bold: true, before: 6, after: 6 })];

const BODIES: Record<FormKind, { kind: string; subject: RunSpec[]; body: Paragraph[]; signature: { onBehalf: string; title: string } }> = {
  cell_resolution: {
    kind: 'NGHỊ QUYẾT',
    subject: ['Về việc đề nghị kết nạp đảng viên'],
    body: [
      body('Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành Điều lệ Đảng;'),
      body(
        'Ngày {meetingDate}, {issuerTitle} họp xét đơn xin vào Đảng, lý lịch của người vào Đảng và ý kiến nhận xét của các đoàn thể, đảng viên giới thiệu đối với quần chúng {fullName}, sinh ngày {birthDate}, giới tính {gender}, hiện công tác tại {workplace}.',
      ),
      body('Đảng viên được phân công giúp đỡ, giới thiệu: {sponsors}.'),
      body('Tổng số đảng viên chính thức của chi bộ có quyền biểu quyết: {eligible} đồng chí; có mặt: {present} đồng chí.'),
      body('Số đảng viên chính thức tán thành kết nạp: {votesFor}/{eligible} đồng chí, đạt {percent}%; không tán thành: {votesAgainst} đồng chí.'),
      centred('CHI BỘ QUYẾT NGHỊ', { bold: true, before: 6, after: 6 }),
      body('Đề nghị {recipientTitle} xem xét, quyết định kết nạp quần chúng {fullName} vào Đảng Cộng sản Việt Nam.'),
    ],
    signature: { onBehalf: 'T/M CHI BỘ', title: 'BÍ THƯ' },
  },
  committee_resolution: {
    kind: 'NGHỊ QUYẾT',
    subject: ['Về việc đề nghị kết nạp đảng viên'],
    body: [
      body('Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành Điều lệ Đảng;'),
      body('Xét Nghị quyết số {proposalNo} ngày {proposalDate} của {proposerTitle} đề nghị kết nạp quần chúng {fullName} vào Đảng;'),
      body('Ngày {meetingDate}, {issuerTitle} đã họp xét hồ sơ đề nghị kết nạp quần chúng {fullName}, sinh ngày {birthDate}, giới tính {gender}, hiện công tác tại {workplace}.'),
      body('Tổng số cấp ủy viên: {eligible} đồng chí; có mặt: {present} đồng chí.'),
      body('Số cấp ủy viên tán thành kết nạp: {votesFor}/{eligible} đồng chí, đạt {percent}%; không tán thành: {votesAgainst} đồng chí.'),
      centred('ĐẢNG ỦY QUYẾT NGHỊ', { bold: true, before: 6, after: 6 }),
      body('Đề nghị {recipientTitle} xem xét, quyết định kết nạp quần chúng {fullName} vào Đảng Cộng sản Việt Nam.'),
    ],
    signature: { onBehalf: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ' },
  },
  admission_decision: {
    kind: 'QUYẾT ĐỊNH',
    subject: ['Về việc kết nạp đảng viên'],
    body: [
      ...decisionBases(),
      ...onProposal(),
      body([
        { text: 'Điều 1. ', bold: true },
        'Kết nạp đồng chí {fullName}, sinh ngày {birthDate}, hiện công tác tại {workplace}, vào Đảng Cộng sản Việt Nam. Thời gian dự bị {probationMonths} tháng, kể từ ngày chi bộ tổ chức lễ kết nạp.',
      ]),
      body([{ text: 'Điều 2. ', bold: true }, '{cellTitle} có trách nhiệm tổ chức lễ kết nạp cho đồng chí {fullName} theo quy định.']),
      body([{ text: 'Điều 3. ', bold: true }, 'Các cấp ủy, chi bộ có liên quan và đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.']),
    ],
    signature: { onBehalf: 'T/M {signOnBehalf}', title: 'BÍ THƯ' },
  },
  recognition_resolution: {
    kind: 'NGHỊ QUYẾT',
    subject: ['Về việc {#removal}đề nghị xóa tên trong danh sách đảng viên dự bị{/removal}{^removal}đề nghị công nhận đảng viên chính thức{/removal}'],
    body: [
      body('Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành Điều lệ Đảng;'),
      body(
        'Ngày {meetingDate}, {issuerTitle} họp xét {#removal}tư cách đảng viên dự bị{/removal}{^removal}đề nghị công nhận đảng viên chính thức{/removal} của đồng chí {fullName}, sinh ngày {birthDate}, được kết nạp vào Đảng theo Quyết định số {decisionNo} ngày {decisionDate} của {deciderTitle}, lễ kết nạp ngày {ceremonyDate}, hết thời gian dự bị ngày {probationEndsDate}.',
      ),
      body('Tổng số đảng viên chính thức của chi bộ có quyền biểu quyết: {eligible} đồng chí; có mặt: {present} đồng chí.'),
      body(
        'Số đảng viên chính thức tán thành {#removal}xóa tên{/removal}{^removal}công nhận đảng viên chính thức{/removal}: {votesFor}/{eligible} đồng chí, đạt {percent}%; không tán thành: {votesAgainst} đồng chí.',
      ),
      centred('CHI BỘ QUYẾT NGHỊ', { bold: true, before: 6, after: 6 }),
      body(
        'Đề nghị {recipientTitle} xem xét, {#removal}quyết định xóa tên đồng chí {fullName} trong danh sách đảng viên dự bị.{/removal}{^removal}quyết định công nhận đồng chí {fullName} là đảng viên chính thức.{/removal}',
      ),
    ],
    signature: { onBehalf: 'T/M CHI BỘ', title: 'BÍ THƯ' },
  },
  recognition_decision: {
    kind: 'QUYẾT ĐỊNH',
    subject: ['Về việc {#removal}xóa tên trong danh sách đảng viên dự bị{/removal}{^removal}công nhận đảng viên chính thức{/removal}'],
    body: [
      ...decisionBases(),
      ...onProposal(),
      body([
        { text: 'Điều 1. ', bold: true },
        '{#removal}Xóa tên đồng chí {fullName}, sinh ngày {birthDate}, trong danh sách đảng viên dự bị của {cellTitle} (kết nạp theo Quyết định số {decisionNo} ngày {decisionDate}).{/removal}{^removal}Công nhận đồng chí {fullName}, sinh ngày {birthDate}, đảng viên dự bị của {cellTitle}, là đảng viên chính thức kể từ ngày {probationEndsDate}.{/removal}',
      ]),
      body([{ text: 'Điều 2. ', bold: true }, '{cellTitle} có trách nhiệm công bố Quyết định này tại chi bộ và thực hiện các thủ tục theo quy định.']),
      body([{ text: 'Điều 3. ', bold: true }, 'Các cấp ủy, chi bộ có liên quan và đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.']),
    ],
    signature: { onBehalf: 'T/M {signOnBehalf}', title: 'BÍ THƯ' },
  },
  founding_decision: {
    kind: 'QUYẾT ĐỊNH',
    subject: ['Về việc thành lập {cellTitle}'],
    body: [
      ...decisionBases(),
      body('Xét đề nghị của {proposerTitle} về việc thành lập tổ chức đảng tại {enterpriseName},'),
      centred('QUYẾT ĐỊNH', { bold: true, before: 6, after: 6 }),
      body([{ text: 'Điều 1. ', bold: true }, 'Thành lập {cellTitle} trực thuộc {parentTitle}, gồm {memberCount} đảng viên ({officialCount} đảng viên chính thức), có danh sách kèm theo:']),
      para('{#members}', { align: 'left' }),
      para('{index}. Đồng chí {name} – {standing}', { align: 'left', indent: true, after: 3 }),
      para('{/members}', { align: 'left' }),
      body([{ text: 'Điều 2. ', bold: true }, 'Chỉ định đồng chí {secretaryName} làm Bí thư chi bộ cho đến khi chi bộ tổ chức đại hội.']),
      body([{ text: 'Điều 3. ', bold: true }, '{parentTitle}, {cellTitle} và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.']),
    ],
    signature: { onBehalf: 'T/M {signOnBehalf}', title: 'BÍ THƯ' },
  },
};

export function buildTemplate(form: FormKind): Promise<Buffer> {
  const spec = BODIES[form];
  const doc = new Document({
    creator: 'Hạt nhân',
    title: spec.kind,
    styles: { default: { document: { run: { font: FONT, size: BODY_PT * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        children: [header(), ...title(spec.kind, spec.subject), ...spec.body, footer(spec.signature)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const TEMPLATES_DIR = path.join(import.meta.dirname, 'templates');

async function main() {
  await mkdir(TEMPLATES_DIR, { recursive: true });
  for (const form of FORM_KINDS) {
    const file = path.join(TEMPLATES_DIR, `${form}.docx`);
    await writeFile(file, await buildTemplate(form));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
