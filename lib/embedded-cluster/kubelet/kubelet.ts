import type { Pod } from 'kubernetes-types/core/v1';
import { Backoff } from './backoff';
import { messages } from './events';
import { ImagePuller } from './image-puller';
import { IpAllocator } from './ip-allocator';
import { PodWorker } from './pod-worker';
import type { KubeletContext } from './sync-api';
import type { KubeletOptions } from './types';

/**
 * The simulated kubelet of one node. The API server feeds it the pods bound to this node (syncPod on ADDED and
 * MODIFIED, forgetPod on DELETED); it runs them on its ContainerRuntime and reports through the KubeletSink.
 */
export class Kubelet {
  readonly nodeName: string;
  private readonly ctx: KubeletContext;
  private readonly ips: IpAllocator;
  private readonly workers = new Map<string, PodWorker>();
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(opts: KubeletOptions) {
    this.nodeName = opts.nodeName;
    this.ips = new IpAllocator(opts.podCIDR);
    this.ctx = {
      nodeName: opts.nodeName,
      nodeIP: opts.nodeIP,
      clock: opts.clock,
      sink: opts.sink,
      runtime: opts.runtime,
      puller: new ImagePuller(opts.runtime, opts.clock),
      crashBackoff: new Backoff(undefined, undefined, opts.clock.speed),
    };
    this.unsubscribe = opts.runtime.onContainerExit((e) => this.workers.get(e.podUid)?.containerExited());
  }

  /** A pod bound to this node was added or changed. Pods bound elsewhere are ignored. */
  syncPod(pod: Pod): void {
    if (this.stopped) return;
    const uid = pod.metadata?.uid;
    if (!uid || pod.spec?.nodeName !== this.nodeName) return;
    let w = this.workers.get(uid);
    if (!w) {
      // A pod that is already terminal or being deleted when we first see it has nothing to start.
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      w = new PodWorker(this.ctx, this.ips, pod);
      this.workers.set(uid, w);
    }
    w.update(pod);
  }

  /**
   * The pod object is gone (DELETED). Usually the graceful termination already stopped everything; after a force
   * delete the containers are still running and are killed on the spot.
   */
  forgetPod(uid: string): void {
    const w = this.workers.get(uid);
    if (!w) return;
    this.workers.delete(uid);
    if (!w.isTerminating) {
      const pod = w.currentPod();
      for (const name of w.runningContainers()) w.emit(pod, name, 'Normal', 'Killing', messages.stopping(name));
    }
    w.stop();
    this.ctx.runtime.removePodSandbox(uid);
    this.ctx.puller.forgetPod(uid);
    this.ctx.crashBackoff.forget(`${w.currentPod().metadata?.name ?? ''}_${w.currentPod().metadata?.namespace ?? ''}_${uid}_`);
  }

  /** Pods this kubelet is running (uids). */
  podUids(): string[] {
    return [...this.workers.keys()];
  }

  /** Stop all pod workers and timers. The runtime (and its processes) belongs to the caller. */
  stop(): void {
    this.stopped = true;
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
    this.unsubscribe();
  }
}
