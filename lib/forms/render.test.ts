import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { FORM_KINDS, type FormKind } from './kinds';
import { BLANK, bodyDate, formValues, officialDate, organisationOf, percentOf, placeAndDate, placeOf, renderForm, TemplateError, type CaseFormFacts } from './render';
import { SAMPLE_CASE, SAMPLE_FOUNDING, sampleValues } from './samples';

const shipped = (form: FormKind) => readFileSync(path.join(import.meta.dirname, 'templates', `${form}.docx`));
const textOf = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value.replace(/\n+/g, '\n');
/** The line of `text` that starts with `prefix`. */
const lineStarting = (text: string, prefix: string) => text.split('\n').find((l) => l.startsWith(prefix)) ?? '';

describe('officialDate', () => {
  const CASES: [string, string][] = [
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-02-15', 'ngày 15 tháng 02 năm 2026'],
    ['2026-01-01', 'ngày 01 tháng 01 năm 2026'],
    ['2026-12-31', 'ngày 31 tháng 12 năm 2026'],
    ['2026-10-09', 'ngày 09 tháng 10 năm 2026'],
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024'],
    ['2000-02-29', 'ngày 29 tháng 02 năm 2000'],
  ];
  for (const [iso, expected] of CASES) test(`${iso} → ${expected}`, () => assert.equal(officialDate(iso), expected));
  for (const bad of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '05/03/2026', '', '2026-3-5'])
    test(`${JSON.stringify(bad)} is refused`, () => assert.throws(() => officialDate(bad), RangeError));
});

describe('placeAndDate, bodyDate and the other small parts', () => {
  test('place and date, and blanks for what is missing', () => {
    assert.equal(placeAndDate('Mỹ Tho', '2026-03-05'), 'Mỹ Tho, ngày 05 tháng 3 năm 2026');
    assert.equal(placeAndDate(null, '2026-02-05'), `${BLANK}, ngày 05 tháng 02 năm 2026`);
    assert.equal(placeAndDate('Mỹ Tho', null), `Mỹ Tho, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`);
  });
  test('body dates are dd/mm/yyyy', () => {
    assert.equal(bodyDate('2026-03-05'), '05/03/2026');
    assert.equal(bodyDate(null), null);
  });
  const ORGS: [string, string, string | null][] = [
    ['Tỉnh ủy Tiền Giang', 'Đảng bộ tỉnh Tiền Giang', 'Tiền Giang'],
    ['Thành ủy Mỹ Tho', 'Đảng bộ thành phố Mỹ Tho', 'Mỹ Tho'],
    ['Huyện ủy Châu Thành', 'Đảng bộ huyện Châu Thành', 'Châu Thành'],
    ['Đảng ủy Phường 4', 'Đảng bộ Phường 4', null],
    ['Đảng ủy xã Tân Hương', 'Đảng bộ xã Tân Hương', null],
    ['Chi bộ Khu phố 3, Phường 4', 'Chi bộ Khu phố 3, Phường 4', null],
  ];
  for (const [name, org, place] of ORGS)
    test(`${name}: organisation "${org}", place ${place}`, () => {
      assert.equal(organisationOf(name), org);
      assert.equal(placeOf(name), place);
    });
  const PERCENTS: [number | null, number | null, string | null][] = [
    [6, 7, '85,71'],
    [7, 7, '100'],
    [2, 3, '66,67'],
    [1, 2, '50'],
    [null, 7, null],
    [3, 0, null],
  ];
  for (const [votes, of, expected] of PERCENTS) test(`${votes}/${of} → ${expected}`, () => assert.equal(percentOf(votes, of), expected));
});

type Expect = {
  form: FormKind;
  /** The number in the header, before "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line. */
  number: string;
  dateLine: string;
  superior: string;
  issuer: string;
  title: string;
  /** A line starting with the first string holds every following one. */
  lines: [string, ...string[]][];
  /** Somewhere in the document. */
  contains: string[];
};

