import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isoDateInVietnam, now, setClock, today } from './clock';

const dir = mkdtempSync(path.join(tmpdir(), 'hatnhan-clock-'));
after(() => {
  delete process.env.HATNHAN_CLOCK_FILE;
  delete process.env.HATNHAN_NOW;
  setClock(undefined);
  rmSync(dir, { recursive: true, force: true });
});

test('today is the date in Vietnam, not in UTC', () => {
  assert.equal(isoDateInVietnam(new Date('2027-01-14T17:30:00Z')), '2027-01-15');
  assert.equal(isoDateInVietnam(new Date('2027-01-14T16:59:59Z')), '2027-01-14');
});

test('the clock file moves the time while the process runs; empty or absent means real time', () => {
  const file = path.join(dir, 'clock');
  process.env.HATNHAN_CLOCK_FILE = file;
  const before = Date.now();
  assert.ok(now().getTime() >= before, 'absent file: real time');
  writeFileSync(file, '2027-03-01T09:00:00+07:00');
  assert.equal(today(), '2027-03-01');
  writeFileSync(file, '2028-04-20T09:00:00+07:00\n');
  assert.equal(today(), '2028-04-20');
  writeFileSync(file, '');
  assert.ok(now().getTime() >= before, 'empty file: real time');
  writeFileSync(file, 'tomorrow');
  assert.throws(() => now(), /no valid time/);
  delete process.env.HATNHAN_CLOCK_FILE;
});

test('setClock wins over the environment, HATNHAN_NOW fixes the time', () => {
  process.env.HATNHAN_NOW = '2026-05-01T10:00:00+07:00';
  assert.equal(today(), '2026-05-01');
  setClock(() => new Date('2030-12-31T20:00:00Z'));
  assert.equal(today(), '2031-01-01');
  setClock(undefined);
  delete process.env.HATNHAN_NOW;
});
