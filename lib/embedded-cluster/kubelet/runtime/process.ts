import type { Clock, Timer } from '../../clock';
import type { ContainerFs, SocketOwner } from './filesystem';
import type { ImageInfo } from './image-catalogue';
import type { Connection, NetworkNamespace } from './netns';
import type { Rng } from './prng';
import type { PodIdentity, ProcessState, ProxyRequest, ProxyResponse } from './types';

/** Everything a process model may touch: its own files, the pod's shared network and storage, and time. */
export interface ProcessContext {
  clock: Clock;
  rng: Rng;
  pod: PodIdentity;
  containerName: string;
  containerId: string;
  image: ImageInfo;
  /** The environment resolved by the kubelet when the container started (downward API values are frozen). */
  env: Readonly<Record<string, string>>;
  fs: ContainerFs;
  netns: NetworkNamespace;
}

/** How long a process takes to notice it cannot start (bind error, socket clash) before it exits. */
export const STARTUP_FAILURE_MS = 100;

const MAX_LOG_LINES = 200;

export interface LogEntry {
  /** Wall-clock ms. */
  at: number;
  text: string;
}
let nextPid = 100;

/**
 * The main process of one container. Models override `onStart` and, when they listen, `handle`. The base class
 * owns the bookkeeping every model needs: timers that die with the process, exit notification, and releasing the
 * process's sockets (which is what resets or closes its connections).
 */
export abstract class SimProcess implements SocketOwner {
  readonly pid = nextPid++;
  abstract readonly model: string;
  state: ProcessState = 'starting';
  readonly startedAt: number;
  exitedAt?: number;
  exitCode?: number;
  /** PID 1 without a SIGTERM handler (busybox `sleep`): only SIGKILL at the end of the grace period stops it. */
  ignoreSigterm = false;
  /** What the process wrote to stdout/stderr, newest last: what `kubectl logs` reads (the kubelet's CRI log). */
  readonly logEntries: LogEntry[] = [];
  private readonly logListeners = new Set<(e: LogEntry) => void>();
  private readonly timers = new Set<Timer>();
  private readonly exitListeners: Array<(p: SimProcess) => void> = [];

  constructor(protected readonly ctx: ProcessContext) {
    this.startedAt = ctx.clock.now();
  }

  get containerName(): string {
    return this.ctx.containerName;
  }
  get containerId(): string {
    return this.ctx.containerId;
  }
  get image(): ImageInfo {
    return this.ctx.image;
  }

  isAlive(): boolean {
    return this.state !== 'exited';
  }

  start(): void {
    this.log(`start ${this.model} (${this.ctx.image.reference})`);
    this.onStart();
  }

  protected abstract onStart(): void;

  /** Graceful stop request. Every model exits 0 at once unless it ignores SIGTERM. */
  sigterm(): void {
    if (!this.isAlive()) return;
    if (this.ignoreSigterm) {
      this.log('SIGTERM ignored (PID 1 without a handler)');
      return;
    }
    this.log('SIGTERM: shutting down');
    this.onSigterm();
  }

  protected onSigterm(): void {
    this.exit(0);
  }

  /** The `crash` image modifier: the process dies on its own after `ms`. */
  crashAfter(ms: number): void {
    this.after(ms, () => this.exit(1, 'fatal error: simulated crash (image tag contains "crash")'));
  }

  sigkill(): void {
    if (!this.isAlive()) return;
    this.log('SIGKILL');
    this.exit(137);
  }

  /** A timer that is cancelled if the process exits first. */
  protected after(ms: number, fn: () => void): Timer {
    const t = this.ctx.clock.after(ms, () => {
      this.timers.delete(t);
      if (this.isAlive()) fn();
    });
    this.timers.add(t);
    return t;
  }

  exit(code: number, why?: string): void {
    if (!this.isAlive()) return;
    if (why) this.log(why);
    this.log(`exit ${code}`);
    this.state = 'exited';
    this.exitCode = code;
    this.exitedAt = this.ctx.clock.now();
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.onExit();
    this.ctx.netns.releaseProcess(this);
    for (const l of this.exitListeners.splice(0)) l(this);
  }

  /** Last words before the sockets close (MOSN forgets pending migrations here). */
  protected onExit(): void {}

  onExited(listener: (p: SimProcess) => void): void {
    if (this.isAlive()) this.exitListeners.push(listener);
    else listener(this);
  }

  /** Called when the network namespace hands this process a new connection. */
  onAccept(_conn: Connection): void {}

  /** Serve one request on a connection this process owns. Models that listen override this. */
  handle(_conn: Connection, _req: ProxyRequest): ProxyResponse {
    return { status: 502, headers: { 'content-type': 'text/plain' }, body: 'no handler\n' };
  }

  /** Extra model-specific facts for the introspection view. */
  details(): Record<string, string | number | boolean> {
    return {};
  }

  /** The log as the introspection view shows it: one ISO timestamp and the line. */
  get logs(): string[] {
    return this.logEntries.map((e) => `${new Date(e.at).toISOString()} ${e.text}`);
  }

  log(line: string): void {
    const entry = { at: this.ctx.clock.now(), text: line };
    this.logEntries.push(entry);
    if (this.logEntries.length > MAX_LOG_LINES) this.logEntries.shift();
    for (const l of this.logListeners) l(entry);
  }

  /** Follow the log (`kubectl logs -f`); returns the unsubscribe. */
  onLog(listener: (e: LogEntry) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }
}
