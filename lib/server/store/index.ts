// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
/**
 * The durable rollout store: every rollout on record, per cluster, in an embedded SQLite file or in PostgreSQL.
 * See docs/store.md.
 */
import { storeConfig, type StoreConfig, type StoreEnv } from './config';
import { PostgresDriver } from './postgres-driver';
import { SqlStore } from './sql-store';
import { SqliteDriver } from './sqlite-driver';
import { StoreSchemaError, type RolloutStore } from './types';

export * from './types';
export { storeConfig, DEFAULT_RETENTION_DAYS, DEFAULT_RETENTION_MB, DEFAULT_DATA_DIR, SQLITE_FILE, type StoreConfig, type StoreEnv } from './config';

export interface OpenOptions {
  /** Run prune() this often (unref'd timer; stopped by close()). 0 disables. Default: hourly. */
  pruneEveryMs?: number;
  /** SQLite only: see SqliteOptions. */
  busyTimeoutMs?: number;
  maxPageCount?: number;
  /** PostgreSQL only: see PostgresOptions. */
  queryTimeoutMs?: number;
}

/**
 * Opens the store the environment asks for. It never fails because the database is unavailable (the store
 * starts degraded and connects/migrates on a later call); it does fail on bad settings, and with
 * StoreSchemaError on a database migrated by a newer dashboard.
 */
export async function openStore(env: StoreEnv = process.env, options: OpenOptions = {}): Promise<RolloutStore> {
  return openConfigured(storeConfig(env), options);
}

export async function openConfigured(config: StoreConfig, options: OpenOptions = {}): Promise<RolloutStore> {
  let store: SqlStore;
  if (config.engine === 'postgres') {
    const driver = new PostgresDriver({ connectionString: config.connectionString, queryTimeoutMs: options.queryTimeoutMs, onIdleError: (e) => store.noteUnavailable(e) });
    store = new SqlStore(driver, config.retention);
  } else {
    store = new SqlStore(new SqliteDriver({ file: config.file, busyTimeoutMs: options.busyTimeoutMs, maxPageCount: options.maxPageCount }), config.retention);
  }
  try {
    await store.init();
  } catch (e) {
    if (e instanceof StoreSchemaError) {
      await store.close();
      throw e;
    }
    // Unavailable: health() says so, and the next call tries again.
  }
  store.schedulePrune(options.pruneEveryMs ?? 60 * 60_000);
  return store;
}