const EXPECTED: Expect[] = [
  {
    form: 'cell_resolution',
    number: 'Số 03-NQ/CB',
    dateLine: 'Mỹ Tho, ngày 08 tháng 01 năm 2026',
    superior: 'ĐẢNG BỘ PHƯỜNG 4',
    issuer: 'CHI BỘ CÔNG TY TNHH MAY PHƯƠNG NAM',
    title: 'Về việc đề nghị kết nạp đảng viên',
    lines: [
      ['Ngày 08/01/2026, Chi bộ Công ty TNHH May Phương Nam', 'Nguyễn Thị Mai Anh', 'sinh ngày 12/03/1998'],
      ['Số đảng viên chính thức tán thành kết nạp', '6/7 đồng chí, đạt 85,71%'],
      ['Đề nghị Đảng ủy Phường 4', 'Nguyễn Thị Mai Anh'],
    ],
    contains: ['T/M CHI BỘ', 'BÍ THƯ', 'Nơi nhận:', 'đồng chí Trần Văn Hùng và đồng chí Lê Thị Thu'],
  },
  {
    form: 'committee_resolution',
    number: 'Số 17-NQ/ĐU',
    dateLine: 'Mỹ Tho, ngày 03 tháng 02 năm 2026',
    superior: 'ĐẢNG BỘ THÀNH PHỐ MỸ THO',
    issuer: 'ĐẢNG ỦY PHƯỜNG 4',
    title: 'Về việc đề nghị kết nạp đảng viên',
    lines: [
      ['Xét Nghị quyết số 03-NQ/CB ngày 08/01/2026 của Chi bộ Công ty TNHH May Phương Nam'],
      ['Số cấp ủy viên tán thành kết nạp', '9/11 đồng chí, đạt 81,82%'],
      ['Đề nghị Thành ủy Mỹ Tho', 'Nguyễn Thị Mai Anh'],
    ],
    contains: ['T/M ĐẢNG ỦY', 'ĐẢNG ỦY QUYẾT NGHỊ'],
  },
  {
    form: 'admission_decision',
    number: 'Số 125-QĐ/TU',
    dateLine: 'Mỹ Tho, ngày 05 tháng 3 năm 2026',
    superior: 'ĐẢNG BỘ TỈNH TIỀN GIANG',
    issuer: 'THÀNH ỦY MỸ THO',
    title: 'Về việc kết nạp đảng viên',
    lines: [
      ['Điều 1. Kết nạp đồng chí Nguyễn Thị Mai Anh, sinh ngày 12/03/1998', 'vào Đảng Cộng sản Việt Nam', 'dự bị 12 tháng'],
      ['Căn cứ Quy định số 24-QĐ/TW'],
      ['Xét đề nghị của Đảng ủy Phường 4 tại Nghị quyết số 17-NQ/ĐU ngày 03/02/2026'],
    ],
    contains: ['BAN THƯỜNG VỤ THÀNH ỦY MỸ THO', 'T/M BAN THƯỜNG VỤ', 'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;'],
  },
  {
    form: 'recognition_resolution',
    number: 'Số 09-NQ/CB',
    dateLine: 'Mỹ Tho, ngày 10 tháng 3 năm 2027',
    superior: 'ĐẢNG BỘ PHƯỜNG 4',
    issuer: 'CHI BỘ CÔNG TY TNHH MAY PHƯƠNG NAM',
    title: 'Về việc đề nghị công nhận đảng viên chính thức',
    lines: [
      ['Ngày 10/03/2027', 'Nguyễn Thị Mai Anh', 'Quyết định số 125-QĐ/TU ngày 05/03/2026', 'hết thời gian dự bị ngày 20/03/2027'],
      ['Số đảng viên chính thức tán thành công nhận', '7/7 đồng chí, đạt 100%'],
    ],
    contains: ['T/M CHI BỘ'],
  },
  {
    form: 'recognition_decision',
    number: 'Số 412-QĐ/TU',
    dateLine: 'Mỹ Tho, ngày 02 tháng 4 năm 2027',
    superior: 'ĐẢNG BỘ TỈNH TIỀN GIANG',
    issuer: 'THÀNH ỦY MỸ THO',
    title: 'Về việc công nhận đảng viên chính thức',
    lines: [['Điều 1. Công nhận đồng chí Nguyễn Thị Mai Anh', 'là đảng viên chính thức kể từ ngày 20/03/2027']],
    contains: ['T/M BAN THƯỜNG VỤ'],
  },
  {
    form: 'founding_decision',
    number: 'Số 208-QĐ/TU',
    dateLine: 'Mỹ Tho, ngày 15 tháng 6 năm 2026',
    superior: 'ĐẢNG BỘ TỈNH TIỀN GIANG',
    issuer: 'THÀNH ỦY MỸ THO',
    title: 'Về việc thành lập Chi bộ Công ty TNHH Điện tử Việt Hàn',
    lines: [
      ['Điều 1. Thành lập Chi bộ Công ty TNHH Điện tử Việt Hàn trực thuộc Đảng ủy Phường 6', 'gồm 3 đảng viên (2 đảng viên chính thức)'],
      ['1. Đồng chí Phạm Văn Lộc – đảng viên chính thức'],
      ['3. Đồng chí Ngô Quốc Việt – đảng viên dự bị'],
      ['Điều 2. Chỉ định đồng chí Phạm Văn Lộc'],
    ],
    contains: ['BAN THƯỜNG VỤ THÀNH ỦY MỸ THO'],
  },
];

