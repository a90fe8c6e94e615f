// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import pg from 'pg';
import type { Driver, Param, Queryable } from './driver';
import { StoreUnavailableError } from './types';

export interface PostgresOptions {
  connectionString: string;
  /** Pool size: the dashboard writes one batch at a time per rollout; a few connections are plenty. */
  max?: number;
  connectTimeoutMs?: number;
  /** Client-side limit per statement; past it the call fails as unavailable. */
  queryTimeoutMs?: number;
  /** Called when an idle pooled connection breaks (server restarted): not an operation's failure, but news. */
  onIdleError?: (error: StoreUnavailableError) => void;
}

/**
 * SQLSTATE classes meaning the server or connection is the problem, not the query: 08 connection exception,
 * 53 insufficient resources (53100 disk full), 57 operator intervention (shutdown, restart), 58 system error,
 * XX internal error (data corrupted); and 40001/40P01, which a retry of the same call resolves.
 */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '58', 'XX'];
const RETRYABLE_CODES = ['40001', '40P01', '55P03'];
const NET_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOENT'];

/** `?` placeholders to `$1, $2 …` (the store's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable url)';
  }
}

/** pg's client-side timeouts ("Query read timeout", "timeout exceeded when trying to connect"). */
function isTimeout(e: unknown): boolean {
  return e instanceof Error && !(e instanceof pg.DatabaseError) && /timeout/i.test(e.message);
}

/** BEGIN failed on a connection that turned out dead; carries the original error. */
class StaleConnection extends Error {
  constructor(override readonly cause: unknown) {
    super('stale connection');
  }
}

export class PostgresDriver implements Driver {
  readonly engine = 'postgres';
  private readonly pool: pg.Pool;
  private readonly where: string;
  private readonly max: number;

  constructor(opts: PostgresOptions) {
    this.where = redact(opts.connectionString);
    this.max = opts.max ?? 4;
    this.pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: this.max,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      // A server that accepts but never answers (a hung host, a half-open connection) must not hang recording.
      query_timeout: opts.queryTimeoutMs ?? 30_000,
      keepAlive: true,
      application_name: 'sidecarset-dashboard',
    });
    // Without a listener, an idle client's broken connection (server restart) is an uncaught 'error' event.
    this.pool.on('error', (e) => opts.onIdleError?.(this.toUnavailable(e) ?? new StoreUnavailableError(`PostgreSQL ${this.where}: ${e.message}`, undefined, { cause: e })));
  }

  private queryable(client: pg.PoolClient): Queryable {
    return {
      all: async <R>(sql: string, params: readonly Param[] = []) => (await client.query(numbered(sql), [...params])).rows as R[],
      run: async (sql: string, params: readonly Param[] = []) => (await client.query(numbered(sql), [...params])).rowCount ?? 0,
      exec: async (sql: string) => {
        await client.query(sql);
      },
    };
  }

  private async inTransaction<T>(begin: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(begin, fn);
      } catch (e) {
        // A pooled connection the server dropped while idle (a restart) fails at BEGIN, before anything of the
        // call was sent: safe to try again. Every idle one may be dead, so up to the pool's size, then a fresh one.
        if (!(e instanceof StaleConnection) || attempt > this.max) throw e instanceof StaleConnection ? e.cause : e;
      }
    }
  }

  private async attempt<T>(begin: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A checked-out client has no error listener of the pool's: a dropped connection would be an uncaught
    // 'error' event. The running query rejects with it as well, which is where the call sees it.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      try {
        await client.query(begin);
      } catch (e) {
        broken = true;
        // A timeout is a hung server, not a dead connection: trying other connections would only wait longer.
        throw this.toUnavailable(e) && !isTimeout(e) ? new StaleConnection(e) : e;
      }
      const result = await fn(this.queryable(client));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      // After a client-side timeout the statement may still be running on the server: the connection's state is
      // unknown, so it is closed (which aborts the transaction) rather than reused.
      if (isTimeout(e)) broken = true;
      if (!broken) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
      }
      throw e;
    } finally {
      client.removeListener('error', onError);
      // A connection that broke, or whose ROLLBACK failed, is destroyed rather than handed to the next call.
      client.release(broken);
    }
  }

  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.inTransaction('BEGIN', fn);
  }

  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
  }

  async lockMigrations(q: Queryable): Promise<void> {
    // Held to the end of the transaction: two dashboards starting together migrate one after the other.
    await q.all('SELECT pg_advisory_xact_lock(4242010)');
  }

  toUnavailable(error: unknown): StoreUnavailableError | undefined {
    if (error instanceof StoreUnavailableError) return error;
    if (!(error instanceof Error)) return undefined;
    const code = (error as { code?: unknown }).code;
    const isServerError = error instanceof pg.DatabaseError;
    if (isServerError) {
      const c = typeof code === 'string' ? code : '';
      if (!UNAVAILABLE_CLASSES.includes(c.slice(0, 2)) && !RETRYABLE_CODES.includes(c)) return undefined;
    } else if (typeof code === 'string' && !NET_CODES.includes(code)) {
      return undefined;
    } else if (typeof code !== 'string' && !/connect|connection|terminat|timeout|closed/i.test(error.message)) {
      // Neither a server answer nor a socket error: a bug (bad SQL parameters …), not an outage.
      return undefined;
    }
    const c = typeof code === 'string' ? code : undefined;
    return new StoreUnavailableError(`PostgreSQL ${this.where}: ${error.message}${c ? ` (${c})` : ''}`, c, { cause: error });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
