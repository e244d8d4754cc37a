import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { dalMessage } from '@/lib/actions';
import { setClock } from '@/lib/clock';
import { translate } from '@/lib/i18n/messages';
import { expectDalError, expectRefused, setupTestDb, type TestDb } from '@/lib/test/db';
import { DRAFT_DOCX, EXE_AS_PDF, PHONE_PHOTO, SCAN_PDF } from '@/lib/test/files';
import { applyTransition, getCase } from './admission';
import { createReferral } from './referrals';
import { listPersonAccess } from './access-log';
import { attachDocument, openCaseFile, replacePaperFiles } from './papers';

/**
 * Papers with their files: attached in the step's transaction, typed by content, served and
 * logged only inside the case's scope, counting for the checklist only with a file or a leader's
 * reasoned "held on file", never deleted (a replaced file stays in the history).
 */
let t: TestDb;
let caseId: number;
const clock = '2026-03-02';

before(async () => {
  t = await setupTestDb();
  setClock(() => new Date(`${clock}T09:00:00+07:00`));
  const cellUnitId = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
  ({ caseId } = await t.run('cd.viethan', () =>
    createReferral({
      fullName: 'Lê Thị Hồng Nhung',
      birthDate: '1996-04-12',
      gender: 'female',
      workplace: 'Công ty TNHH Điện tử Việt Hàn',
      cellUnitId,
      certificateNo: 'BDNT-2025-201',
      certificateIssuedOn: '2025-06-10',
    }),
  ));
});
after(async () => {
  setClock(undefined);
  await t?.teardown();
});

