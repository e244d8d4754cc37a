import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { priorityScore, rankByReadiness, workforceBand, type ReadinessFacts } from './readiness';

const firm = (name: string, over: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  id: name.length,
  name,
  officialMembers: 0,
  workforce: 100,
  inZone: false,
  foreignInvested: false,
  hasTradeUnion: false,
  ...over,
});

describe('readiness ranking of enterprises without a party organisation', () => {
  test('workforce bands', () => {
    for (const [w, band] of [
      [0, 0],
      [49, 0],
      [50, 1],
      [299, 1],
      [300, 2],
      [999, 2],
      [1000, 3],
      [25_000, 3],
    ] as const)
      assert.equal(workforceBand(w), band, String(w));
  });

  test('the priority score adds zone, FDI and union to the workforce band', () => {
    assert.equal(priorityScore(firm('a', { workforce: 1200, inZone: true, foreignInvested: true, hasTradeUnion: true })), 6);
    assert.equal(priorityScore(firm('b', { workforce: 10 })), 0);
  });

  test('enterprises with enough official members to found a cell come first, whatever their size', () => {
    const ranked = rankByReadiness(
      [firm('Lớn', { officialMembers: 2, workforce: 5000, inZone: true, foreignInvested: true, hasTradeUnion: true }), firm('Nhỏ', { officialMembers: 3, workforce: 20 })],
      3,
    );
    assert.deepEqual(
      ranked.map((r) => [r.name, r.ready, r.rank]),
      [
        ['Nhỏ', true, 1],
        ['Lớn', false, 2],
      ],
    );
  });

  test('the minimum comes from the rule set: with 2 required, two members are ready', () => {
    assert.equal(rankByReadiness([firm('x', { officialMembers: 2 })], 2)[0].ready, true);
    assert.equal(rankByReadiness([firm('x', { officialMembers: 2 })], 3)[0].ready, false);
  });

  test('then more members, then the priority score, then workforce, then name', () => {
    const ranked = rankByReadiness(
      [
        firm('E', { officialMembers: 1, workforce: 400 }),
        firm('D', { officialMembers: 1, workforce: 400, inZone: true }),
        firm('C', { officialMembers: 2 }),
        firm('B', { officialMembers: 1, workforce: 450, inZone: true }),
        firm('A', { officialMembers: 1, workforce: 400 }),
        firm('F', { officialMembers: 0, workforce: 3000, inZone: true, foreignInvested: true, hasTradeUnion: true }),
      ],
      3,
    );
    assert.deepEqual(
      ranked.map((r) => r.name),
      ['C', 'B', 'D', 'A', 'E', 'F'],
    );
    assert.deepEqual(
      ranked.map((r) => r.rank),
      [1, 2, 3, 4, 5, 6],
    );
  });
});
