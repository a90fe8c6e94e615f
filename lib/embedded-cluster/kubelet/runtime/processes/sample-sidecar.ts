import { STARTUP_FAILURE_MS, SimProcess } from '../process';
import type { Connection, ListenSocket } from '../netns';
import type { ProxyRequest, ProxyResponse } from '../types';

export const SAMPLE_PORT = 9091;
/** The sample hands its listener over through /dev/shm, which it relies on being shared by the pod (§7.1). */
export const SAMPLE_MIGRATE_SOCK = '/dev/shm/migrate.sock';
/** The sample writes its `/result` marker this long after it starts serving; `/migrate.sh` waits for it. */
export const SAMPLE_RESULT_AFTER_MS = 5_000;
/** The HTTP `/migrate` round trip plus the SCM_RIGHTS message: effectively instant. */
export const SAMPLE_MIGRATE_MS = 50;
/** An older sidecar restarted during an upgrade stays passive for a minute, then exits 0. */
export const SAMPLE_OLDER_EXIT_MS = 60_000;

/**
 * The OpenKruise hotupgrade sample sidecar (openkruise/samples hotupgrade/sidecar): an HTTP server on :9091 whose
 * hot upgrade is driven by SIDECARSET_VERSION / SIDECARSET_VERSION_ALT.
 * - ALT empty or "0": a normal start, listen on :9091 (if the port is taken it logs and returns: exit 0).
 * - VERSION > ALT: the newer one. It asks the running one over HTTP `/migrate` for its listening fd, which comes
 *   back over /dev/shm/migrate.sock; the old one closes its copy and keeps serving only the connections it has.
 * - VERSION < ALT: an old one restarted mid-upgrade; it must not listen.
 */
export class SampleSidecarProcess extends SimProcess {
  readonly model = 'sample-sidecar';
  private listener?: ListenSocket;

  protected onStart(): void {
    const role = hotUpgradeRole(this.ctx.env);
    if (role === 'older') {
      this.log("older sidecar don't listen, and exit 0");
      this.state = 'idle';
      this.after(SAMPLE_OLDER_EXIT_MS, () => this.exit(0));
      return;
    }
    if (role === 'newer') {
      this.log('start hot upgrade');
      this.ctx.fs.remove(SAMPLE_MIGRATE_SOCK);
      this.ctx.fs.listenUnix(SAMPLE_MIGRATE_SOCK, this, () => this.state === 'starting');
      this.after(SAMPLE_MIGRATE_MS, () => {
        const inherited = this.requestMigration();
        this.ctx.fs.remove(SAMPLE_MIGRATE_SOCK);
        if (!inherited) this.log('migrate older sidecar ListenFd failed, and will Listen new');
        this.serve(inherited);
      });
      return;
    }
    this.serve(undefined);
  }

  /** GET http://127.0.0.1:9091/migrate: whoever accepts on :9091 must be a sample sidecar to understand it. */
  private requestMigration(): ListenSocket | undefined {
    const sock = this.ctx.netns.listener(SAMPLE_PORT);
    const old = sock ? [...sock.acceptors].find((p) => p !== this && p.isAlive()) : undefined;
    return old instanceof SampleSidecarProcess ? old.migrateListenerTo(this) : undefined;
  }

  /** The old side of `/migrate`: send the fd over the unix socket and close our own listener. */
  private migrateListenerTo(newer: SampleSidecarProcess): ListenSocket | undefined {
    const dial = this.ctx.fs.dialUnix(SAMPLE_MIGRATE_SOCK);
    if (!this.listener || !dial.ok || dial.owner !== newer) return undefined;
    this.log('start migrate old sidecar Listener to newer sidecar');
    const sock = this.listener;
    sock.share(newer);
    sock.close(this);
    this.listener = undefined;
    this.state = 'draining';
    this.log('close ListenFd, and waiting for current handler request');
    return sock;
  }

  private serve(inherited: ListenSocket | undefined): void {
    const sock = inherited ?? this.ctx.netns.bind(SAMPLE_PORT, this, 'http1');
    if (!sock) {
      // main() logs the bind error and returns, so the container exits 0.
      this.after(STARTUP_FAILURE_MS, () => this.exit(0, 'listen tcp :9091: bind: address already in use'));
      return;
    }
    this.listener = sock;
    this.state = 'serving';
    this.log(`Listen([::]:${SAMPLE_PORT}) and serve(version=${this.ctx.image.version})`);
    this.after(SAMPLE_RESULT_AFTER_MS, () => {
      this.ctx.fs.appendFile('/result', 'success');
      this.log('serve success');
    });
  }

  override handle(_conn: Connection, req: ProxyRequest): ProxyResponse {
    const text = { 'content-type': 'text/plain; charset=utf-8' };
    if (req.path === '/serve') return { status: 200, headers: text, body: `This is version(${this.ctx.image.version}) sidecar` };
    // Only a newer sidecar in the same pod can complete a migration; an outside caller just gets "failed".
    if (req.path === '/migrate') return { status: 200, headers: text, body: 'failed' };
    return { status: 404, headers: text, body: '404 page not found\n' };
  }
}

function hotUpgradeRole(env: Readonly<Record<string, string>>): 'normal' | 'newer' | 'older' {
  const alt = env.SIDECARSET_VERSION_ALT ?? '';
  if (alt === '' || alt === '0') return 'normal';
  const v = Number.parseInt(env.SIDECARSET_VERSION ?? '', 10);
  const a = Number.parseInt(alt, 10);
  if (Number.isNaN(v) || Number.isNaN(a)) return 'normal';
  return v > a ? 'newer' : 'older';
}
