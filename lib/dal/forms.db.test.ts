import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { rowsOf } from '@/db';
import { seedDemoCases } from '@/db/seed/cases';
import { demoTaxCode } from '@/db/seed/enterprises';
import { officialDate } from '@/lib/forms/render';
import { expectRefused, ROOT_ADMIN, seedEnterprisesAndMembers, registerTestDb, withAudit } from '@/lib/test/db';
import { decideFounding, foundingOptions, proposeFounding } from './founding';
import { addFormTemplate, getCaseForm, getFormTemplate, getFoundingForm, listFormTemplates } from './forms';

const t = registerTestDb(async (t) => {
  await seedDemoCases(t.db);
  await seedEnterprisesAndMembers(t);
});

const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(q));
const textOf = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\n+/g, '\n');
const shipped = (form: string) => readFileSync(path.join(process.cwd(), 'lib', 'forms', 'templates', `${form}.docx`));
/** The shipped template with one text replaced (a recognisable replacement, or a broken tag). */
function edited(form: string, from: string | RegExp, to: string): Buffer {
  const zip = new PizZip(shipped(form));
  const xml = zip.file('word/document.xml')!.asText();
  assert.ok(typeof from === 'string' ? xml.includes(from) : from.test(xml), `${from} not in the template`);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generate({ type: 'nodebuffer' });
}

type CaseRow = { id: number; state: string; decision_no: string | null; decision_on: string | null };
async function caseOf(fullName: string): Promise<CaseRow> {
  const [row] = await rows<CaseRow>(sql`select c.id, c.state, c.decision_no, c.decision_on::text from admission_cases c join persons p on p.id = c.person_id where p.full_name = ${fullName}`);
  assert.ok(row, fullName);
  return row;
}
const accessCount = async () => Number((await rows<{ n: number }>(sql`select count(*)::int as n from person_access_log`))[0].n);
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('a case’s forms', () => {
  test('an in-scope case’s admission decision renders with its name, number and date; its opening is logged', async () => {
    const c = await caseOf('Tạ Thị Thanh Tâm');
    assert.equal(c.state, 'official');
    const before = await accessCount();
    const file = await t.run('p4.leader', () => getCaseForm(c.id, 'admission_decision'));
    assert.equal(file.fileName, 'Quyết định kết nạp đảng viên - Tạ Thị Thanh Tâm.docx');
    const text = await textOf(file.bytes);
    assert.ok(text.includes('ĐẢNG BỘ TỈNH TIỀN GIANG\nTHÀNH ỦY MỸ THO'), text);
    assert.ok(text.includes(`Số ${c.decision_no}`), text);
    assert.ok(text.includes(`Mỹ Tho, ${officialDate(c.decision_on!)}`), text);
    assert.ok(/^Điều 1\. Kết nạp đồng chí Tạ Thị Thanh Tâm, sinh ngày 05\/01\/1993/m.test(text), text);
    assert.ok(text.includes('Căn cứ Quy định số 24-QĐ/TW'), text);
    assert.ok(text.includes('Xét đề nghị của Đảng ủy Phường 4'), text);
    assert.doesNotMatch(text, /undefined|null|[{}]/);
    assert.equal(await accessCount(), before + 1);
  });

  test('every form reachable by an official case renders; the cell’s and the recognition resolution keep their own meetings', async () => {
    const c = await caseOf('Tạ Thị Thanh Tâm');
    const [events] = [await rows<{ transition: string; on: string }>(sql`select transition, effective_on::text as on from case_events where case_id = ${c.id} order by id`)];
    const on = (tr: string) => events.filter((e) => e.transition === tr).at(-1)!.on;
    for (const form of ['cell_resolution', 'committee_resolution', 'recognition_resolution', 'recognition_decision']) {
      const text = await textOf((await t.run('cb.phuongnam', () => getCaseForm(c.id, form))).bytes);
      assert.ok(text.includes('Tạ Thị Thanh Tâm'), form);
      assert.doesNotMatch(text, /undefined|null|[{}]/, form);
      if (form === 'cell_resolution') assert.ok(text.includes(`Mỹ Tho, ${officialDate(on('cellResolve'))}`), text);
      if (form === 'recognition_resolution') assert.ok(text.includes(`Mỹ Tho, ${officialDate(on('cellResolveRecognition'))}`), text);
    }
  });

  test('a removal: the recognition decision removes the name from the probationary list', async () => {
    const c = await caseOf('Mai Văn Tú');
    const text = await textOf((await t.run('mytho.leader', () => getCaseForm(c.id, 'recognition_decision'))).bytes);
    assert.ok(text.includes('Về việc xóa tên trong danh sách đảng viên dự bị'), text);
    assert.ok(/^Điều 1\. Xóa tên đồng chí Mai Văn Tú/m.test(text), text);
  });

  test('a cell without a committee: no committee resolution, the decision cites the cell', async () => {
    const c = await caseOf('Hồ Văn Vũ');
    await expectRefused(t, 'mytho.leader', () => getCaseForm(c.id, 'committee_resolution'), 'not_found');
    const text = await textOf((await t.run('mytho.leader', () => getCaseForm(c.id, 'admission_decision'))).bytes);
    assert.ok(text.includes('Xét đề nghị của Chi bộ Công ty TNHH Thực phẩm Mekong'), text);
    assert.ok(text.includes('Số ……-QĐ/TU'), 'no number yet: a blank');
  });

  test('a sibling ward’s user, another district and a branch outside: notFound, nothing written', async () => {
    const c = await caseOf('Tạ Thị Thanh Tâm');
    const before = await accessCount();
    for (const username of ['p6.leader', 'p1.leader', 'chauthanh.admin', 'cb.mekong', 'khoi.leader']) await expectRefused(t, username, () => getCaseForm(c.id, 'admission_decision'), 'not_found');
    await expectRefused(t, 'p4.leader', () => getCaseForm(999_999, 'admission_decision'), 'not_found');
    assert.equal(await accessCount(), before);
  });

  test('a form the case has not reached, or no such form: notFound, nothing written', async () => {
    const before = await accessCount();
    const referred = await caseOf('Phạm Ngọc Ánh');
    const review = await caseOf('Huỳnh Quốc Cường');
    const rejected = await caseOf('Trương Công Bình');
    await expectRefused(t, 'p4.leader', () => getCaseForm(referred.id, 'cell_resolution'), 'not_found');
    await expectRefused(t, 'p4.leader', () => getCaseForm(review.id, 'committee_resolution'), 'not_found');
    await expectRefused(t, 'p4.leader', () => getCaseForm(review.id, 'admission_decision'), 'not_found');
    await expectRefused(t, 'mytho.leader', () => getCaseForm(rejected.id, 'cell_resolution'), 'not_found');
    await expectRefused(t, 'p4.leader', () => getCaseForm(review.id, 'founding_decision'), 'not_found');
    await expectRefused(t, 'p4.leader', () => getCaseForm(review.id, 'nonsense'), 'not_found');
    assert.equal(await accessCount(), before);
    // The cell's resolution is reachable in review: drafted before the meeting, its date left blank.
    const text = await textOf((await t.run('p4.leader', () => getCaseForm(review.id, 'cell_resolution'))).bytes);
    assert.ok(text.includes('Mỹ Tho, ngày …… tháng …… năm ……'), text);
  });
});

