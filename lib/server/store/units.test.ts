import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { HealthTracker } from './health';
import { jsonText } from './json';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { PostgresDriver } from './postgres-driver';
import { mergeBuckets } from './rows';
import { SqliteDriver } from './sqlite-driver';
import { StoreInputError, StoreUnavailableError } from './types';

describe('jsonText', () => {
  it('keeps JSON values and drops undefined object fields, as JSON does', () => {
    expect(jsonText({ a: 1, b: undefined, c: [null, 'x', { d: false }] }, 'p')).toBe('{"a":1,"c":[null,"x",{"d":false}]}');
  });

  it.each([
    [Number.NaN, /not a JSON number/],
    [{ a: Infinity }, /p\.a: Infinity/],
    [[1, undefined], /p\[1\]: undefined/],
    [new Date(0), /not a plain object/],
    [() => 1, /function is not JSON/],
    [10n, /bigint is not JSON/],
  ])('refuses %s rather than storing something else', (value, message) => {
    expect(() => jsonText(value, 'p')).toThrow(StoreInputError);
    expect(() => jsonText(value, 'p')).toThrow(message);
  });

  it('refuses absurd nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => jsonText(deep, 'p')).toThrow(/nested deeper/);
  });
});

describe('HealthTracker', () => {
  it('keeps the first failure time while failing, the last message, and the recovery time', () => {
    const h = new HealthTracker(0);
    expect(h.get()).toEqual({ ok: true, since: 0 });
    h.fail('down', 10);
    h.fail('still down', 20);
    expect(h.get()).toEqual({ ok: false, since: 10, error: 'still down' });
    h.succeed(30);
    h.succeed(40);
    expect(h.get()).toEqual({ ok: true, since: 30 });
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3 … with SQL for both engines', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) {
      expect(m.sqlite).toMatch(/\S/);
      expect(m.postgres).toMatch(/\S/);
    }
  });
});

describe('mergeBuckets', () => {
  it('adds counts and unions versions in first-seen order for the same pod, bucket and path', () => {
    const pod = { namespace: 'n', name: 'p' };
    expect(mergeBuckets([
      { pod, bucketMs: 0, path: 'direct', ok: 1, failed: 0, versions: ['v1'] },
      { pod, bucketMs: 0, path: 'proxy', ok: 1, failed: 0, versions: [] },
      { pod, bucketMs: 0, path: 'direct', ok: 2, failed: 1, versions: ['v2', 'v1'] },
    ])).toEqual([
      { pod, bucketMs: 0, path: 'direct', ok: 3, failed: 1, versions: ['v1', 'v2'] },
      { pod, bucketMs: 0, path: 'proxy', ok: 1, failed: 0, versions: [] },
    ]);
  });
});

describe('error classification', () => {
  it('PostgreSQL: outages and server trouble are unavailable, query bugs are not; the password never shows', async () => {
    const d = new PostgresDriver({ connectionString: 'postgres://u:secret@127.0.0.1:1/x' });
    const dbError = (code: string) => Object.assign(new pg.DatabaseError('boom', 0, 'error'), { code });
    for (const code of ['57P01', '08006', '53100', 'XX001', '40001']) expect(d.toUnavailable(dbError(code))).toBeInstanceOf(StoreUnavailableError);
    for (const code of ['23505', '42P01', '22P02']) expect(d.toUnavailable(dbError(code))).toBeUndefined();
    const refused = d.toUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    expect(refused?.message).toMatch(/postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x/);
    expect(refused?.message).not.toMatch(/secret/);
    expect(d.toUnavailable(new Error('Connection terminated unexpectedly'))).toBeInstanceOf(StoreUnavailableError);
    expect(d.toUnavailable(new TypeError('x.map is not a function'))).toBeUndefined();
    await d.close();
  });

  it('SQLite: full, busy, corrupt and I/O codes are unavailable, constraint errors are not', async () => {
    const d = new SqliteDriver({ file: '/nonexistent/x.sqlite' });
    const err = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ['SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_WRITE', 'ENOSPC']) {
      expect(d.toUnavailable(err(code))?.code).toBe(code);
    }
    for (const code of ['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_ERROR', 'SQLITE_MISMATCH']) expect(d.toUnavailable(err(code))).toBeUndefined();
    await d.close();
  });
});
