import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oversizeMegabytes } from './types';

const MB = 1024 * 1024;

test('an upload just over the limit never reads as weighing the limit itself', () => {
  assert.deepEqual(oversizeMegabytes(20 * MB + 10, 20 * MB), { size: '20,1', max: '20' });
  assert.deepEqual(oversizeMegabytes(20 * MB + 1, 20 * MB), { size: '20,1', max: '20' });
  assert.deepEqual(oversizeMegabytes(25.04 * MB, 20 * MB), { size: '25,1', max: '20' });
  assert.deepEqual(oversizeMegabytes(42 * MB, 20 * MB), { size: '42', max: '20' });
  // A small configured limit (UPLOAD_MAX_MB=0.01) keeps its digits.
  assert.deepEqual(oversizeMegabytes(21_248, 0.01 * MB), { size: '0,1', max: '0,01' });
  assert.deepEqual(oversizeMegabytes(0.0101 * MB, 0.01 * MB), { size: '0,1', max: '0,01' });
});