describe('the shipped templates, rendered and read back', () => {
  test('there is one expectation per form', () => assert.deepEqual(EXPECTED.map((e) => e.form).sort(), [...FORM_KINDS].sort()));

  for (const e of EXPECTED) {
    test(e.form, async () => {
      const text = await textOf(renderForm(shipped(e.form), sampleValues(e.form)));
      const at = (s: string) => {
        const i = text.indexOf(s);
        assert.ok(i >= 0, `"${s}" not found in:\n${text}`);
        return i;
      };
      // The header: superior, issuer, number on the left; the party's name, then place and date.
      assert.ok(at(e.superior) < at(e.issuer), 'superior before issuer');
      assert.ok(at(e.issuer) < at(e.number), 'issuer before number');
      assert.ok(at(e.number) < at('ĐẢNG CỘNG SẢN VIỆT NAM'), 'number before the party name');
      assert.ok(at('ĐẢNG CỘNG SẢN VIỆT NAM') < at(e.dateLine), 'the date line under the party name');
      assert.ok(at(e.dateLine) < at(e.title), 'then the subject');
      assert.ok(at(e.title) < at('Nơi nhận:'), 'recipients at the end');
      for (const [prefix, ...parts] of e.lines) {
        const line = lineStarting(text, prefix);
        assert.ok(line, `no line starts with "${prefix}" in:\n${text}`);
        for (const p of parts) assert.ok(line.includes(p), `"${p}" not in "${line}"`);
      }
      for (const s of e.contains) at(s);
      assert.doesNotMatch(text, /undefined|null|NaN|[{}]/);
    });
  }
});

