import { after, before, describe, test } from 'node:test';
import { dalMessage } from '@/lib/actions';
import { translate } from '@/lib/i18n/messages';
import { searchKey } from '@/lib/people/identity';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { DEMO_ENTERPRISES, ensureEnterprises } from '@/db/seed/enterprises';
import { setClock } from '@/lib/clock';
import { expectDalError, expectRefused, setupTestDb, type TestDb } from '@/lib/test/db';
import type { DocumentKind, State } from '@/lib/admission/workflow';
import { attachDocument } from './papers';
import { SCAN_PDF } from '@/lib/test/files';
import { applyTransition, ChecksFailedError, getCase, type TransitionInput } from './admission';
import { assertCanRefer, createReferral, searchReferralCells } from './referrals';
import { createUser } from './users';
import { listCases, listInbox } from './case-lists';

let t: TestDb;
let clock = '2026-03-02';
const setToday = (d: string) => (clock = d);

before(async () => {
  t = await setupTestDb();
  setClock(() => new Date(`${clock}T09:00:00+07:00`));
});
after(async () => {
  setClock(undefined);
  await t?.teardown();
});

async function caseState(id: number): Promise<{ state: State; version: number; round: number }> {
  const [row] = rowsOf<{ state: State; version: number; round: number }>(await t.db.execute(sql`select state, version, round from admission_cases where id = ${id}`));
  return { ...row, version: Number(row.version), round: Number(row.round) };
}

async function step(username: string, caseId: number, input: Omit<TransitionInput, 'caseId' | 'version'>): Promise<State> {
  const { version } = await caseState(caseId);
  return (await t.run(username, () => applyTransition({ caseId, version, ...input }))).state;
}

async function attach(username: string, caseId: number, kinds: DocumentKind[]) {
  for (const kind of kinds) await t.run(username, () => attachDocument({ caseId, kind, title: `Tài liệu ${kind}`, issuedOn: clock, files: [SCAN_PDF] }));
}

async function newReferral(fullName = 'Nguyễn Văn Tuấn', nationalId?: string) {
  const cellUnitId = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
  return t.run('cd.viethan', () =>
    createReferral({
      fullName,
      birthDate: '1995-05-10',
      gender: 'male',
      nationalId,
      workplace: 'Công ty TNHH Điện tử Việt Hàn',
      cellUnitId,
      certificateNo: 'BDNT-2025-118',
      certificateIssuedOn: '2025-01-15',
    }),
  );
}