describe('administrators’ replacement templates', () => {
  test('a replacement is used for documents dated on or after its effective date, not before', async () => {
    const c = await caseOf('Tạ Thị Thanh Tâm');
    const on = c.decision_on!;
    const later = edited('admission_decision', 'Về việc kết nạp đảng viên', 'MẪU SAU NGÀY QUYẾT ĐỊNH');
    const sameDay = edited('admission_decision', 'Về việc kết nạp đảng viên', 'MẪU ĐÚNG NGÀY QUYẾT ĐỊNH');
    const { audit } = await withAudit(t, () =>
      t.run(ROOT_ADMIN, () => addFormTemplate({ form: 'admission_decision', effectiveFrom: addDays(on, 1), fileName: 'mau-sau.docx', bytes: later, note: 'Thử' })),
    );
    assert.deepEqual(
      audit.map((a) => [a.action, a.entity, (a.after as { form: string }).form]),
      [['template.create', 'form_template', 'admission_decision']],
    );
    let text = await textOf((await t.run('p4.leader', () => getCaseForm(c.id, 'admission_decision'))).bytes);
    assert.ok(text.includes('Về việc kết nạp đảng viên') && !text.includes('MẪU SAU'), 'dated before the replacement: the shipped template');
    await t.run(ROOT_ADMIN, () => addFormTemplate({ form: 'admission_decision', effectiveFrom: on, fileName: 'mau-dung-ngay.docx', bytes: sameDay }));
    text = await textOf((await t.run('p4.leader', () => getCaseForm(c.id, 'admission_decision'))).bytes);
    assert.ok(text.includes('MẪU ĐÚNG NGÀY QUYẾT ĐỊNH'), 'dated on the effective date: the replacement');
    assert.ok(text.includes('Tạ Thị Thanh Tâm'));
    // Another form is not touched.
    const resolution = await textOf((await t.run('p4.leader', () => getCaseForm(c.id, 'cell_resolution'))).bytes);
    assert.ok(!resolution.includes('MẪU'));
    // The list shows both versions, newest first; the admin may manage, a ward may not.
    const list = await t.run(ROOT_ADMIN, () => listFormTemplates());
    assert.equal(list.canManage, true);
    assert.deepEqual(
      list.forms.find((f) => f.form === 'admission_decision')!.versions.map((v) => v.fileName),
      ['mau-sau.docx', 'mau-dung-ngay.docx'],
    );
    assert.equal((await t.run('p4.leader', () => listFormTemplates())).canManage, false);
    // A version downloads as uploaded.
    const id = list.forms.find((f) => f.form === 'admission_decision')!.versions[1].id;
    assert.deepEqual((await t.run('p4.leader', () => getFormTemplate('admission_decision', id))).bytes, sameDay);
    await expectRefused(t, 'p4.leader', () => getFormTemplate('cell_resolution', id), 'not_found');
  });

  test('a non-admin, a province or district admin cannot add a template: refused, nothing changes', async () => {
    const input = { form: 'cell_resolution' as const, effectiveFrom: '2026-01-01', fileName: 'x.docx', bytes: shipped('cell_resolution') };
    for (const username of ['tinh.admin', 'mytho.admin', 'tinh.leader', 'p4.leader', 'tw.viewer']) await expectRefused(t, username, () => addFormTemplate(input), 'forbidden');
  });

  const BROKEN: [string, () => Buffer, string, RegExp][] = [
    ['an unclosed tag', () => edited('cell_resolution', '{fullName}', '{fullName'), 'forms.brokenTemplate', /fullName/],
    ['an unclosed condition', () => edited('recognition_resolution', '{/removal}', ''), 'forms.brokenTemplate', /removal/],
    ['a tag the portal does not fill', () => edited('cell_resolution', '{fullName}', '{hoVaTen}'), 'forms.unknownTags', /hoVaTen/],
    ['a template without the person’s name (a filled form uploaded by mistake)', () => edited('cell_resolution', /\{fullName\}/g, 'Phan Thị Yến Nhi'), 'forms.missingTags', /fullName/],
    ['a PDF', () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), 'forms.notDocx', /^$/],
    ['an empty file', () => Buffer.alloc(0), 'forms.fileMissing', /^$/],
  ];
  for (const [name, make, key, detail] of BROKEN)
    test(`${name} is refused (${key}), nothing changes`, async () => {
      const form = name.includes('condition') ? ('recognition_resolution' as const) : ('cell_resolution' as const);
      const err = await expectRefused(t, ROOT_ADMIN, () => addFormTemplate({ form, effectiveFrom: '2026-01-01', fileName: 'x.docx', bytes: make() }), 'invalid');
      assert.equal(err.key, key);
      assert.match(String(Object.values(err.params ?? {}).join(' ')), detail);
    });

  test('a second version of a form on the same date is refused', async () => {
    const c = await caseOf('Tạ Thị Thanh Tâm');
    const err = await expectRefused(
      t,
      ROOT_ADMIN,
      () => addFormTemplate({ form: 'admission_decision', effectiveFrom: c.decision_on!, fileName: 'x.docx', bytes: shipped('admission_decision') }),
      'invalid',
    );
    assert.equal(err.key, 'forms.dateTaken');
  });
});

