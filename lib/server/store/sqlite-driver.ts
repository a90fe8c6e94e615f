// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Driver, Param, Queryable } from './driver';
import { StoreUnavailableError } from './types';

export interface SqliteOptions {
  file: string;
  /**
   * How long a write waits for another connection's lock. better-sqlite3 is synchronous, so this blocks the
   * event loop while it waits: kept short, and a lock held longer surfaces as StoreUnavailableError.
   */
  busyTimeoutMs?: number;
  /** Caps the database size in pages (tests use it to make the database full: the SQLITE_FULL path). */
  maxPageCount?: number;
}

/** SQLite result codes that mean "the file cannot be used now", not "the query is wrong". */
const UNAVAILABLE = ['SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR',
  'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PROTOCOL', 'SQLITE_NOMEM', 'SQLITE_PERM', 'SQLITE_NOLFS'];
const FS_CODES = ['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EIO'];

function describe(code: string): string {
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return 'the disk (or database) is full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'the database file is locked by another connection';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'the database file is corrupt (it is left untouched: move it aside to start afresh)';
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'the database file is not writable';
  return 'the database file cannot be used';
}

function untrusted(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR', 'SQLITE_CANTOPEN'].some((c) => code.startsWith(c));
}

export class SqliteDriver implements Driver {
  readonly engine = 'sqlite';
  private db: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  /** One connection: operations run one at a time, so one's awaits never land inside another's transaction. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: SqliteOptions) {}

  private connection(): Database.Database {
    if (this.closed) throw new StoreUnavailableError('the store is closed', 'CLOSED');
    if (this.db) return this.db;
    mkdirSync(dirname(this.opts.file), { recursive: true, mode: 0o700 });
    const db = new Database(this.opts.file, { timeout: this.opts.busyTimeoutMs ?? 1000 });
    try {
      // WAL: readers never block the writer; synchronous=FULL: a committed batch survives a power cut.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      if (this.opts.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(this.opts.maxPageCount)}`);
      // Touch the schema now, so a corrupt or foreign file fails here rather than halfway through a write.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      db.close();
      throw e;
    }
    this.db = db;
    return db;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private queryable(db: Database.Database): Queryable {
    const prepare = (sql: string): Database.Statement => {
      let s = this.statements.get(sql);
      if (!s) this.statements.set(sql, (s = db.prepare(sql)));
      return s;
    };
    return {
      all: async <R>(sql: string, params: readonly Param[] = []) => {
        const s = prepare(sql);
        if (s.reader) return s.all(...params) as R[];
        s.run(...params);
        return [];
      },
      run: async (sql: string, params: readonly Param[] = []) => prepare(sql).run(...params).changes,
      exec: async (sql: string) => {
        db.exec(sql);
      },
    };
  }

  private inTransaction<T>(begin: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const db = this.connection();
      db.exec(begin);
      try {
        const result = await fn(this.queryable(db));
        db.exec('COMMIT');
        return result;
      } catch (e) {
        // SQLite may already have rolled back by itself (SQLITE_FULL, some I/O errors).
        if (db.inTransaction) {
          try {
            db.exec('ROLLBACK');
          } catch {
            // The connection is unusable; drop it so the next call reopens the file.
            this.drop();
          }
        }
        // Statements prepared on a connection that hit corruption or I/O errors are not trusted again.
        if (untrusted(e)) this.drop();
        throw e;
      }
    });
  }

  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock up front: a lock held elsewhere fails here, before anything is read.
    return this.inTransaction('BEGIN IMMEDIATE', fn);
  }

  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.inTransaction('BEGIN', fn);
  }

  async lockMigrations(): Promise<void> {
    // BEGIN IMMEDIATE already excludes other writers.
  }

  toUnavailable(error: unknown): StoreUnavailableError | undefined {
    if (error instanceof StoreUnavailableError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') return undefined;
    const sqlite = UNAVAILABLE.some((c) => code === c || code.startsWith(`${c}_`));
    if (!sqlite && !FS_CODES.includes(code)) return undefined;
    return new StoreUnavailableError(`SQLite ${this.opts.file}: ${describe(code)} (${code}: ${(error as Error).message})`, code, { cause: error });
  }

  private drop(): void {
    this.statements.clear();
    try {
      this.db?.close();
    } catch {
      // already broken
    }
    this.db = undefined;
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      this.drop();
      this.closed = true;
    });
  }
}
