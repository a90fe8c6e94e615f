// Test kit (server-only): a real PostgreSQL server in a private temp dir, for *.int.test.ts.
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PG_ROOT = '/usr/lib/postgresql';

/** Newest /usr/lib/postgresql/N/bin with initdb, or PG_BIN; throws (never skips) when there is none. */
export function postgresBinDir(root = PG_ROOT, fromEnv = process.env.PG_BIN): string {
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  const v = versions[0];
  if (v === undefined) {
    throw new Error(
      `PostgreSQL server binaries not found (no ${root}/*/bin/initdb${fromEnv ? ` and none in PG_BIN=${fromEnv}` : ''}). ` +
        "The store's PostgreSQL tests need a real server: install Debian's package with `apt-get install -y postgresql` " +
        '(.ci/run and scripts/test-all.sh do this).',
    );
  }
  return join(root, v, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export class PgTestServer {
  private readonly bin = postgresBinDir();
  /** As root, the server must run as `postgres` (it refuses root), and own its directory. */
  private readonly asRoot = process.getuid?.() === 0;
  /** As root, under /tmp: `postgres` must be able to reach the dir, and a root TMPDIR (/root/…) is closed to it. */
  readonly dir = mkdtempSync(join(process.env.PG_TEST_TMPDIR ?? (this.asRoot ? '/tmp' : tmpdir()), 'dashboard-pg-'));
  private readonly data = join(this.dir, 'data');
  private readonly log = join(this.dir, 'postgres.log');
  port = 0;
  private dbCount = 0;

  /** As root, through runuser (by full path: a minimal PATH may lack /usr/sbin). */
  private command(cmd: string, args: string[]): [string, string[]] {
    if (!this.asRoot) return [join(this.bin, cmd), args];
    const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';
    return [runuser, ['-u', 'postgres', '--', join(this.bin, cmd), ...args]];
  }

  private run(cmd: string, args: string[]): void {
    const [file, argv] = this.command(cmd, args);
    const r = spawnSync(file, argv, { cwd: this.dir, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      const log = existsSync(this.log) ? readFileSync(this.log, 'utf8').slice(-2000) : '';
      throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}\n${log}`);
    }
  }

  async start(): Promise<this> {
    if (this.asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(this.dir, uid, gid);
    }
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    this.port = await freePort();
    this.ctlStart();
    // If the test process dies without afterAll, do not leave a server behind: on a normal exit the handler
    // stops it; if the process is killed outright, the watchdog does, and removes the dir.
    process.once('exit', this.onExit);
    this.startWatchdog();
    return this;
  }

  private watchdog: ChildProcess | undefined;

  private startWatchdog(): void {
    const quote = (x: string) => `'${x.replace(/'/g, `'\\''`)}'`;
    const stop = this.command('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop']).flat().map(quote).join(' ');
    const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${stop} >/dev/null 2>&1; rm -rf ${quote(this.dir)}`;
    this.watchdog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
    this.watchdog.unref();
  }

  private readonly onExit = (): void => {
    try {
      this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
  };

  private ctlStart(): void {
    // Loopback only, sockets in our own dir (not /var/run/postgresql), no fsync: a test server on a shared machine.
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off`;
    this.run('pg_ctl', ['-D', this.data, '-l', this.log, '-o', opts, '-w', '-t', '60', 'start']);
  }

  /** `immediate` is a crash as far as in-flight transactions are concerned; the server recovers on start. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.data, '-m', mode, '-w', 'stop']);
  }

  /** Stops without blocking the event loop, so the test's queries are in flight while the server dies. */
  stopInBackground(mode: 'fast' | 'immediate'): Promise<void> {
    const [file, argv] = this.command('pg_ctl', ['-D', this.data, '-m', mode, '-w', 'stop']);
    return new Promise((resolve, reject) => {
      execFile(file, argv, { cwd: this.dir, timeout: 60_000 }, (err, _out, stderr) => (err ? reject(new Error(`pg_ctl stop: ${stderr || err.message}`)) : resolve()));
    });
  }

  /** SIGSTOP / SIGCONT to the server and its backends: a host that hangs without closing connections. */
  freeze(frozen: boolean): void {
    const pid = Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
    for (const p of [pid, ...children]) process.kill(p, frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  restartServer(): void {
    this.ctlStart();
  }

  url(db = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  /** A fresh, empty database, so each test starts from nothing. */
  async createDatabase(): Promise<string> {
    const name = `store_test_${process.pid}_${++this.dbCount}`;
    const c = new pg.Client({ connectionString: this.url() });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE ${name}`);
    } finally {
      await c.end();
    }
    return this.url(name);
  }

  async destroy(): Promise<void> {
    process.removeListener('exit', this.onExit);
    this.watchdog?.kill();
    try {
      this.stop('fast');
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
