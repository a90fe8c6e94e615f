// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import { resolve } from 'node:path';
import { StoreInputError, type RetentionPolicy } from './types';

export const DEFAULT_DATA_DIR = '.data';
export const SQLITE_FILE = 'rollouts.sqlite';
export const DEFAULT_RETENTION_DAYS = 90;
export const DEFAULT_RETENTION_MB = 512;

export type StoreEnv = Record<string, string | undefined>;

export type StoreConfig =
  | { engine: 'sqlite'; file: string; retention: RetentionPolicy }
  | { engine: 'postgres'; connectionString: string; retention: RetentionPolicy };

/** A positive number, or 0 / "off" for no limit. */
function limit(env: StoreEnv, name: string, fallback: number, unit: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback * unit;
  if (raw === '0' || raw.toLowerCase() === 'off') return Infinity;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new StoreInputError(`${name}=${raw}: expected a positive number, or 0 / off for no limit`);
  return n * unit;
}

/** Reads the store's settings from the environment; a bad value fails at start, not at the first write. */
export function storeConfig(env: StoreEnv = process.env, cwd = process.cwd()): StoreConfig {
  const retention: RetentionPolicy = {
    maxAgeMs: limit(env, 'DASHBOARD_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 24 * 60 * 60_000),
    maxBytes: limit(env, 'DASHBOARD_RETENTION_MB', DEFAULT_RETENTION_MB, 1024 * 1024),
  };
  const url = env.DASHBOARD_DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) throw new StoreInputError('DASHBOARD_DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use the embedded SQLite file)');
    return { engine: 'postgres', connectionString: url, retention };
  }
  const dir = resolve(cwd, env.DASHBOARD_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  return { engine: 'sqlite', file: resolve(dir, SQLITE_FILE), retention };
}
