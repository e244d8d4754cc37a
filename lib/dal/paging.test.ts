import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { decodeCursor, encodeCursor, keyset, type SortKey } from './paging';
import { containing } from './pick';

const dialect = new PgDialect();
const render = (q: ReturnType<typeof sql>) => dialect.sqlToQuery(q);

describe('cursors', () => {
  test('round-trip the key values of their columns', () => {
    const values = ['Nguyễn Thị Hồng Nhung', 42];
    assert.deepEqual(decodeCursor(encodeCursor(values), ['text', 'integer']), values);
    assert.deepEqual(decodeCursor(encodeCursor(['infinity', -7]), ['date', 'integer']), ['infinity', -7]);
    assert.deepEqual(decodeCursor(encodeCursor([true, '1.4.17', 'An', 3]), ['boolean', 'ltree', 'text', 'integer']), [true, '1.4.17', 'An', 3]);
  });

  const forged: [string, string | undefined][] = [
    ['nothing', undefined],
    ['empty', ''],
    ['not base64 json', '%%%'],
    ['a number where a name goes', encodeCursor([1, 2])],
    ['too few values', encodeCursor(['a'])],
    ['too many values', encodeCursor(['a', 1, 2])],
    ['a null', encodeCursor([null as unknown as string, 1])],
    ['a fraction for an id', encodeCursor(['a', 1.5])],
    ['an id beyond integer', encodeCursor(['a', 2 ** 40])],
    ['SQL in a date', encodeCursor(["2026-01-01'; drop table units; --", 1])],
    ['a path with letters', encodeCursor(['1.a', 1])],
    ['very long', 'A'.repeat(5000)],
    ['a NUL in a name', encodeCursor(['\u0000', 1])],
    ['a date in year 0', encodeCursor(['0000-01-01', 1])],
  ];
  for (const [label, cursor] of forged)
    test(`a forged cursor (${label}) is no cursor: the first page`, () => {
      const types =
        label.startsWith('SQL') || label.includes('year 0') ? (['date', 'integer'] as const) : label.startsWith('a path') ? (['ltree', 'integer'] as const) : (['text', 'integer'] as const);
      assert.equal(decodeCursor(cursor, types), null);
    });

  // A log's cursor holds the time PostgreSQL wrote; one PostgreSQL cannot read made /audit answer 500.
  const forgedTimes: [string, string][] = [
    ['month 13, day 45, 25:61:61', '2026-13-45 25:61:61+07'],
    ['30 February', '2026-02-30 00:00:00+07'],
    ['year 0', '0000-01-01 00:00:00+00'],
    ['an offset of 20 hours', '2026-01-01 00:00:00+20'],
    ['an offset of 99 minutes', '2026-01-01 00:00:00+07:99'],
  ];
  for (const [label, at] of forgedTimes)
    test(`a forged time (${label}) is no cursor: the first page`, () => {
      assert.equal(decodeCursor(encodeCursor([at, 1]), ['timestamptz', 'integer']), null);
    });

  test('a time as PostgreSQL writes it is a cursor', () => {
    for (const at of ['2026-12-01 16:52:03.123456+07', '2024-02-29 23:59:59+00', '2026-06-30 00:00:00-03:30', '1900-01-01 00:00:00+07:06:40', '2026-01-01T00:00:00Z'])
      assert.deepEqual(decodeCursor(encodeCursor([at, 7]), ['timestamptz', 'integer']), [at, 7]);
  });
});

describe('keyset', () => {
  const key: SortKey<{ id: number; name: string }> = {
    columns: [
      [sql`(name collate "und-x-icu")`, 'text'],
      [sql`id`, 'integer'],
    ],
    direction: 'asc',
    values: (r) => [r.name, r.id],
  };
  const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: from + i, name: `N${from + i}` }));

  test('the first page: no condition, one row more than the page to know another follows', () => {
    const ks = keyset(key, { size: 3 });
    assert.equal(ks.where, undefined);
    assert.equal(ks.limit, 4);
    const page = ks.finish(rows(4), (r) => r.id, { total: 10, totalCapped: false });
    assert.deepEqual(page.items, [1, 2, 3]);
    assert.equal(page.prev, null);
    assert.deepEqual(decodeCursor(page.next!, ['text', 'integer']), ['N3', 3]);
  });

  test('a later page starts after the cursor, with the values as parameters cast to their columns', () => {
    const ks = keyset(key, { after: encodeCursor(['N3', 3]), size: 3 });
    const q = render(ks.where!);
    assert.match(q.sql, /\(\(name collate "und-x-icu"\), id\) > \(\$1::text, \$2::integer\)/);
    assert.deepEqual(q.params, ['N3', 3]);
    const last = ks.finish(rows(2, 4), (r) => r.id, { total: 5, totalCapped: false });
    assert.deepEqual(last.items, [4, 5]);
    assert.equal(last.next, null, 'the last page has no next');
    assert.deepEqual(decodeCursor(last.prev!, ['text', 'integer']), ['N4', 4]);
  });

  test('a page backwards reads in reverse and is turned around', () => {
    const ks = keyset(key, { before: encodeCursor(['N4', 4]), size: 3 });
    assert.match(render(ks.where!).sql, /\) < \(/);
    assert.match(render(ks.orderBy[0]).sql, /desc$/);
    const page = ks.finish(
      [
        { id: 3, name: 'N3' },
        { id: 2, name: 'N2' },
        { id: 1, name: 'N1' },
      ],
      (r) => r.id,
      { total: 5, totalCapped: false },
    );
    assert.deepEqual(page.items, [1, 2, 3]);
    assert.equal(page.prev, null, 'nothing before the first row');
    assert.ok(page.next);
  });

  test('page sizes stay between 1 and 100', () => {
    assert.equal(keyset(key, { size: 10_000 }).limit, 101);
    assert.equal(keyset(key, { size: 0 }).limit, 2);
  });
});

test("a LIKE pattern takes the user's %, _ and \\ literally", () => {
  assert.equal(containing('nguyen van'), '%nguyen van%');
  assert.equal(containing('100%_a\\b'), '%100\\%\\_a\\\\b%');
});
