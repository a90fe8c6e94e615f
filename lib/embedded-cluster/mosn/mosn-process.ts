import { simulatedSince, wallAfter } from '../clock';
import { STARTUP_FAILURE_MS, SimProcess } from '../kubelet/runtime/process';
import type { Connection, ListenSocket } from '../kubelet/runtime/netns';
import type { ProxyRequest, ProxyResponse } from '../kubelet/runtime/types';
import {
  MOSN_DRAIN_EXTRA_MS,
  MOSN_DUAL_ACCEPT_MS,
  MOSN_FD_HANDOVER_MS,
  MOSN_GRACEFUL_TIMEOUT_MS,
  MOSN_INHERIT_TIMEOUT_MS,
  MOSN_PORT,
  MOSN_RECONFIG_LISTEN_DELAY_MS,
  MOSN_RECONFIG_SOCK,
} from './constants';
import { claimSupervisorSocket } from './supervisord';

type Handover =
  | { role: 'old'; peer: MosnProcess; startedAt: number }
  | { role: 'new'; peer: MosnProcess; startedAt: number };

/**
 * One MOSN process (spec §7.2, §9.4). A MOSN that finds a live reconfig.sock in its uds_dir is an upgrade: the
 * running MOSN passes it the listener fds, both accept for a while, then the old one stops accepting, hands each
 * persistent connection over at a time drawn in [T, 2T) after the handover began, and exits by itself once its
 * drain wait is over. A MOSN with no peer binds :2045 itself, which fails if anyone in the pod holds it.
 *
 * When nobody resets the old slot (a paused SidecarSet), its self-exit ends the container; the kubelet restarts
 * it with the old image, and that MOSN finds the new one's reconfig.sock and takes over again. The spec marks
 * this as inferred, not verified (§7.3); it falls out of the same rules rather than being special-cased.
 */
export class MosnProcess extends SimProcess {
  readonly model = 'mosn';
  private handover?: Handover;
  private listener?: ListenSocket;

  protected onStart(): void {
    if (this.ctx.image.devShmSupervisor && !claimSupervisorSocket(this, this.ctx.fs)) {
      this.after(STARTUP_FAILURE_MS, () =>
        this.exit(1, 'Error: Another program is already listening on a port that one of our HTTP servers is configured to use.  Shut this program down first before starting supervisord.'),
      );
      return;
    }
    const dial = this.ctx.fs.dialUnix(MOSN_RECONFIG_SOCK);
    if (dial.ok && dial.owner instanceof MosnProcess && dial.owner !== this) this.startAsUpgrade(dial.owner);
    else this.startFresh();
  }

  private startFresh(): void {
    const sock = this.ctx.netns.bind(MOSN_PORT, this, 'xprotocol');
    if (!sock) {
      this.after(STARTUP_FAILURE_MS, () =>
        this.exit(1, `[mosn] [server] listen 0.0.0.0:${MOSN_PORT} failed: bind: address already in use (port conflict: no reconfig.sock to inherit from)`),
      );
      return;
    }
    this.listener = sock;
    this.state = 'serving';
    this.log(`[mosn] [server] listening on 0.0.0.0:${MOSN_PORT}`);
    this.after(MOSN_RECONFIG_LISTEN_DELAY_MS, () => this.listenReconfig());
  }

  private listenReconfig(): void {
    this.ctx.fs.remove(MOSN_RECONFIG_SOCK);
    this.ctx.fs.listenUnix(MOSN_RECONFIG_SOCK, this, () => this.state === 'serving');
    this.log(`[mosn] [reconfigure] listening on ${MOSN_RECONFIG_SOCK}`);
  }

  /** New side: IsReconfigure() succeeded, wait for the listener fds (GetInheritListeners). */
  private startAsUpgrade(old: MosnProcess): void {
    this.handover = { role: 'new', peer: old, startedAt: this.ctx.clock.now() };
    this.log(`[mosn] [reconfigure] old MOSN pid ${old.pid} found via ${MOSN_RECONFIG_SOCK}: hot upgrade`);
    old.beginHandover(this);
    old.onExited(() => {
      if (this.state === 'starting') this.after(STARTUP_FAILURE_MS, () => this.exit(1, '[mosn] get inherit listeners failed: old MOSN gone'));
    });
    this.after(MOSN_INHERIT_TIMEOUT_MS, () => {
      if (this.state === 'starting') this.exit(1, '[mosn] get inherit listeners failed: timeout');
    });
    this.after(MOSN_RECONFIG_LISTEN_DELAY_MS, () => this.listenReconfig());
  }