describe('admission workflow in the data layer', () => {
  let caseId: number;

  test('a union officer refers a person; the chain above the chosen cell is derived', async () => {
    ({ caseId } = await newReferral('Nguye\u0302\u0303n Văn Tuấn', '082095001234'));
    const c = await t.run('cd.viethan', () => getCase(caseId));
    assert.equal(c.fullName, 'Nguyễn Văn Tuấn'); // stored NFC
    assert.equal(c.nationalIdMasked, '••••••••1234');
    assert.equal(c.cell.name, 'Chi bộ Công ty TNHH May Phương Nam');
    assert.equal(c.committee?.name, 'Đảng ủy Phường 4');
    assert.equal(c.decider.name, 'Thành ủy Mỹ Tho');
    assert.deepEqual(c.actions, ['submit']);
    // Search without diacritics finds the name; the access was logged.
    assert.equal((await t.run('mytho.leader', () => listCases({ q: 'nguyen van tuan' }))).items.length, 1);
    const [{ n }] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from person_access_log`));
    assert.equal(Number(n), 1);
  });

  test('submitting without the papers lists what is missing; nothing changes', async () => {
    const err = await expectRefused(t, 'cd.viethan', async () => applyTransition({ caseId, version: (await caseState(caseId)).version, transition: 'submit' }), 'invalid');
    assert.equal(err.key, 'admission.missingDocuments');
    // Named by their Vietnamese names, never by their codes.
    const message = dalMessage((key, params) => translate('vi', key, params), err);
    assert.match(message, /^Còn thiếu tài liệu: Giấy chứng nhận bồi dưỡng nhận thức về Đảng; .*Lý lịch người xin vào Đảng \(2-KNĐ\)/);
    assert.doesNotMatch(message, /[a-z]+_[a-z]+/);
  });

  test('the full path, with one return for revision and one overridden check', async () => {
    await attach('cd.viethan', caseId, ['awareness_certificate', 'application', 'personal_history', 'branch_resolution']);
    assert.equal(await step('cd.viethan', caseId, { transition: 'submit' }), 'referred');
    assert.deepEqual(
      (await t.run('cb.phuongnam', () => listInbox())).items.map((c) => c.id),
      [caseId],
    );
    const name = (await t.run('cb.phuongnam', () => getCase(caseId))).fullName;
    assert.deepEqual(
      (await t.run('cb.phuongnam', () => listInbox({}, { q: searchKey(name).toUpperCase(), state: 'referred' }))).items.map((c) => c.id),
      [caseId],
    );
    assert.deepEqual((await t.run('cb.phuongnam', () => listInbox({}, { q: 'khong ai ten nay' }))).items, []);
    assert.deepEqual((await t.run('cb.phuongnam', () => listInbox({}, { state: 'cell_review' }))).items, []);
    setToday('2026-03-03');
    assert.equal(await step('cb.phuongnam', caseId, { transition: 'accept' }), 'cell_review');
    await attach('cb.phuongnam', caseId, ['sponsor_introduction', 'background_verification', 'opinions', 'cell_resolution']);

    setToday('2026-03-10');
    // 4 of 7 is short of two-thirds: refused unless a leader overrides in writing.
    const failed = await t.run('cb.phuongnam', async () =>
      applyTransition({ caseId, version: (await caseState(caseId)).version, transition: 'cellResolve', votesFor: 4, eligible: 7, sponsors: ['Tạ Văn Hiếu'] }).catch((e) => e),
    );
    assert.ok(failed instanceof ChecksFailedError);
    assert.deepEqual(
      failed.failures.map((f: { check: string }) => f.check),
      ['cellVote'],
    );
    assert.equal(await step('cb.phuongnam', caseId, { transition: 'cellResolve', votesFor: 5, eligible: 7, sponsors: ['Tạ Văn Hiếu'] }), 'committee_review');

    // The ward committee returns it with a reason; the reason is visible below.
    await expectRefused(t, 'p4.leader', async () => applyTransition({ caseId, version: (await caseState(caseId)).version, transition: 'return' }), 'invalid');
    assert.equal(await step('p4.leader', caseId, { transition: 'return', reason: 'Thiếu ý kiến nhận xét của nơi cư trú' }), 'cell_review');
    const returned = await t.run('cd.viethan', () => getCase(caseId));
    assert.equal(returned.lastReturnReason, 'Thiếu ý kiến nhận xét của nơi cư trú');
    assert.equal(returned.round, 2);

    assert.equal(
      await step('cb.phuongnam', caseId, {
        transition: 'cellResolve',
        votesFor: 4,
        eligible: 7,
        sponsors: ['Tạ Văn Hiếu'],
        overrides: { cellVote: 'Hai đảng viên vắng có lý do đã gửi ý kiến đồng ý bằng văn bản' },
      }),
      'committee_review',
    );
    setToday('2026-03-16');
    await attach('p4.leader', caseId, ['committee_resolution']);
    assert.equal(await step('p4.leader', caseId, { transition: 'committeeEndorse', votesFor: 7, eligible: 9 }), 'decision_pending');
    const due = (await t.run('mytho.leader', () => listInbox())).items[0];
    assert.equal(due.id, caseId);
    assert.equal(due.dueOn, '2026-06-05'); // 60 working days after 10/03/2026 (30/4, 1/5 and Hùng Kings' day off)
    setToday('2026-04-02');
    await attach('mytho.leader', caseId, ['admission_decision']);
    assert.equal(await step('mytho.leader', caseId, { transition: 'decide', decisionNo: '245-QĐ/TU' }), 'ceremony_pending');
    setToday('2026-04-20');
    // The person works at Việt Hàn (its union referred them), though admitted in Phương Nam's cell.
    await ensureEnterprises(
      t.db,
      DEMO_ENTERPRISES.filter((e) => e.name.includes('Việt Hàn') || e.name.includes('Phương Nam')),
    );
    assert.equal(await step('cb.phuongnam', caseId, { transition: 'recordCeremony' }), 'probation');
    const [member] = rowsOf<{ enterprise: string; cell: string }>(
      await t.db.execute(
        sql`select e.name as enterprise, u.code as cell from party_members m join enterprises e on e.id = m.enterprise_id join units u on u.id = m.cell_unit_id where m.admission_case_id = ${caseId}`,
      ),
    );
    assert.deepEqual(member, { enterprise: 'Công ty TNHH Điện tử Việt Hàn', cell: 'TG-MYTHO-P4-PHUONGNAM' });

    // Probation lasts 12 months: recognition cannot open before it ends.
    const early = await t.run('cb.phuongnam', async () => applyTransition({ caseId, version: (await caseState(caseId)).version, transition: 'openRecognition' }).catch((e) => e));
    assert.ok(early instanceof ChecksFailedError);
    setToday('2027-04-20');
    assert.equal(await step('cb.phuongnam', caseId, { transition: 'openRecognition' }), 'recognition_cell_review');
    await attach('cb.phuongnam', caseId, ['probation_report', 'recognition_resolution']);
    assert.equal(await step('cb.phuongnam', caseId, { transition: 'cellResolveRecognition', votesFor: 6, eligible: 7 }), 'recognition_committee_review');
    assert.equal(await step('p4.leader', caseId, { transition: 'committeeEndorseRecognition', votesFor: 8, eligible: 9 }), 'recognition_decision_pending');
    await attach('mytho.leader', caseId, ['recognition_decision']);
    assert.equal(await step('mytho.leader', caseId, { transition: 'decideRecognition', decisionNo: '512-QĐ/TU' }), 'official');

    const done = await t.run('mytho.leader', () => getCase(caseId));
    assert.deepEqual(done.actions, []);
    assert.deepEqual(
      done.timeline.map((e) => `${e.round}:${e.transition}`),
      [
        '1:submit',
        '1:accept',
        '1:cellResolve',
        '1:return',
        '2:cellResolve',
        '2:committeeEndorse',
        '2:decide',
        '2:recordCeremony',
        '2:openRecognition',
        '2:cellResolveRecognition',
        '2:committeeEndorseRecognition',
        '2:decideRecognition',
      ],
    );
    assert.equal(done.timeline[4].overrides[0].check, 'cellVote');
    const [{ n }] = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from audit_log where entity = 'admission_case' and entity_id = ${String(caseId)} and action like 'admission.%' and action not like 'admission.attach'`,
      ),
    );
    assert.equal(Number(n), 13); // the referral and its 12 steps
  });
});

