import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarOf } from '@/lib/rules/working-days';
import { actingRoles, deadlineReminder, dueSoonUntil, recipientsOf, REMINDER_LEAD_WORKING_DAYS } from './reminders';
import { digestMail } from './digest-mail';

// 2024: Monday 29/04 to Wednesday 01/05 off, Saturday 04/05 worked (the swap of that year).
const cal = calendarOf([{ date: '2024-04-29' }, { date: '2024-04-30' }, { date: '2024-05-01' }, { date: '2024-05-04', kind: 'working_day' }]);

describe('reminder lead time in working days', () => {
  test('the lead time is three working days', () => assert.equal(REMINDER_LEAD_WORKING_DAYS, 3));
  for (const [today, until, why] of [
    ['2024-05-06', '2024-05-09', 'Monday: Thursday'],
    ['2024-05-08', '2024-05-13', 'Wednesday: over the weekend to Monday'],
    ['2024-04-26', '2024-05-04', 'Friday before the holidays: the make-up Saturday is the third working day'],
    ['2024-05-02', '2024-05-06', 'Thursday: Friday, the worked Saturday, Monday'],
  ] as const) {
    test(why, () => assert.equal(dueSoonUntil(today, cal), until));
  }
  const table: [string | null, string, 'overdue' | 'due_soon' | null][] = [
    [null, '2024-05-06', null],
    ['2024-05-03', '2024-05-06', 'overdue'],
    ['2024-05-06', '2024-05-06', 'due_soon'],
    ['2024-05-09', '2024-05-06', 'due_soon'],
    ['2024-05-10', '2024-05-06', null],
    ['2024-05-04', '2024-04-26', 'due_soon'],
    ['2024-05-06', '2024-04-26', null],
  ];
  for (const [due, today, expected] of table) {
    test(`due ${due} on ${today}: ${expected}`, () => assert.equal(deadlineReminder(due, today, cal), expected));
  }
});

describe('who is reminded', () => {
  test('a referral draft: the branch officers, leaders and admins (who may edit), never viewers', () => {
    assert.deepEqual(recipientsOf('referral_draft'), { caseRole: 'referrer', roles: ['officer', 'leader', 'admin'] });
  });
  test('a step to take (approval): leaders only', () => {
    assert.deepEqual(recipientsOf('cell_review'), { caseRole: 'cell', roles: ['leader'] });
    assert.deepEqual(recipientsOf('decision_pending'), { caseRole: 'decider', roles: ['leader'] });
    assert.deepEqual(actingRoles('committee', 'committee_review'), ['leader']);
  });
  test('closed cases remind nobody', () => {
    for (const s of ['official', 'removed', 'rejected'] as const) assert.equal(recipientsOf(s), null);
  });
  test('a unit that does not own the state is not reminded of it', () => {
    assert.deepEqual(actingRoles('referrer', 'cell_review'), []);
  });
});

describe('the digest e-mail', () => {
  test('Vietnamese, dates dd/mm/yyyy, each case with its address and the reason it was returned', () => {
    const mail = digestMail({
      fullName: 'Mai Văn Tâm',
      today: '2024-05-06',
      origin: 'https://hatnhan.example.vn',
      unread: [{ caseId: 12, fullName: 'Đoàn Thị Xuân', state: 'referral_draft', dueOn: null, kind: 'returned', note: 'Bổ sung lý lịch' }],
      awaiting: [{ caseId: 12, fullName: 'Đoàn Thị Xuân', state: 'referral_draft', dueOn: '2024-05-09' }],
      awaitingTotal: 1,
    });
    assert.equal(mail.subject, 'Hạt nhân: nhắc việc ngày 06/05/2024');
    assert.match(mail.text, /Kính gửi đồng chí Mai Văn Tâm,/);
    assert.match(mail.text, /Hồ sơ bị trả lại để bổ sung — Đoàn Thị Xuân — Nháp giới thiệu/);
    assert.match(mail.text, /Lý do trả lại: Bổ sung lý lịch/);
    assert.match(mail.text, /Đoàn Thị Xuân — Nháp giới thiệu \(hạn 09\/05\/2024\)/);
    assert.match(mail.text, /https:\/\/hatnhan\.example\.vn\/cases\/12/);
    assert.match(mail.text, /https:\/\/hatnhan\.example\.vn\/profile/);
  });
});
