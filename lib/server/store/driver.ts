// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import type { StoreUnavailableError } from './types';

export type Param = string | number | null;

/** The few SQL calls the store makes; SQL is written with `?` placeholders and runs unchanged on both engines. */
export interface Queryable {
  all<R>(sql: string, params?: readonly Param[]): Promise<R[]>;
  /** Rows changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** What differs between SQLite and PostgreSQL: connections, transactions, and which errors mean "unavailable". */
export interface Driver {
  readonly engine: 'sqlite' | 'postgres';
  /** A read-write transaction holding the write lock from its first statement; rolled back if `fn` throws. */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** A read-only snapshot, so a record read in several queries is consistent. */
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Serialises concurrent migrators (PostgreSQL: several dashboards starting at once); runs inside the tx. */
  lockMigrations(q: Queryable): Promise<void>;
  /** The engine's "cannot use the database now" errors, as a StoreUnavailableError; undefined for anything else. */
  toUnavailable(error: unknown): StoreUnavailableError | undefined;
  close(): Promise<void>;
}
