import type { Pod } from 'kubernetes-types/core/v1';
import { simulatedSince, wallAfter, type Timer } from '../clock';
import { containerFieldPath } from './events';
import type { IpAllocator } from './ip-allocator';
import { killContainer } from './kill-container';
import type { PodState } from './pod-state';
import { buildPodStatus } from './pod-status';
import { stableStringify } from './runtime/prng';
import type { KubeletContext, PodSyncApi } from './sync-api';
import { syncPodContainers } from './sync-pod';

/** The kubelet's PLEG relists containers every second; a container exit triggers a sync that much later. */
export const PLEG_RELIST_MS = 1_000;

const isDeleting = (pod: Pod): boolean => !!pod.metadata?.deletionTimestamp;

/**
 * One pod's worker (the kubelet's podWorkers): syncs run one at a time; updates that arrive meanwhile (a new spec
 * from the API server, a container exit, a back-off expiry) mark the pod dirty and it syncs again afterwards.
 * Status is written at the start and end of each sync and only when it changed, so a sync blocked in a postStart
 * hook keeps the previous status visible, exactly like the real kubelet.
 */
export class PodWorker implements PodSyncApi {
  readonly state: PodState;
  private pod: Pod;
  private running = false;
  private dirty = false;
  private stopped = false;
  private terminating = false;
  private abort?: AbortController;
  private wake?: { at: number; timer: Timer };
  private lastWritten?: string;

  constructor(readonly k: KubeletContext, private readonly ips: IpAllocator, pod: Pod) {
    this.pod = pod;
    this.state = { uid: pod.metadata?.uid ?? '', sandboxReady: false, containers: new Map(), conditions: new Map() };
  }

  update(pod: Pod): void {
    this.pod = pod;
    // A deletion interrupts whatever the sync is waiting on (a pull, a postStart hook), as the pod worker's
    // context cancellation does.
    if (isDeleting(pod)) this.abort?.abort(new Error('pod is being deleted'));
    this.kick();
  }

  /** PLEG: a container of this pod exited; the relist notices it up to a second later. */
  containerExited(): void {
    this.requestWake(wallAfter(this.k.clock, this.k.clock.now(), PLEG_RELIST_MS));
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    void this.loop();
  }

  emit(pod: Pod, containerName: string | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (this.stopped) return;
    this.k.sink.event(pod, { type, reason, message, ...(containerName !== undefined ? { fieldPath: containerFieldPath(containerName) } : {}) });
  }

  /** Sync again at the wall-clock time `at` (the clock's timers take simulated delays, hence the conversion). */
  requestWake(at: number): void {
    if (this.stopped || (this.wake && this.wake.at <= at)) return;
    this.wake?.timer.cancel();
    const timer = this.k.clock.after(Math.max(0, simulatedSince(this.k.clock, this.k.clock.now(), at)), () => {
      this.wake = undefined;
      this.kick();
    });
    this.wake = { at, timer };
  }

  /** Stop for good: forget timers, cancel the running sync, free the pod IP. */
  stop(): void {
    this.stopped = true;
    this.abort?.abort(new Error('kubelet stopped watching this pod'));
    this.wake?.timer.cancel();
    this.wake = undefined;
    if (this.state.podIP) this.ips.release(this.state.podIP);
    this.state.podIP = undefined;
  }

  get isTerminating(): boolean {
    return this.terminating;
  }

  /** Running containers right now (for forgetPod's Killing events). */
  runningContainers(): string[] {
    return [...this.state.containers.entries()]
      .filter(([, r]) => r.current && this.k.runtime.containerStatus(r.current.id)?.state === 'running')
      .map(([name]) => name);
  }

  currentPod(): Pod {
    return this.pod;
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      do {
        this.dirty = false;
        await this.syncOnce();
      } while (this.dirty && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private async syncOnce(): Promise<void> {
    if (this.terminating) return;
    if (isDeleting(this.pod)) {
      await this.terminate(this.pod);
      return;
    }
    const ac = new AbortController();
    this.abort = ac;
    try {
      this.ensureSandbox(this.pod);
      await this.writeStatus(this.pod, false);
      await syncPodContainers(this, this.pod, ac.signal);
    } catch (e) {
      if (!ac.signal.aborted) this.emit(this.pod, undefined, 'Warning', 'FailedSync', `error syncing pod: ${(e as Error).message}`);
    } finally {
      this.abort = undefined;
    }
    if (!this.stopped && !isDeleting(this.pod)) await this.writeStatus(this.pod, false);
  }

  private ensureSandbox(pod: Pod): void {
    if (this.state.sandboxReady) return;
    const ip = this.ips.allocate();
    const m = pod.metadata ?? {};
    this.k.runtime.runPodSandbox({
      pod: { name: m.name ?? '', namespace: m.namespace ?? 'default', uid: m.uid ?? '' },
      ip,
      volumes: (pod.spec?.volumes ?? []).map((v) => v.name),
    });
    this.state.podIP = ip;
    this.state.startTime = this.k.clock.now();
    this.state.sandboxReady = true;
  }

  /** Graceful deletion: stop every running container in parallel, report the final status, then delete. */
  private async terminate(pod: Pod): Promise<void> {
    this.terminating = true;
    this.wake?.timer.cancel();
    this.wake = undefined;
    const specs = new Map((pod.spec?.containers ?? []).map((c) => [c.name, c]));
    const kills = [...this.state.containers.entries()]
      .filter(([, r]) => r.current && this.k.runtime.containerStatus(r.current.id)?.state === 'running')
      .map(([name, r]) => (r.current ? killContainer(this, pod, name, specs.get(name), r.current) : Promise.resolve()));
    await Promise.all(kills);
    for (const rec of this.state.containers.values()) rec.waiting = undefined;
    if (this.stopped) return;
    await this.writeStatus(pod, true);
    this.k.runtime.removePodSandbox(this.state.uid);
    this.state.sandboxReady = false;
    try {
      await this.k.sink.removePod(pod);
    } catch {
      // Already gone, or the server will tell us with a DELETED event; either way nothing is left to do.
    }
  }

  private async writeStatus(pod: Pod, terminal: boolean): Promise<void> {
    if (this.stopped) return;
    const status = buildPodStatus({ pod, state: this.state, runtime: this.k.runtime, nodeIP: this.k.nodeIP, now: this.k.clock.now(), speed: this.k.clock.speed, terminal });
    const json = stableStringify(status);
    if (json === this.lastWritten) return;
    try {
      await this.k.sink.writeStatus(pod, status);
      this.lastWritten = json;
    } catch {
      // The pod may be gone (a DELETED event will follow) or the write lost a race; the next change retries.
    }
  }
}