describe('who is refused, with nothing changed', () => {
  let caseId: number;
  before(async () => {
    setToday('2026-05-04');
    ({ caseId } = await newReferral('Trần Thị Bích'));
    await attach('cd.viethan', caseId, ['awareness_certificate', 'application', 'personal_history', 'branch_resolution']);
    await step('cd.viethan', caseId, { transition: 'submit' });
    await step('cb.phuongnam', caseId, { transition: 'accept' });
  });

  const refusals: [string, string, TransitionInput['transition'], ('not_found' | 'forbidden')[]][] = [
    ['the union officer who referred the person tries to resolve for the cell', 'cd.viethan', 'cellResolve', ['forbidden']],
    ['a union officer of another enterprise', 'cd.mekong', 'cellResolve', ['not_found']],
    ['another cell’s leader', 'cb.mekong', 'cellResolve', ['not_found']],
    ['a sibling ward’s leader (who sees the referring branch)', 'p6.leader', 'cellResolve', ['forbidden']],
    ['the ward committee leader taking the cell’s step', 'p4.leader', 'cellResolve', ['forbidden']],
    ['the deciding level’s leader deciding out of turn', 'mytho.leader', 'decide', ['forbidden']],
    ['an officer (not leader) of the deciding level', 'mytho.officer', 'reject', ['forbidden']],
    ['another district’s admin', 'chauthanh.admin', 'reject', ['not_found']],
  ];
  for (const [who, username, transition, codes] of refusals) {
    test(who, async () => {
      const { version } = await caseState(caseId);
      await expectRefused(t, username, () => applyTransition({ caseId, version, transition, votesFor: 7, eligible: 7, sponsors: ['A', 'B'], reason: 'x', decisionNo: '1' }), codes);
    });
  }
  test('a union officer cannot attach papers once the case is with the cell; outsiders cannot open it', async () => {
    await expectRefused(t, 'cd.viethan', () => attachDocument({ caseId, kind: 'opinions', title: 'x', files: [SCAN_PDF] }), 'forbidden');
    await expectRefused(t, 'cb.mekong', () => getCase(caseId), 'not_found');
    await expectRefused(t, 'khoi.admin', () => getCase(caseId), 'not_found');
  });
  test('two clicks on the same version: exactly one step happens, the other is told who handled it', async () => {
    await attach('cb.phuongnam', caseId, ['sponsor_introduction', 'background_verification', 'opinions', 'cell_resolution']);
    const { version } = await caseState(caseId);
    const results = await Promise.allSettled([
      t.run('cb.phuongnam', () => applyTransition({ caseId, version, transition: 'cellResolve', votesFor: 7, eligible: 7, sponsors: ['A'] })),
      t.run('cb.phuongnam', () => applyTransition({ caseId, version, transition: 'return', reason: 'Bổ sung lý lịch' })),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal(rejected.reason.code, 'conflict');
    assert.equal(rejected.reason.key, 'admission.alreadyHandled');
    assert.equal(rejected.reason.params.name, 'Tạ Văn Hiếu');
    assert.equal((await caseState(caseId)).version, version + 1);
  });
  test('a referral by someone who is not a union or youth branch is refused', async () => {
    const cellUnitId = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    await expectDalError(
      t.run('p4.officer', () => createReferral({ fullName: 'X', birthDate: '1990-01-01', gender: 'male', workplace: 'Y', cellUnitId })),
      'forbidden',
    );
  });
  test('admission.refer: the editors of a union or youth branch, and no one else, refer and search the cells to refer to', async () => {
    const branch = await t.unitId('TG-CD-VIETHAN');
    await t.run('mytho.admin', () => createUser({ username: 'cd.viethan.viewer', fullName: 'Lê Văn Xem', unitId: branch, role: 'viewer', password: 'MatKhauMoi@2027' }));
    const cellUnitId = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    for (const who of ['cd.viethan.viewer', 'cb.phuongnam', 'mytho.admin']) {
      await expectRefused(t, who, () => createReferral({ fullName: 'X', birthDate: '1990-01-01', gender: 'male', workplace: 'Y', cellUnitId }), 'forbidden');
      await expectRefused(t, who, () => searchReferralCells(''), 'forbidden');
      await expectRefused(t, who, () => assertCanRefer(), 'forbidden');
    }
    await t.run('dtn.longgiang', () => assertCanRefer());
    assert.ok((await t.run('cd.viethan', () => searchReferralCells('phuong nam'))).some((c) => Number(c.value) === cellUnitId));
  });
});