const count = async (table: string) => Number(rowsOf<{ n: number }>(await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);
const version = async () => Number(rowsOf<{ version: number }>(await t.db.execute(sql`select version from admission_cases where id = ${caseId}`))[0].version);
const vi = (err: Parameters<typeof dalMessage>[1]) => dalMessage((key, params) => translate('vi', key, params), err);

describe('papers and their files', () => {
  test('a union officer attaches a paper of two pages (a PDF scan and a phone photo): typed by content, stored with the paper, audited', async () => {
    const [filesBefore, blobsBefore, auditBefore] = [await count('case_document_files'), await count('stored_files'), await t.lastAuditId()];
    await t.run('cd.viethan', () => attachDocument({ caseId, kind: 'application', title: 'Đơn xin vào Đảng', issuedOn: '2026-02-20', files: [SCAN_PDF, PHONE_PHOTO] }));
    const c = await t.run('cd.viethan', () => getCase(caseId));
    const paper = c.documents.find((d) => d.kind === 'application')!;
    assert.deepEqual(
      paper.files.map((f) => [f.page, f.fileName, f.mimeType, f.sizeBytes]),
      [
        [1, 'Đơn xin vào Đảng.pdf', 'application/pdf', SCAN_PDF.bytes.byteLength],
        [2, 'IMG_20261130_081522.jpg', 'image/jpeg', PHONE_PHOTO.bytes.byteLength],
      ],
    );
    assert.equal(paper.files[0].addedBy, 'Hồ Thị Thanh Hương');
    assert.equal(await count('case_document_files'), filesBefore + 2);
    assert.equal(await count('stored_files'), blobsBefore + 2);
    const audit = await t.auditSince(auditBefore);
    assert.deepEqual(
      audit.map((a) => a.action),
      ['admission.attach'],
    );
    assert.equal((audit[0].after as { files: unknown[] }).files.length, 2);
    // The submit step still names the three papers it lacks, by their Vietnamese names.
    assert.deepEqual(c.missingPapers.submit, ['awareness_certificate', 'personal_history', 'branch_resolution']);
  });

  test('a .docx draft (saved by LibreOffice) is taken; an .exe renamed .pdf, an empty choice and an oversized upload are refused with nothing written', async () => {
    await t.run('cd.viethan', () => attachDocument({ caseId, kind: 'personal_history', title: 'Lý lịch (bản nháp)', files: [DRAFT_DOCX] }));
    const c = await t.run('cd.viethan', () => getCase(caseId));
    assert.equal(c.documents.find((d) => d.kind === 'personal_history')!.files[0].mimeType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const wrong = await expectRefused(t, 'cd.viethan', () => attachDocument({ caseId, kind: 'branch_resolution', title: 'x', files: [EXE_AS_PDF] }), 'invalid');
    assert.equal(wrong.key, 'papers.wrongType');
    assert.equal(vi(wrong), 'Tệp “scan.pdf” không phải PDF, ảnh JPEG/PNG hay Word (.docx): loại tệp được kiểm tra theo nội dung, không theo tên.');
    // One good page beside the bad one: still nothing written.
    await expectRefused(t, 'cd.viethan', () => attachDocument({ caseId, kind: 'branch_resolution', title: 'x', files: [SCAN_PDF, EXE_AS_PDF] }), 'invalid');
    const none = await expectRefused(t, 'cd.viethan', () => attachDocument({ caseId, kind: 'branch_resolution', title: 'x', files: [] }), 'invalid');
    assert.equal(none.key, 'papers.noFile');
    const saved = process.env.UPLOAD_MAX_MB;
    process.env.UPLOAD_MAX_MB = '0.01';
    try {
      const big = await expectRefused(t, 'cd.viethan', () => attachDocument({ caseId, kind: 'branch_resolution', title: 'x', files: [SCAN_PDF] }), 'invalid');
      assert.equal(big.key, 'papers.tooLarge');
      assert.match(vi(big), /^Tệp quá lớn: các tệp đã chọn nặng 0,1 MB, mỗi lần đính kèm tối đa 0,01 MB\./);
      assert.deepEqual(big.fieldErrors, { files: 'papers.tooLarge' });
    } finally {
      if (saved === undefined) delete process.env.UPLOAD_MAX_MB;
      else process.env.UPLOAD_MAX_MB = saved;
    }
  });

  test('an officer cannot record a paper as held on file (only the unit’s leader): refused, nothing written', async () => {
    const err = await expectRefused(t, 'cd.viethan', () => attachDocument({ caseId, kind: 'awareness_certificate', title: 'x', onFileReason: 'Bản giấy lưu tại công đoàn' }), 'invalid');
    assert.equal(err.key, 'papers.onFileLeaderOnly');
  });

  test('a unit attaches only the papers of its own steps: the branch cannot supply the cell’s resolution, an empty file is named', async () => {
    const err = await expectRefused(t, 'cd.viethan', () => attachDocument({ caseId, kind: 'cell_resolution', title: 'x', files: [SCAN_PDF] }), 'invalid');
    assert.equal(
      vi(err),
      '“Nghị quyết chi bộ” không phải giấy tờ của bước đơn vị bạn đang làm; ở bước này đơn vị đính kèm: Giấy chứng nhận bồi dưỡng nhận thức về Đảng; Đơn xin vào Đảng (1-KNĐ); Lý lịch người xin vào Đảng (2-KNĐ); Nghị quyết giới thiệu của đoàn thể (4-KNĐ).',
    );
    assert.deepEqual(err.fieldErrors, { kind: 'papers.kindNotThisStepField' });
    assert.deepEqual((await t.run('cd.viethan', () => getCase(caseId))).attachableKinds, ['awareness_certificate', 'application', 'personal_history', 'branch_resolution']);
    const empty = await expectRefused(
      t,
      'cd.viethan',
      () => attachDocument({ caseId, kind: 'awareness_certificate', title: 'x', files: [{ name: 'trang-trang.pdf', bytes: new Uint8Array() }] }),
      'invalid',
    );
    assert.equal(vi(empty), 'Tệp “trang-trang.pdf” rỗng (0 byte): hãy chọn lại tệp.');
  });

  test('a paper with no file and no reason (a line of metadata) does not count: the step is refused naming it', async () => {
    await t.run('cd.viethan', () => attachDocument({ caseId, kind: 'awareness_certificate', title: 'Giấy chứng nhận', files: [SCAN_PDF] }));
    const [{ user_id }] = rowsOf<{ user_id: number }>(await t.db.execute(sql`select id as user_id from users where username = 'cd.viethan'`));
    await t.ownerExecute(`insert into case_documents (case_id, kind, title, added_by) values (${caseId}, 'branch_resolution', 'Nghị quyết (chỉ có dòng thông tin)', ${user_id})`);
    const err = await expectRefused(t, 'cd.viethan', async () => applyTransition({ caseId, version: await version(), transition: 'submit' }), 'invalid');
    assert.equal(vi(err), 'Còn thiếu tài liệu: Nghị quyết giới thiệu của đoàn thể (4-KNĐ).');
    // With its file the paper counts, and the referral goes.
    await t.run('cd.viethan', () => attachDocument({ caseId, kind: 'branch_resolution', title: 'Nghị quyết giới thiệu', files: [SCAN_PDF] }));
    assert.equal((await t.run('cd.viethan', async () => applyTransition({ caseId, version: await version(), transition: 'submit' }))).state, 'referred');
  });

  test('the cell leader records a paper as held on file with a reason: it counts and the cell’s step goes through', async () => {
    await t.run('cb.phuongnam', async () => applyTransition({ caseId, version: await version(), transition: 'accept' }));
    for (const kind of ['sponsor_introduction', 'background_verification', 'opinions'] as const) await t.run('cb.phuongnam', () => attachDocument({ caseId, kind, title: kind, files: [SCAN_PDF] }));
    let c = await t.run('cb.phuongnam', () => getCase(caseId));
    assert.equal(c.canRecordOnFile, true);
    assert.deepEqual(c.missingPapers.cellResolve, ['cell_resolution']);
    // Not the deciding level's paper, even held on file.
    const other = await expectRefused(t, 'cb.phuongnam', () => attachDocument({ caseId, kind: 'admission_decision', title: 'x', onFileReason: 'Lưu tại chi bộ' }), 'invalid');
    assert.equal(other.key, 'papers.kindNotThisStep');
    await t.run('cb.phuongnam', () => attachDocument({ caseId, kind: 'cell_resolution', title: 'Nghị quyết chi bộ', onFileReason: 'Máy quét của chi bộ hỏng; bản gốc lưu tại văn phòng chi bộ.' }));
    c = await t.run('cb.phuongnam', () => getCase(caseId));
    assert.equal(c.documents.find((d) => d.kind === 'cell_resolution')!.onFileReason, 'Máy quét của chi bộ hỏng; bản gốc lưu tại văn phòng chi bộ.');
    assert.equal(c.missingPapers.cellResolve, undefined);
    const state = await t.run('cb.phuongnam', async () =>
      applyTransition({ caseId, version: await version(), transition: 'cellResolve', effectiveOn: clock, votesFor: 7, eligible: 7, sponsors: ['Nguyễn Văn An', 'Trần Thị Bình'] }),
    );
    assert.equal(state.state, 'committee_review');
  });

  test('replacing a paper’s files keeps the old ones in its history, marked by whom and when; only the unit whose turn it is, for its own papers', async () => {
    await t.run('p4.leader', () => attachDocument({ caseId, kind: 'committee_resolution', title: 'Nghị quyết đảng ủy', files: [SCAN_PDF] }));
    const papers = (await t.run('p4.leader', () => getCase(caseId))).documents;
    const paper = papers.find((d) => d.kind === 'committee_resolution')!;
    // The cell no longer holds the case; the committee may not replace the cell's papers.
    await expectRefused(t, 'cb.phuongnam', () => replacePaperFiles({ caseId, documentId: paper.id, files: [PHONE_PHOTO] }), 'forbidden');
    const cellPaper = papers.find((d) => d.kind === 'sponsor_introduction')!;
    assert.equal((await expectRefused(t, 'p4.leader', () => replacePaperFiles({ caseId, documentId: cellPaper.id, files: [PHONE_PHOTO] }), 'invalid')).key, 'papers.kindNotThisStep');
    const auditBefore = await t.lastAuditId();
    await t.run('p4.leader', () => replacePaperFiles({ caseId, documentId: paper.id, files: [PHONE_PHOTO] }));
    const after = (await t.run('p4.leader', () => getCase(caseId))).documents.find((d) => d.id === paper.id)!;
    assert.deepEqual(
      after.files.map((f) => f.fileName),
      ['IMG_20261130_081522.jpg'],
    );
    assert.deepEqual(
      after.replaced.map((f) => [f.fileName, f.replacedBy]),
      [['Đơn xin vào Đảng.pdf', 'Đặng Quốc Bảo']],
    );
    assert.deepEqual(
      (await t.auditSince(auditBefore)).map((a) => a.action),
      ['admission.replaceFiles'],
    );
    // The replaced file can still be opened: nothing is deleted.
    const old = await t.run('p4.leader', () => openCaseFile(caseId, paper.files[0].id));
    assert.deepEqual(new Uint8Array(old.bytes), SCAN_PDF.bytes);
    // A paper of another case under this case's id: not found.
    await expectRefused(t, 'p4.leader', () => replacePaperFiles({ caseId, documentId: 999999, files: [PHONE_PHOTO] }), 'not_found');
  });

  test('opening a file returns its bytes and is logged as an opening of the person’s record, with the file', async () => {
    const file = (await t.run('mytho.leader', () => getCase(caseId))).documents.find((d) => d.kind === 'application')!.files[1];
    const logBefore = await count('person_access_log');
    const opened = await t.run('mytho.leader', () => openCaseFile(caseId, file.id));
    assert.equal(opened.mimeType, 'image/jpeg');
    assert.equal(opened.fileName, 'IMG_20261130_081522.jpg');
    assert.deepEqual(new Uint8Array(opened.bytes), PHONE_PHOTO.bytes);
    assert.equal(await count('person_access_log'), logBefore + 1);
    const [row] = rowsOf<{ file_id: number; username: string }>(
      await t.db.execute(sql`select l.file_id, u.username from person_access_log l join users u on u.id = l.user_id order by l.id desc limit 1`),
    );
    assert.deepEqual([Number(row.file_id), row.username], [file.id, 'mytho.leader']);
    // The city's administrator reads it in the record openings, with the file's name.
    const leaderId = (await t.user('mytho.leader')).id;
    const openings = await t.run('mytho.admin', () => listPersonAccess({ userId: leaderId }));
    assert.equal(openings.items[0].fileName, 'IMG_20261130_081522.jpg');
    assert.equal(openings.items[0].personName, 'Lê Thị Hồng Nhung');
  });

  test('[SCOPE] a sibling ward and another cell can neither attach to nor read the case’s files: not found, nothing written, nothing logged', async () => {
    const file = (await t.run('mytho.leader', () => getCase(caseId))).documents[0].files[0];
    const logBefore = await count('person_access_log');
    for (const username of ['p1.leader', 'cb.mekong', 'cd.mekong']) {
      await expectRefused(t, username, () => openCaseFile(caseId, file.id), 'not_found');
      await expectRefused(t, username, () => attachDocument({ caseId, kind: 'committee_resolution', title: 'x', files: [SCAN_PDF] }), 'not_found');
      await expectRefused(t, username, () => replacePaperFiles({ caseId, documentId: 1, files: [SCAN_PDF] }), 'not_found');
    }
    // A forged pair (a real file under another case's id, or an id that does not exist): not found.
    const [{ other }] = rowsOf<{ other: number }>(await t.db.execute(sql`select min(id)::int as other from admission_cases where id <> ${caseId}`));
    if (other) await expectRefused(t, 'mytho.leader', () => openCaseFile(other, file.id), 'not_found');
    await expectRefused(t, 'mytho.leader', () => openCaseFile(caseId, 2_000_000_000), 'not_found');
    assert.equal(await count('person_access_log'), logBefore);
    // The union officer who referred the person still sees the case (and its files), but may not attach while the committee holds it.
    await t.run('cd.viethan', () => openCaseFile(caseId, file.id));
    await expectDalError(
      t.run('cd.viethan', () => attachDocument({ caseId, kind: 'opinions', title: 'x', files: [SCAN_PDF] })),
      'forbidden',
    );
  });
});
