import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { translate, type Locale } from '@/lib/i18n/messages';
import type { T } from '@/lib/i18n/server';
import { actionLabel, AUDIT_ACTIONS, changeLines, isAuditAction, unitIdsOf } from './changes';

const tOf =
  (locale: Locale): T =>
  (key, params) =>
    translate(locale, key, params);
const units = new Map([
  [4, 'Đảng ủy Phường 4'],
  [9, 'Chi bộ Công ty TNHH May Phương Nam'],
]);
const ctx = (locale: Locale = 'vi') => ({ t: tOf(locale), unitName: (id: number) => units.get(id) });
const rows = (lines: { field: string; before: string; after: string }[]) => lines.map((l) => [l.field, l.before, l.after]);

describe('changeLines', () => {
  const cases: { name: string; action: string; before: unknown; after: unknown; vi: string[][]; en?: string[][] }[] = [
    {
      name: 'a rename lists only the changed field, with its Vietnamese name',
      action: 'unit.update',
      before: { name: 'Chi bộ số 22', code: 'TG-22', description: null },
      after: { name: 'Chi bộ số 23', code: 'TG-22', description: null, effectiveOn: '2027-01-15' },
      vi: [
        ['Tên', 'Chi bộ số 22', 'Chi bộ số 23'],
        ['Ngày hiệu lực', '—', '15/01/2027'],
      ],
      en: [
        ['Name', 'Chi bộ số 22', 'Chi bộ số 23'],
        ['Effective on', '—', '15/01/2027'],
      ],
    },
    {
      name: 'a step with no overridden checks shows no "— → —" row for them',
      action: 'admission.return',
      before: { state: 'committee_review' },
      after: { state: 'cell_review', overrides: [] },
      vi: [['Trạng thái', 'Chờ đảng ủy cơ sở', 'Chi bộ đang xem xét']],
    },
    {
      name: 'an admission step: states by their labels, the version left out',
      action: 'admission.decide',
      before: { state: 'decision_pending', version: 4 },
      after: { state: 'ceremony_pending', version: 5, effectiveOn: '2026-11-11' },
      vi: [
        ['Trạng thái', 'Chờ quyết định kết nạp', 'Chờ lễ kết nạp'],
        ['Ngày hiệu lực', '—', '11/11/2026'],
      ],
      en: [
        ['State', 'Awaiting the admission decision', 'Awaiting the ceremony'],
        ['Effective on', '—', '11/11/2026'],
      ],
    },
    {
      name: 'units by name (an id out of the map stays an id), roles by label',
      action: 'user.update',
      before: { fullName: 'Bùi Thị Mỹ Linh', unitId: 4, role: 'officer' },
      after: { fullName: 'Bùi Thị Mỹ Linh', unitId: 77, role: 'leader' },
      vi: [
        ['Đơn vị', 'Đảng ủy Phường 4', '#77'],
        ['Vai trò', 'Cán bộ nghiệp vụ', 'Lãnh đạo'],
      ],
    },
    {
      name: 'a creation lists what was recorded; derived fields hidden; booleans, numbers and enums read',
      action: 'enterprise.create',
      before: null,
      after: { name: 'Công ty TNHH May Phương Nam', searchName: 'cong ty tnhh may phuong nam', type: 'llc', workforce: 1147, foreignInvested: false, partyUnitId: 9, status: 'operating' },
      vi: [
        ['Tên', '—', 'Công ty TNHH May Phương Nam'],
        ['Loại hình', '—', 'Công ty TNHH'],
        ['Số lao động', '—', '1.147'],
        ['Có vốn đầu tư nước ngoài', '—', 'Không'],
        ['Tổ chức đảng', '—', 'Chi bộ Công ty TNHH May Phương Nam'],
        ['Tình trạng', '—', 'Đang hoạt động'],
      ],
    },
    {
      name: 'the same field name reads by its area (a member status, a founding state)',
      action: 'member.end',
      before: { status: 'active' },
      after: { status: 'deceased', effectiveOn: '2026-02-01', note: '' },
      vi: [
        ['Tình trạng', 'Đang sinh hoạt', translate('vi', 'members.status.deceased')],
        ['Ngày hiệu lực', '—', '01/02/2026'],
      ],
    },
    {
      name: 'nothing recorded: no lines',
      action: 'auth.login',
      before: null,
      after: null,
      vi: [],
    },
    {
      name: 'an unknown value of an enum field is shown as it is',
      action: 'admission.accept',
      before: { state: 'someday' },
      after: { state: 'referred' },
      vi: [['Trạng thái', 'someday', 'Đã giới thiệu, chờ chi bộ tiếp nhận']],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(rows(changeLines(c.action, c.before, c.after, ctx('vi'))), c.vi);
      if (c.en) assert.deepEqual(rows(changeLines(c.action, c.before, c.after, ctx('en'))), c.en);
    });
  }

  test('every field the data layer writes today has a label in both languages', () => {
    const fields = [
      'name',
      'code',
      'description',
      'effectiveOn',
      'parentId',
      'fullName',
      'unitId',
      'role',
      'state',
      'reason',
      'taxCode',
      'type',
      'managingUnitId',
      'occupation',
      'cardNo',
      'officialOn',
      'cellUnitId',
      'transferToUnitId',
      'value',
      'measure',
    ];
    for (const f of fields) {
      const [line] = changeLines('x.y', { [f]: 1 }, { [f]: 2 }, ctx('vi'));
      assert.notEqual(line.field, f, `${f} has a Vietnamese label`);
      const [en] = changeLines('x.y', { [f]: 1 }, { [f]: 2 }, ctx('en'));
      assert.notEqual(en.field, f, `${f} has an English label`);
    }
  });
});

describe('actions', () => {
  test('labels: an own label, an admission step by its transition, an unknown code as it is', () => {
    const t = tOf('vi');
    assert.equal(actionLabel(t, 'unit.create'), 'Thêm đơn vị');
    assert.equal(actionLabel(t, 'admission.accept'), 'Tiếp nhận');
    assert.equal(actionLabel(t, 'admission.create'), 'Lập hồ sơ giới thiệu');
    assert.equal(actionLabel(t, 'made.up'), 'made.up');
  });
  test('the filter knows the actions the log records, and nothing else', () => {
    for (const a of ['unit.update', 'admission.decide', 'user.create', 'target.set']) assert.ok(isAuditAction(a), a);
    assert.ok(!isAuditAction('unit.forged'));
    assert.equal(new Set(AUDIT_ACTIONS).size, AUDIT_ACTIONS.length);
  });
});

describe('unitIdsOf', () => {
  test('the unit ids named by the entries, once each', () => {
    assert.deepEqual(
      unitIdsOf([
        { before: { unitId: 4, role: 'officer' }, after: { unitId: 9 } },
        { before: null, after: { partyUnitId: 9, workforce: 30, tradeUnionUnitId: null } },
      ]).sort(),
      [4, 9],
    );
  });
});
