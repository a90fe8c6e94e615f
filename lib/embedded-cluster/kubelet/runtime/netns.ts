import type { Clock } from '../../clock';
import type { Rng } from './prng';
import type { SimProcess } from './process';

/**
 * The pod's network namespace: every container of a pod shares it, which is why a new MOSN cannot simply bind
 * port 2045 again and must inherit the listening socket from the old one (spec §7.1).
 */

/**
 * How a connection behaves when the process that owns it dies:
 * - `xprotocol` (MOSN's multiplexed RPC, like bolt): the connection is migrated between processes during a hot
 *   upgrade; if its owner dies first, the peer sees a reset on its next request.
 * - `http1`: the server closes idle keep-alive connections when it exits and an HTTP/1 client (Go's transport in
 *   kube-apiserver) notices and simply dials again, so no request fails.
 */
export type Protocol = 'http1' | 'xprotocol';

export type ConnectionState = 'open' | 'closed' | 'reset';

let nextConnectionId = 1;

export class Connection {
  readonly id = nextConnectionId++;
  state: ConnectionState = 'open';
  requests = 0;
  /** When MOSN will hand this connection to the new process, if a handover is under way. */
  migrateAt?: number;
  /** Every process that has owned it, in order (a migration appends one). */
  readonly history: Array<{ pid: number; container: string; at: number }> = [];

  constructor(
    readonly port: number,
    readonly protocol: Protocol,
    public owner: SimProcess,
    readonly openedAt: number,
    readonly clientPort: number,
  ) {
    this.history.push({ pid: owner.pid, container: owner.containerName, at: openedAt });
  }

  /** Hand the connection (its fd) to another process: MOSN's connection migration. */
  transferTo(proc: SimProcess, at: number): void {
    this.owner = proc;
    this.migrateAt = undefined;
    this.history.push({ pid: proc.pid, container: proc.containerName, at });
  }
}

/** One listening socket. Several processes may hold its fd (after a handover) and all of them may accept. */
export class ListenSocket {
  readonly holders = new Set<SimProcess>();
  readonly acceptors = new Set<SimProcess>();

  constructor(readonly port: number, readonly protocol: Protocol, private readonly onEmpty: () => void) {}

  /** The fd now lives in `proc` too (SCM_RIGHTS); it starts accepting at once. */
  share(proc: SimProcess): void {
    this.holders.add(proc);
    this.acceptors.add(proc);
  }

  /** `proc` closes its copy of the fd. The port is released when the last copy is closed. */
  close(proc: SimProcess): void {
    this.holders.delete(proc);
    this.acceptors.delete(proc);
    if (this.holders.size === 0) this.onEmpty();
  }
}

export class NetworkNamespace {
  private readonly listeners = new Map<number, ListenSocket>();
  private readonly conns = new Set<Connection>();
  private nextClientPort = 40000;

  constructor(readonly ip: string, private readonly clock: Clock, private readonly rng: Rng) {}

  /** bind+listen: undefined means EADDRINUSE (someone in the pod already holds the port). */
  bind(port: number, proc: SimProcess, protocol: Protocol): ListenSocket | undefined {
    if (this.listeners.has(port)) return undefined;
    const sock = new ListenSocket(port, protocol, () => {
      if (this.listeners.get(port) === sock) this.listeners.delete(port);
    });
    sock.share(proc);
    this.listeners.set(port, sock);
    return sock;
  }

  listener(port: number): ListenSocket | undefined {
    return this.listeners.get(port);
  }

  listenersList(): ListenSocket[] {
    return [...this.listeners.values()].sort((a, b) => a.port - b.port);
  }

  /**
   * connect(2): one of the processes accepting on the port takes the connection. When two processes accept on
   * the same socket (MOSN's dual-accept window) the kernel wakes either one, hence the seeded choice.
   */
  connect(port: number): Connection | undefined {
    const sock = this.listeners.get(port);
    if (!sock) return undefined;
    const acceptors = [...sock.acceptors].filter((p) => p.isAlive());
    const owner = this.rng.pick(acceptors);
    if (!owner) return undefined;
    const conn = new Connection(port, sock.protocol, owner, this.clock.now(), this.nextClientPort++);
    this.conns.add(conn);
    owner.onAccept(conn);
    return conn;
  }

  connectionsOf(proc: SimProcess): Connection[] {
    return [...this.conns].filter((c) => c.owner === proc && c.state === 'open');
  }

  openConnections(): Connection[] {
    return [...this.conns].filter((c) => c.state === 'open');
  }

  /** A server closes a connection on purpose (HTTP/1 `Connection: close`). */
  closeConnection(conn: Connection): void {
    conn.state = 'closed';
    this.conns.delete(conn);
  }

  /** The process is gone: its fds close, so its listeners may free their ports and its connections end. */
  releaseProcess(proc: SimProcess): void {
    for (const sock of [...this.listeners.values()]) if (sock.holders.has(proc)) sock.close(proc);
    for (const conn of [...this.conns]) {
      if (conn.owner !== proc) continue;
      conn.state = conn.protocol === 'xprotocol' ? 'reset' : 'closed';
      this.conns.delete(conn);
    }
  }
}