describe('the founding decision', () => {
  test('written once decided, for those who see the proposal; members named', async () => {
    const [{ id: vietHan }] = await rows<{ id: number }>(sql`select id from enterprises where tax_code = ${demoTaxCode('0067733')}`);
    const opts = await t.run('mytho.officer', () => foundingOptions(Number(vietHan)));
    const official = opts.members.filter((m) => m.official).map((m) => m.id);
    const city = await t.unitId('TG-MYTHO');
    const { id } = await t.run('mytho.officer', () =>
      proposeFounding({ enterpriseId: Number(vietHan), parentUnitId: city, cellName: 'Chi bộ Công ty TNHH Điện tử Việt Hàn', memberIds: official.slice(0, 3), proposedOn: '2026-11-23' }),
    );
    await expectRefused(t, 'mytho.leader', () => getFoundingForm(id), 'not_found');
    await t.run('mytho.leader', () => decideFounding({ id, version: 1, decisionNo: '215-QĐ/TU', decisionOn: '2026-11-23', secretaryMemberId: official[0] }));
    const file = await t.run('mytho.leader', () => getFoundingForm(id));
    assert.equal(file.fileName, 'Quyết định thành lập chi bộ - Chi bộ Công ty TNHH Điện tử Việt Hàn.docx');
    const text = await textOf(file.bytes);
    assert.ok(text.includes('Số 215-QĐ/TU'), text);
    assert.ok(text.includes('Mỹ Tho, ngày 23 tháng 11 năm 2026'), text);
    assert.ok(text.includes('Về việc thành lập Chi bộ Công ty TNHH Điện tử Việt Hàn'), text);
    assert.ok(text.includes('gồm 3 đảng viên (3 đảng viên chính thức)'), text);
    const secretary = opts.members.find((m) => m.id === official[0])!.fullName;
    assert.ok(text.includes(`Chỉ định đồng chí ${secretary} làm Bí thư`), text);
    assert.doesNotMatch(text, /undefined|null|[{}]/);
    await expectRefused(t, 'chauthanh.admin', () => getFoundingForm(id), 'not_found');
    await expectRefused(t, 'mytho.leader', () => getFoundingForm(999_999), 'not_found');
  });
});
