import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS, DEFAULT_RETENTION_MB, storeConfig } from './config';
import { StoreInputError } from './types';

const DAY = 24 * 60 * 60_000;

describe('storeConfig', () => {
  it('defaults to a SQLite file in ./.data under the working directory, with the documented retention', () => {
    expect(storeConfig({}, '/srv/dash')).toEqual({
      engine: 'sqlite',
      file: '/srv/dash/.data/rollouts.sqlite',
      retention: { maxAgeMs: DEFAULT_RETENTION_DAYS * DAY, maxBytes: DEFAULT_RETENTION_MB * 1024 * 1024 },
    });
  });

  it('takes DASHBOARD_DATA_DIR, relative or absolute', () => {
    expect(storeConfig({ DASHBOARD_DATA_DIR: 'var/db' }, '/srv/dash')).toMatchObject({ file: '/srv/dash/var/db/rollouts.sqlite' });
    expect(storeConfig({ DASHBOARD_DATA_DIR: '/data' }, '/srv/dash')).toMatchObject({ file: '/data/rollouts.sqlite' });
  });

  it('uses PostgreSQL for a postgres:// URL and refuses any other scheme', () => {
    expect(storeConfig({ DASHBOARD_DATABASE_URL: 'postgres://u:p@db:5432/dash' })).toMatchObject({ engine: 'postgres', connectionString: 'postgres://u:p@db:5432/dash' });
    expect(storeConfig({ DASHBOARD_DATABASE_URL: 'postgresql://db/dash' })).toMatchObject({ engine: 'postgres' });
    expect(() => storeConfig({ DASHBOARD_DATABASE_URL: 'mysql://db/dash' })).toThrow(StoreInputError);
  });

  it('reads retention limits; 0 or off disables one; nonsense fails at start', () => {
    expect(storeConfig({ DASHBOARD_RETENTION_DAYS: '7', DASHBOARD_RETENTION_MB: '0.5' }).retention).toEqual({ maxAgeMs: 7 * DAY, maxBytes: 512 * 1024 });
    expect(storeConfig({ DASHBOARD_RETENTION_DAYS: 'off', DASHBOARD_RETENTION_MB: '0' }).retention).toEqual({ maxAgeMs: Infinity, maxBytes: Infinity });
    expect(() => storeConfig({ DASHBOARD_RETENTION_DAYS: 'a week' })).toThrow(/DASHBOARD_RETENTION_DAYS=a week/);
    expect(() => storeConfig({ DASHBOARD_RETENTION_MB: '-1' })).toThrow(StoreInputError);
  });
});
