import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCounts, goodShare, gradeForScore } from './ratings';

const bands = { excellent: 90, good: 70, completed: 50 };

describe('ratings', () => {
  const cases: [number, string][] = [
    [100, 'excellent'],
    [90, 'excellent'],
    [89, 'good'],
    [70, 'good'],
    [69, 'completed'],
    [50, 'completed'],
    [49, 'not_completed'],
    [0, 'not_completed'],
  ];
  for (const [score, grade] of cases) test(`score ${score} is ${grade}`, () => assert.equal(gradeForScore(score, bands), grade));

  test('bands come from the rule set: a stricter version moves the boundary', () => {
    assert.equal(gradeForScore(90, { excellent: 95, good: 80, completed: 50 }), 'good');
  });

  test('the share rated good or above counts only those rated', () => {
    assert.deepEqual(goodShare({ excellent: 2, good: 15, completed: 2, not_completed: 1 }), { rated: 20, goodOrAbove: 17, percent: 85 });
    assert.deepEqual(goodShare({ excellent: 1, good: 1, completed: 1, not_completed: 0 }), { rated: 3, goodOrAbove: 2, percent: 66.7 });
    assert.deepEqual(goodShare(emptyCounts()), { rated: 0, goodOrAbove: 0, percent: null });
  });
});
