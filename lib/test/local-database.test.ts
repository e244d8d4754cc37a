import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertLocalDatabaseUrl } from './local-database';

const LOCAL = [
  'postgres://postgres@127.0.0.1:5432/postgres',
  'postgres://postgres@localhost/hatnhan',
  'postgresql://user:secret@LOCALHOST:5433/db',
  'postgres://postgres@[::1]:5432/postgres',
  'postgres://postgres@localhost/db?host=/var/run/postgresql',
];
const REMOTE = [
  undefined,
  '',
  'not a url',
  'mysql://root@127.0.0.1/db',
  'postgres://postgres@db.example.com:5432/postgres',
  'postgres://postgres@10.0.0.5/postgres',
  'postgres://postgres@127.0.0.2/postgres',
  'postgres://postgres@localhost.example.com/postgres',
  'postgres://postgres@localhost,db.example.com/postgres',
  'postgres://postgres@127.0.0.1/db?host=db.example.com',
  'postgres://postgres@127.0.0.1/db?hostaddr=10.1.1.1',
  'postgres:///postgres',
];

for (const url of LOCAL) test(`accepts ${url}`, () => assert.equal(assertLocalDatabaseUrl(url).protocol.startsWith('postgres'), true));
for (const url of REMOTE) test(`refuses ${JSON.stringify(url)}`, () => assert.throws(() => assertLocalDatabaseUrl(url), /Refusing/));
