import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { expectRefused, registerTestDb } from '@/lib/test/db';
import { createReferral, type CreateReferralInput } from './referrals';
import { createMember, type CreateMemberInput } from './members';

/** The one duplicate-person check (lib/dal/people.ts), through every way a person enters: a referral and a member registered by hand. */

const t = registerTestDb();

const NAME_NFC = 'Phạm Thị Hồng Nhung';
const NAME_NFD = NAME_NFC.normalize('NFD');

async function referral(over: Partial<CreateReferralInput> = {}): Promise<CreateReferralInput> {
  return {
    fullName: NAME_NFC,
    birthDate: '1998-04-21',
    gender: 'female',
    workplace: 'Công ty TNHH Thực phẩm Mekong',
    cellUnitId: await t.unitId('TG-MYTHO-MEKONG'),
    ...over,
  };
}

async function member(over: Partial<CreateMemberInput> = {}): Promise<CreateMemberInput> {
  return {
    fullName: 'Lương Văn Thành',
    birthDate: '1985-09-02',
    gender: 'male',
    cellUnitId: await t.unitId('TG-CHAUTHANH-TANHUONG-KCN'),
    occupation: 'direct_worker',
    admittedOn: '2012-03-03',
    ...over,
  };
}

const casesOf = async (key: string) =>
  Number(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from admission_cases c join persons p on p.id = c.person_id where p.search_name = ${key}`))[0].n);

describe('one duplicate-person check, across the whole country', () => {
  test('the same referral saved twice (NFC, then NFD) is flagged, naming the open case to the branch that can see it', async () => {
    const first = await t.run('cd.mekong', async () => createReferral(await referral()));
    const err = await expectRefused(t, 'cd.mekong', async () => createReferral(await referral({ fullName: NAME_NFD })), 'invalid');
    assert.deepEqual(err.fieldErrors, { confirmNotDuplicate: 'people.sameName.case' });
    assert.equal(err.fieldParams?.confirmNotDuplicate.name, NAME_NFC);
    assert.equal(err.fieldParams?.confirmNotDuplicate.id, first.caseId);
    assert.equal(err.fieldParams?.confirmNotDuplicate.birthDate, '21/04/1998');
    assert.equal(await casesOf('pham thi hong nhung'), 1, 'one case, not two');
  });

  test('a person referred in one district who is a member in another is flagged without a word of who or where', async () => {
    await t.run('chauthanh.admin', async () => createMember(await member({ nationalId: '082085004321' })));
    // Mỹ Tho's union branch cannot see Châu Thành's members: it learns only that a record exists elsewhere.
    const byName = await expectRefused(t, 'cd.mekong', async () => createReferral(await referral({ fullName: 'LƯƠNG VĂN THÀNH', birthDate: '1985-09-02', gender: 'male' })), 'invalid');
    assert.deepEqual(byName.fieldErrors, { confirmNotDuplicate: 'people.sameName.elsewhere' });
    assert.deepEqual(byName.fieldParams?.confirmNotDuplicate, {});
    assert.ok(!JSON.stringify(byName).includes('Tân Hương') && !JSON.stringify(byName).includes('082085004321'), 'nothing of the match leaks');
    const byId = await expectRefused(
      t,
      'cd.mekong',
      async () => createReferral(await referral({ fullName: 'Người Khác Hẳn', nationalId: '082085004321', birthDate: '1985-09-02', gender: 'male' })),
      'invalid',
    );
    assert.deepEqual(byId.fieldErrors, { nationalId: 'people.sameId.elsewhere' });
    assert.deepEqual(byId.fieldParams?.nationalId, {});
    // Confirmed as someone else (a namesake): the referral goes through; the same CCCD never does.
    await t.run('cd.mekong', async () => createReferral(await referral({ fullName: 'Lương Văn Thành', birthDate: '1985-09-02', gender: 'male', confirmNotDuplicate: true })));
    await expectRefused(
      t,
      'cd.mekong',
      async () => createReferral(await referral({ fullName: 'Người Khác Hẳn', nationalId: '082085004321', birthDate: '1985-09-02', gender: 'male', confirmNotDuplicate: true })),
      'invalid',
    );
  });

  test('a member registered in another district under the same name is flagged; one the user sees is named', async () => {
    const elsewhere = await expectRefused(t, 'cb.phuongnam', async () => createMember(await member({ cellUnitId: await t.unitId('TG-MYTHO-P4-PHUONGNAM') })), 'invalid');
    assert.deepEqual(elsewhere.fieldErrors, { confirmNotDuplicate: 'people.sameName.elsewhere' });
    // Within Châu Thành's own scope, the match is named (the member and the cell).
    const here = await expectRefused(t, 'chauthanh.admin', async () => createMember(await member()), 'invalid');
    assert.deepEqual(here.fieldErrors, { confirmNotDuplicate: 'people.sameName.member' });
    assert.equal(here.fieldParams?.confirmNotDuplicate.unit, 'Chi bộ Công ty TNHH Bao bì Tân Hương');
    const sameId = await expectRefused(t, 'chauthanh.admin', async () => createMember(await member({ fullName: 'Tên Khác', nationalId: '082085004321' })), 'invalid');
    assert.deepEqual(sameId.fieldErrors, { nationalId: 'people.sameId.member' });
  });
});