describe('missing facts and variants', () => {
  const bare: CaseFormFacts = {
    ...SAMPLE_CASE,
    workplace: null,
    place: null,
    sponsors: [],
    cellMeeting: null,
    committeeMeeting: null,
    decisionNo: null,
    decisionOn: null,
    papers: {},
    regulationNo: null,
    probationMonths: null,
  };

  test('a case with few facts renders dotted blanks, never "undefined"', async () => {
    for (const form of ['cell_resolution', 'committee_resolution', 'admission_decision'] as const) {
      const text = await textOf(renderForm(shipped(form), formValues(form, bare)));
      assert.doesNotMatch(text, /undefined|null|NaN|[{}]/, form);
      assert.ok(text.includes(`${BLANK}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`), `${form}: a blank date line`);
      assert.ok(text.includes(form === 'admission_decision' ? `Số ${BLANK}-QĐ/TU` : form === 'cell_resolution' ? `Số ${BLANK}-NQ/CB` : `Số ${BLANK}-NQ/ĐU`), `${form}: a blank number`);
    }
    const decision = await textOf(renderForm(shipped('admission_decision'), formValues('admission_decision', bare)));
    assert.ok(lineStarting(decision, 'Điều 1.').includes(`hiện công tác tại ${BLANK}`));
    assert.ok(decision.includes(`Căn cứ Quy định số ${BLANK} của`));
  });

  test('a cell without a committee above: the resolution goes to the deciding committee, the decision cites the cell', async () => {
    const noCommittee = { ...SAMPLE_CASE, committee: null };
    const cellText = await textOf(renderForm(shipped('cell_resolution'), formValues('cell_resolution', noCommittee)));
    assert.ok(lineStarting(cellText, 'Đề nghị ').startsWith('Đề nghị Thành ủy Mỹ Tho xem xét'));
    const decision = await textOf(renderForm(shipped('admission_decision'), formValues('admission_decision', noCommittee)));
    assert.ok(decision.includes('Xét đề nghị của Chi bộ Công ty TNHH May Phương Nam tại Nghị quyết số 03-NQ/CB ngày 08/01/2026'));
  });

  test('a proposed removal: the resolution and the decision remove the name from the probationary list', async () => {
    const removal = { ...SAMPLE_CASE, proposesRemoval: true };
    const resolution = await textOf(renderForm(shipped('recognition_resolution'), formValues('recognition_resolution', removal)));
    assert.ok(resolution.includes('Về việc đề nghị xóa tên trong danh sách đảng viên dự bị'));
    assert.ok(!resolution.includes('công nhận đảng viên chính thức'));
    const decision = await textOf(renderForm(shipped('recognition_decision'), formValues('recognition_decision', removal)));
    assert.ok(decision.includes('Về việc xóa tên trong danh sách đảng viên dự bị'));
    assert.ok(lineStarting(decision, 'Điều 1.').startsWith('Điều 1. Xóa tên đồng chí Nguyễn Thị Mai Anh'));
    assert.ok(!decision.includes('Công nhận đồng chí'));
  });

  test('a founding with no members visible still counts them all', async () => {
    const text = await textOf(renderForm(shipped('founding_decision'), formValues('founding_decision', { ...SAMPLE_FOUNDING, members: [], secretaryName: null })));
    assert.ok(text.includes('gồm 3 đảng viên'));
    assert.ok(text.includes(`Chỉ định đồng chí ${BLANK} làm Bí thư`));
  });
});

describe('broken templates', () => {
  function edited(form: FormKind, edit: (xml: string) => string): Buffer {
    const zip = new PizZip(shipped(form));
    zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
    return zip.generate({ type: 'nodebuffer' });
  }
  const CASES: [string, () => Buffer, RegExp][] = [
    ['an unclosed tag', () => edited('cell_resolution', (x) => x.replace('{fullName}', '{fullName')), /fullName/],
    ['an unopened tag', () => edited('cell_resolution', (x) => x.replace('{fullName}', 'fullName}')), /fullName/],
    ['an unclosed condition', () => edited('recognition_decision', (x) => x.replace('{/removal}', '')), /removal/],
    ['no Word file at all', () => Buffer.from('%PDF-1.4 not a docx'), /Word/],
  ];
  for (const [name, make, problem] of CASES)
    test(`${name} is refused, naming the problem in Vietnamese`, () => {
      assert.throws(
        () => renderForm(make(), sampleValues('cell_resolution')),
        (err: unknown) => err instanceof TemplateError && err.problems.length > 0 && problem.test(err.message),
      );
    });

  test('a tag the portal does not fill is reported to onMissing', () => {
    const unknown: string[] = [];
    renderForm(
      edited('cell_resolution', (x) => x.replace('{fullName}', '{hoTen}')),
      sampleValues('cell_resolution'),
      (t) => unknown.push(t),
    );
    assert.ok(unknown.includes('hoTen'));
  });
});
