import type { Clock, Timer } from '../../clock';
import { ProxyConnectionError } from './errors';
import { ContainerFs, FileStore } from './filesystem';
import { describeImage, type ImageInfo } from './image-catalogue';
import { ImageStore, type PulledImage } from './image-store';
import { viewPod, type ImageView, type PodRuntimeView } from './inspect';
import { createRng, sha256Hex, type Rng } from './prng';
import { containerLogOf, type ContainerLog } from './container-log';
import type { SimProcess } from './process';
import { createProcess } from './process-factory';
import { UpstreamPool } from './proxy';
import { Sandbox } from './sandbox';
import { execInContainer, type ExecResult } from './shell/exec';
import type { PodIdentity, ProxyRequest, ProxyResponse } from './types';

export type { PulledImage } from './image-store';
export type { ContainerLog } from './container-log';

export interface RuntimeOptions {
  clock: Clock;
  /** Seed for every random choice the runtime makes (accepting process, migration times). */
  seed?: number;
}

export interface SandboxConfig {
  pod: PodIdentity;
  ip: string;
  /** Names of the pod's volumes; each becomes one store shared by the containers that mount it. */
  volumes: readonly string[];
}

export interface ContainerConfig {
  name: string;
  /** The image as written in the pod spec. */
  image: string;
  /** Resolved by the kubelet at start; the process keeps these values for its whole life. */
  env: Readonly<Record<string, string>>;
  mounts: ReadonlyArray<{ volume: string; mountPath: string }>;
  /** restartCount of this instance. */
  attempt: number;
}

export interface RuntimeContainerStatus {
  id: string;
  podUid: string;
  name: string;
  attempt: number;
  image: ImageInfo;
  state: 'created' | 'running' | 'exited';
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: 'Completed' | 'Error';
}

export interface ContainerExitEvent {
  podUid: string;
  containerId: string;
  name: string;
  exitCode: number;
}

interface RuntimeContainer extends RuntimeContainerStatus {
  sandbox: Sandbox;
  env: Readonly<Record<string, string>>;
  fs: ContainerFs;
  process?: SimProcess;
  execs: Set<AbortController>;
}

/** How many instances of one container the runtime remembers (the kubelet reports the last two). */
const KEEP_INSTANCES = 2;

/**
 * The simulated container runtime of one node (containerd behind CRI, reduced to what the kubelet and the pod
 * proxy need): an image store, pod sandboxes, containers whose main process is a model chosen by the image
 * catalogue, exec for hooks, and the API server's proxy path into pods.
 */
export class ContainerRuntime {
  readonly clock: Clock;
  private readonly rng: Rng;
  private readonly images: ImageStore;
  private readonly sandboxes = new Map<string, Sandbox>();
  private readonly containers = new Map<string, RuntimeContainer>();
  private readonly exitListeners = new Set<(e: ContainerExitEvent) => void>();
  private readonly pool = new UpstreamPool();
  private idCounter = 0;

  constructor(opts: RuntimeOptions) {
    this.clock = opts.clock;
    this.rng = createRng(opts.seed ?? 20260720);
    this.images = new ImageStore(opts.clock);
  }

  // ---- images -------------------------------------------------------------------------------------------

  describeImage(image: string): ImageInfo | { error: string } {
    return describeImage(image);
  }

  isImagePresent(image: string): boolean {
    return this.images.isPresent(image);
  }

  /** Pull (or re-check) an image; rejects with ImagePullError, or with the signal's reason when aborted. */
  pullImage(image: string, signal?: AbortSignal): Promise<PulledImage> {
    return this.images.pull(image, signal);
  }

  listImages(): ImageView[] {
    return this.images.list();
  }

  // ---- sandboxes ----------------------------------------------------------------------------------------

  runPodSandbox(cfg: SandboxConfig): void {
    if (this.sandboxes.has(cfg.pod.uid)) return;
    this.sandboxes.set(cfg.pod.uid, new Sandbox(cfg.pod, cfg.ip, cfg.volumes, this.clock, this.rng));
  }

  hasSandbox(podUid: string): boolean {
    return this.sandboxes.has(podUid);
  }

  /** Tear the pod down: anything still running is SIGKILLed, the proxy forgets its connections. */
  removePodSandbox(podUid: string): void {
    for (const [id, c] of [...this.containers.entries()]) {
      if (c.podUid !== podUid) continue;
      c.process?.sigkill();
      this.containers.delete(id);
    }
    this.pool.dropPod(podUid);
    this.sandboxes.delete(podUid);
  }

  // ---- containers ---------------------------------------------------------------------------------------

  createContainer(podUid: string, cfg: ContainerConfig): string {
    const sandbox = this.sandboxes.get(podUid);
    if (!sandbox) throw new Error(`pod sandbox ${podUid} not found`);
    const info = this.images.present(cfg.image);
    if (!info) throw new Error(`image "${cfg.image}" is not present on the node`);
    const id = sha256Hex(`container:${podUid}:${cfg.name}:${cfg.attempt}:${this.idCounter++}`);
    const root = new FileStore(`container ${cfg.name}`);
    for (const f of info.files) root.set(f, { kind: 'file', content: '#!/bin/sh\n' });
    const fs = new ContainerFs(root, [
      { path: '/dev/shm', store: sandbox.shm },
      ...cfg.mounts.map((m) => ({ path: m.mountPath, store: sandbox.volume(m.volume) })),
    ]);
    this.containers.set(id, {
      id, podUid, name: cfg.name, attempt: cfg.attempt, image: info, state: 'created', createdAt: this.clock.now(),
      sandbox, env: { ...cfg.env }, fs, execs: new Set(),
    });
    this.forgetOldInstances(podUid, cfg.name);
    return id;
  }

  startContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c || c.state !== 'created') throw new Error(`container ${id} cannot be started`);
    const proc = createProcess({
      clock: this.clock, rng: this.rng, pod: c.sandbox.pod, containerName: c.name, containerId: id,
      image: c.image, env: c.env, fs: c.fs, netns: c.sandbox.netns,
    });
    c.process = proc;
    c.state = 'running';
    c.startedAt = this.clock.now();
    c.sandbox.addProcess(proc);
    proc.onExited((p) => this.containerExited(c, p.exitCode ?? 1));
    if (c.image.crashAfterMs !== undefined) proc.crashAfter(c.image.crashAfterMs);
    proc.start();
  }

  private containerExited(c: RuntimeContainer, exitCode: number): void {
    c.state = 'exited';
    c.finishedAt = this.clock.now();
    c.exitCode = exitCode;
    c.reason = exitCode === 0 ? 'Completed' : 'Error';
    for (const ac of c.execs) ac.abort(new Error('container exited'));
    const event = { podUid: c.podUid, containerId: c.id, name: c.name, exitCode };
    for (const l of this.exitListeners) l(event);
  }

  /** SIGTERM, then SIGKILL when the grace period runs out; resolves once the process is gone. */
  stopContainer(id: string, gracePeriodMs: number): Promise<void> {
    const proc = this.containers.get(id)?.process;
    if (!proc || !proc.isAlive()) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: Timer | undefined;
      proc.onExited(() => {
        timer?.cancel();
        resolve();
      });
      proc.sigterm();
      if (proc.isAlive()) timer = this.clock.after(Math.max(0, gracePeriodMs), () => proc.sigkill());
    });
  }

  containerStatus(id: string): RuntimeContainerStatus | undefined {
    const c = this.containers.get(id);
    if (!c) return undefined;
    const { sandbox: _s, env: _e, fs: _f, process: _p, execs: _x, ...status } = c;
    return { ...status };
  }

  /** CRI ExecSync: run argv inside the container; killed (137) if the container dies meanwhile. */
  async exec(id: string, argv: readonly string[], signal?: AbortSignal): Promise<ExecResult> {
    const c = this.containers.get(id);
    if (!c || c.state !== 'running') {
      const state = c ? `CONTAINER_${c.state.toUpperCase()}` : 'CONTAINER_UNKNOWN';
      return { exitCode: 126, stdout: '', stderr: '', error: `failed to exec in container: container is in ${state} state` };
    }
    const ac = new AbortController();
    c.execs.add(ac);
    const onAbort = (): void => ac.abort(signal?.reason);
    if (signal?.aborted) ac.abort(signal.reason);
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await execInContainer(argv, { clock: this.clock, signal: ac.signal, fs: c.fs, imageFiles: c.image.files }, c.env);
      if (res.error === undefined) return res;
      const execId = sha256Hex(`exec:${id}:${this.idCounter++}`);
      return { ...res, error: `failed to exec in container: failed to start exec "${execId}": ${res.error}` };
    } finally {
      c.execs.delete(ac);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * CRI ReopenContainerLog/ContainerLog, reduced: the log of one container instance (running or among the last
   * exited ones the runtime still keeps), and a way to follow it until the process exits.
   */
  containerLog(id: string): ContainerLog | undefined {
    const c = this.containers.get(id);
    if (!c) return undefined;
    return containerLogOf(c.process);
  }

  /**
   * What a lifecycle hook printed. A real kubelet only keeps it for the FailedPostStartHook message; here it also
   * goes to the container's log (as a hook that writes to /proc/1/fd/1 would), so `kubectl logs` shows the hand-over.
   */
  recordHookOutput(id: string, hook: string, output: string): void {
    const proc = this.containers.get(id)?.process;
    if (!proc) return;
    for (const line of output.split('\n')) if (line.trim() !== '') proc.log(`[${hook}] ${line}`);
  }

  onContainerExit(listener: (e: ContainerExitEvent) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  private forgetOldInstances(podUid: string, name: string): void {
    const same = [...this.containers.values()]
      .filter((c) => c.podUid === podUid && c.name === name)
      .sort((a, b) => b.createdAt - a.createdAt || b.attempt - a.attempt);
    for (const old of same.slice(KEEP_INSTANCES)) if (old.state === 'exited') this.containers.delete(old.id);
  }

  // ---- traffic and introspection ------------------------------------------------------------------------

  /**
   * The API server's pod proxy: one request to `port` of the pod over the proxy's persistent connection.
   * Rejects with ProxyConnectionError ("connection refused" / "connection reset by peer").
   */
  async proxy(podUid: string, port: number, req: ProxyRequest): Promise<ProxyResponse> {
    const sb = this.sandboxes.get(podUid);
    if (!sb) throw new ProxyConnectionError('ECONNREFUSED', 'connect: connection refused');
    return this.pool.request(sb, port, req);
  }

  inspectPod(podUid: string): PodRuntimeView | undefined {
    const sb = this.sandboxes.get(podUid);
    return sb ? viewPod(sb, this.pool.connectionIds(podUid)) : undefined;
  }

  inspectPods(): PodRuntimeView[] {
    return [...this.sandboxes.keys()].flatMap((uid) => {
      const v = this.inspectPod(uid);
      return v ? [v] : [];
    });
  }

  /** Kill everything without ceremony (the cluster is shutting down). */
  stop(): void {
    for (const uid of [...this.sandboxes.keys()]) this.removePodSandbox(uid);
  }
}
