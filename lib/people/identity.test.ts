import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cccdProblem, maskCccd, NAME_LETTERS, namePrefixRange, normalizeName, searchKey } from './identity';

describe('names', () => {
  test('a decomposed (NFD) name is stored composed (NFC)', () => {
    const nfd = 'Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng'; // as some keyboards send it
    assert.notEqual(nfd, 'Nguyễn Thị Hồng');
    assert.equal(normalizeName(`  ${nfd}   `), 'Nguyễn Thị Hồng');
    assert.equal(normalizeName(nfd).length, 'Nguyễn Thị Hồng'.length);
  });
  for (const [name, key] of [
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['ĐẶNG QUỐC BẢO', 'dang quoc bao'],
    ['Nguye\u0302\u0303n', 'nguyen'],
    ['Lý  Thị   Kim Oanh', 'ly thi kim oanh'],
  ]) {
    test(`search key of "${name}" is "${key}"`, () => assert.equal(searchKey(name), key));
  }
});

describe('CCCD', () => {
  const cases: [id: string, person: Parameters<typeof cccdProblem>[1], expected: ReturnType<typeof cccdProblem>][] = [
    ['082095001234', undefined, null], // Tiền Giang, male born 1995
    ['082095001234', { birthDate: '1995-03-02', gender: 'male' }, null],
    ['082195001234', { birthDate: '1995-03-02', gender: 'female' }, null],
    ['082203001234', { birthDate: '2003-07-15', gender: 'male' }, null],
    ['082303001234', { birthDate: '2003-07-15', gender: 'female' }, null],
    ['082095001234', { birthDate: '1996-03-02' }, 'birthYear'],
    ['082095001234', { birthDate: '2095-03-02' }, 'birthYear'],
    ['082095001234', { gender: 'female' }, 'gender'],
    ['08209500123', undefined, 'format'], // 11 digits
    ['0820950012345', undefined, 'format'], // 13 digits
    ['08209500123A', undefined, 'format'],
    ['003095001234', undefined, 'province'], // 003 is no province code
    ['099095001234', undefined, 'province'],
    ['082 095 001 234', { birthDate: '1995-01-01', gender: 'male' }, null], // spaces as typed
  ];
  for (const [id, person, expected] of cases) {
    test(`${id} ${JSON.stringify(person ?? {})} → ${expected ?? 'valid'}`, () => assert.equal(cccdProblem(id, person), expected));
  }
  test('lists show only the last four digits', () => {
    assert.equal(maskCccd('082095001234'), '••••••••1234');
    assert.equal(maskCccd(null), '');
  });
});

describe('names in list order', () => {
  test('the name letters: Latin, đ and the 72 toned vowels, in both cases', () => {
    assert.equal(NAME_LETTERS.length, (26 + 1 + 72 - 6) * 2 - 0); // a e i o u y are both Latin letters and toneless vowels
    for (const c of ['a', 'Ă', 'ấ', 'Ự', 'đ', 'Đ', 'ỹ', 'Ỵ']) assert.ok(NAME_LETTERS.includes(c), c);
    assert.ok(!NAME_LETTERS.includes('-') && !NAME_LETTERS.includes('ø') && !NAME_LETTERS.includes(' '));
  });
  test('the names starting with a search key sort from the key to the key and U+FFFF', () => {
    assert.deepEqual(namePrefixRange('nguyen van'), ['nguyen van', 'nguyen van\uffff']);
    assert.equal(namePrefixRange("o'neil"), null, 'not name letters');
    assert.equal(namePrefixRange('lê'), null, 'a search key has no marks');
    assert.equal(namePrefixRange(''), null);
  });
});
