import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { seedDemoCases } from '@/db/seed/cases';
import { expectRefused, seedEnterprisesAndMembers, registerTestDb, withAudit } from '@/lib/test/db';
import { certificateNumber, createClass, enrolPeople, getClass, issueCertificates, listClasses, searchClassCandidates } from './classes';

const t = registerTestDb(
  async (t) => {
    await seedEnterprisesAndMembers(t);
    await seedDemoCases(t.db);
  },
  { day: '2026-11-23' },
);

describe('classes and certificates', () => {
  let classId: number;

  test('certificate numbers follow on from the first, keeping the padding', () => {
    assert.deepEqual(
      [0, 1, 9, 10].map((n) => certificateNumber('BDNT-2026-007', n)),
      ['BDNT-2026-007', 'BDNT-2026-008', 'BDNT-2026-016', 'BDNT-2026-017'],
    );
    assert.equal(certificateNumber('A99', 1), 'A100');
    assert.equal(certificateNumber('Khóa I', 0), 'Khóa I');
    assert.equal(certificateNumber('Khóa I', 2), 'Khóa I-3');
  });

  test('a committee opens an awareness class; a cell, a union branch or a viewer may not', async () => {
    const input = { kind: 'awareness' as const, title: 'Lớp bồi dưỡng nhận thức về Đảng khóa II/2026', startOn: '2026-11-16', endOn: '2026-11-20' };
    await expectRefused(t, 'cb.phuongnam', () => createClass(input), 'forbidden');
    await expectRefused(t, 'cd.phuongnam', () => createClass(input), 'forbidden');
    await expectRefused(t, 'tinh.viewer', () => createClass(input), 'forbidden');
    await expectRefused(t, 'mytho.officer', () => createClass({ ...input, endOn: '2026-11-01' }), 'invalid');
    ({ id: classId } = await t.run('mytho.officer', () => createClass(input)));
    assert.ok((await t.run('mytho.leader', () => listClasses())).items.some((c) => c.id === classId));
    assert.ok(!(await t.run('p4.leader', () => listClasses())).items.some((c) => c.id === classId), 'a class belongs to its organiser’s subtree');
    // Searched by its title without diacritics, filtered by kind; the search never widens the scope.
    assert.ok((await t.run('mytho.leader', () => listClasses({ q: 'nhan thuc ve dang khoa ii' }))).items.some((c) => c.id === classId));
    assert.ok(!(await t.run('mytho.leader', () => listClasses({ q: 'nhan thuc', kind: 'new_member' }))).items.some((c) => c.id === classId));
    assert.deepEqual(
      (await t.run('p4.leader', () => listClasses({ q: 'khoa ii/2026' }))).items.filter((c) => c.id === classId),
      [],
    );
  });

  test('only open candidates of the scope can be enrolled, by the organiser only', async () => {
    const c = await t.run('mytho.officer', () => getClass(classId));
    assert.ok(c.canManage);
    // The picker finds candidates by name, without diacritics.
    assert.deepEqual(
      (await t.run('mytho.officer', () => searchClassCandidates(classId, 'huynh quoc cuong'))).map((p) => p.label),
      ['Huỳnh Quốc Cường'],
      'a case under review by the cell',
    );
    assert.deepEqual(await t.run('mytho.officer', () => searchClassCandidates(classId, 'ta thi thanh tam')), [], 'an official member is no candidate');
    await expectRefused(t, 'p4.officer', () => searchClassCandidates(classId, ''), 'not_found');
    await expectRefused(t, 'tinh.admin', () => searchClassCandidates(classId, ''), 'forbidden');
    const two = (await t.run('mytho.officer', () => searchClassCandidates(classId, ''))).slice(0, 2).map((p) => Number(p.value));
    await expectRefused(t, 'p4.officer', () => enrolPeople({ classId, personIds: two }), 'not_found');
    await expectRefused(t, 'chauthanh.admin', () => enrolPeople({ classId, personIds: two }), 'not_found');
    const official = Number(rowsOf<{ id: number }>(await t.db.execute(sql`select person_id as id from party_members where official_on is not null limit 1`))[0].id);
    await expectRefused(t, 'mytho.officer', () => enrolPeople({ classId, personIds: [...two, official] }), 'invalid');
    const { audit } = await withAudit(t, () => t.run('mytho.officer', () => enrolPeople({ classId, personIds: two })));
    assert.equal(audit.length, 2);
    assert.equal((await t.run('mytho.officer', () => getClass(classId))).enrolments.length, 2);
  });

  test('issued certificates become the certificate of the candidate’s open admission case', async () => {
    const c = await t.run('mytho.officer', () => getClass(classId));
    const ids = c.enrolments.map((e) => e.id);
    await expectRefused(t, 'mytho.officer', () => issueCertificates({ classId, enrolmentIds: ids, certificateOn: '2026-11-01', firstNumber: 'BDNT-2026-101' }), 'invalid');
    await expectRefused(t, 'p4.officer', () => issueCertificates({ classId, enrolmentIds: ids, certificateOn: '2026-11-20', firstNumber: 'BDNT-2026-101' }), 'not_found');
    await expectRefused(t, 'tinh.admin', () => issueCertificates({ classId, enrolmentIds: ids, certificateOn: '2026-11-20', firstNumber: 'BDNT-2026-101' }), 'forbidden');
    await t.run('mytho.officer', () => issueCertificates({ classId, enrolmentIds: ids, certificateOn: '2026-11-20', firstNumber: 'BDNT-2026-101' }));
    const after = await t.run('mytho.officer', () => getClass(classId));
    assert.deepEqual(after.enrolments.map((e) => e.certificateNo).sort(), ['BDNT-2026-101', 'BDNT-2026-102']);
    const cases = rowsOf<{ no: string; on: string; enrolment: number }>(
      await t.db.execute(sql`select certificate_no as no, certificate_issued_on::text as on, certificate_enrolment_id as enrolment from admission_cases
        where person_id in (${sql.join(
          after.enrolments.map((e) => e.personId),
          sql`, `,
        )}) and state in ('referral_draft', 'referred', 'cell_review')`),
    );
    assert.ok(cases.length >= 2);
    assert.ok(cases.every((r) => r.no.startsWith('BDNT-2026-10') && r.on === '2026-11-20' && ids.includes(Number(r.enrolment))));
    await expectRefused(t, 'mytho.officer', () => issueCertificates({ classId, enrolmentIds: ids, certificateOn: '2026-11-21', firstNumber: 'X-1' }), 'invalid');
  });

  test('a new-member course takes probationary members of the scope', async () => {
    const { id } = await t.run('mytho.officer', () => createClass({ kind: 'new_member', title: 'Lớp đảng viên mới 2026', startOn: '2026-11-02', endOn: '2026-11-13' }));
    const c = await t.run('mytho.officer', () => getClass(id));
    assert.ok(c.canManage);
    const eligible = await t.run('mytho.officer', () => searchClassCandidates(id, ''));
    assert.ok(eligible.length > 0);
    const probationary = rowsOf<{ id: number }>(await t.db.execute(sql`select person_id as id from party_members where official_on is null and status = 'active'`)).map((r) => Number(r.id));
    assert.ok(eligible.every((p) => probationary.includes(Number(p.value))));
  });
});
