import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import { MAX_PARTNER_COUNT, normalisePartners, partnersText } from './survey-partners';

test('normalisePartners keeps each partner once, in the usual order, without zeros; refuses the rest', () => {
  const cases: [unknown[], unknown][] = [
    [[], { partners: [] }],
    [
      [
        { kind: 'tax_office', count: 1 },
        { kind: 'ward_committees', count: 14 },
      ],
      {
        partners: [
          { kind: 'ward_committees', count: 14 },
          { kind: 'tax_office', count: 1 },
        ],
      },
    ],
    [[{ kind: 'youth_union', count: 0 }], { partners: [] }],
    [[{ kind: 'ward_committees', count: MAX_PARTNER_COUNT }], { partners: [{ kind: 'ward_committees', count: MAX_PARTNER_COUNT }] }],
    [[{ kind: 'ward_committees', count: MAX_PARTNER_COUNT + 1 }], { problem: 'errors.partnerCount', kind: 'ward_committees' }],
    [[{ kind: 'tax_office', count: -1 }], { problem: 'errors.partnerCount', kind: 'tax_office' }],
    [[{ kind: 'tax_office', count: 2.5 }], { problem: 'errors.partnerCount', kind: 'tax_office' }],
    [[{ kind: 'tax_office', count: Number.NaN }], { problem: 'errors.partnerCount', kind: 'tax_office' }],
    [[{ kind: 'police', count: 1 }], { problem: 'errors.partnerKind', kind: 'police' }],
    [
      [
        { kind: 'tax_office', count: 1 },
        { kind: 'tax_office', count: 0 },
      ],
      { problem: 'errors.partnerDuplicate', kind: 'tax_office' },
    ],
  ];
  for (const [input, expected] of cases) assert.deepEqual(normalisePartners(input as never), expected, JSON.stringify(input));
});

test('partnersText names one body by its name and several with their number, in Vietnamese and English', () => {
  const vi = (k: MessageKey, p?: Record<string, string | number>) => translate('vi', k, p);
  const en = (k: MessageKey, p?: Record<string, string | number>) => translate('en', k, p);
  const demo = [
    { kind: 'ward_committees', count: 14 },
    { kind: 'tax_office', count: 1 },
    { kind: 'social_insurance', count: 1 },
  ] as const;
  assert.equal(partnersText(vi, demo), '14 Đảng ủy phường, xã · Cơ quan thuế · Bảo hiểm xã hội');
  assert.equal(partnersText(en, demo), '14 ward and commune committees · Tax office · Social insurance office');
  assert.equal(
    partnersText(vi, [
      { kind: 'labour_federation', count: 2 },
      { kind: 'youth_union', count: 0 },
    ]),
    '2 Liên đoàn Lao động',
  );
  assert.equal(partnersText(vi, []), '');
});