  /** Old side: the new MOSN dialed our reconfig.sock. */
  private beginHandover(newer: MosnProcess): void {
    const startedAt = this.ctx.clock.now();
    this.handover = { role: 'old', peer: newer, startedAt };
    this.state = 'handingOver';
    this.log(`[mosn] [reconfigure] new MOSN pid ${newer.pid} connected; sending listener fds`);
    for (const conn of this.ctx.netns.connectionsOf(this)) this.scheduleMigration(conn);
    this.after(MOSN_FD_HANDOVER_MS, () => {
      const sock = this.listener;
      if (!newer.isAlive() || !sock) {
        // ReconfigureHandler failed: the old process resumes as if nothing happened (stage_manager.go).
        this.handover = undefined;
        this.state = 'serving';
        for (const conn of this.ctx.netns.connectionsOf(this)) conn.migrateAt = undefined;
        this.log('[mosn] [reconfigure] handover failed, resume serving');
        return;
      }
      sock.share(newer);
      newer.inheritListener(sock);
      this.after(MOSN_DUAL_ACCEPT_MS, () => {
        sock.close(this);
        this.listener = undefined;
        this.state = 'draining';
        this.log('[mosn] [reconfigure] stop accepting; waiting for connections to migrate');
        this.after(2 * MOSN_GRACEFUL_TIMEOUT_MS + MOSN_DRAIN_EXTRA_MS, () => this.exit(0, '[mosn] graceful wait over, old MOSN exits'));
      });
    });
  }

  private inheritListener(sock: ListenSocket): void {
    if (!this.isAlive()) return;
    this.listener = sock;
    this.state = 'serving';
    this.log(`[mosn] [server] inherited listener 0.0.0.0:${MOSN_PORT}; serving`);
  }

  override onAccept(conn: Connection): void {
    if (this.handover?.role === 'old') this.scheduleMigration(conn);
  }

  /** Each connection's read loop picks its own transfer time in [T, 2T) (connection.go, transfer.go). */
  private scheduleMigration(conn: Connection): void {
    const h = this.handover;
    if (h?.role !== 'old') return;
    const clock = this.ctx.clock;
    const at = wallAfter(clock, h.startedAt, MOSN_GRACEFUL_TIMEOUT_MS + Math.floor(this.ctx.rng.next() * MOSN_GRACEFUL_TIMEOUT_MS));
    conn.migrateAt = at;
    this.after(Math.max(0, simulatedSince(clock, clock.now(), at)), () => this.migrate(conn, h.peer));
  }

  private migrate(conn: Connection, peer: MosnProcess): void {
    if (conn.owner !== this || conn.state !== 'open') return;
    if (!peer.isAlive() || peer.state !== 'serving') {
      // conn.sock is gone with the new process: the connection stays here until this process exits.
      conn.migrateAt = undefined;
      this.log(`[mosn] [transfer] connection ${conn.id}: new MOSN unavailable, keeping it`);
      return;
    }
    conn.transferTo(peer, this.ctx.clock.now());
    this.log(`[mosn] [transfer] connection ${conn.id} migrated to pid ${peer.pid}`);
  }

  override handle(_conn: Connection, _req: ProxyRequest): ProxyResponse {
    const body = JSON.stringify({
      version: this.ctx.image.version,
      image: this.ctx.image.reference,
      container: this.ctx.containerName,
      pod: this.ctx.pod.name,
    });
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  }

  override details(): Record<string, string | number | boolean> {
    const h = this.handover;
    if (!h) return {};
    return { handoverRole: h.role, handoverPeerPid: h.peer.pid, handoverStartedAt: new Date(h.startedAt).toISOString() };
  }
}
