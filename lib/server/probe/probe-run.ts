import type { ProbeRunSnapshot } from '@/lib/api';

export type { ProbeRunSnapshot };
import { randomUUID } from 'node:crypto';
import { losslessVerdict, type ProbeSample } from '@/lib/sidecarset';

export interface ProbeTarget {
  namespace: string;
  name: string;
}

export interface ProbeLimits {
  intervalMs: number;
  maxDurationMs: number;
  maxRequests: number;
  tailMs: number;
}


/** New samples are pushed in small batches: often enough to look live, rarely enough not to flood the stream. */
const PUBLISH_EVERY_MS = 250;

/** One rollout's probing: a request loop per pod, limits, and the samples. */
export class ProbeRun {
  readonly id = randomUUID();
  readonly startedAt = Date.now();
  endedAt: number | undefined;
  stopReason: string | undefined;
  private requests = 0;
  private readonly samples = new Map<string, ProbeSample[]>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private pending: Array<{ pod: string; sample: ProbeSample }> = [];
  private publishTimer: ReturnType<typeof setInterval>;
  private quietSince: number | undefined;

  constructor(
    readonly sidecarSet: string,
    readonly reason: string,
    readonly port: number,
    readonly path: string,
    private readonly limits: ProbeLimits,
    private readonly targets: ProbeTarget[],
    private readonly send: (namespace: string, pod: string) => Promise<ProbeSample>,
    private readonly publish: (run: ProbeRunSnapshot, fresh: Array<{ pod: string; sample: ProbeSample }>) => void,
  ) {
    for (const t of targets) {
      this.samples.set(`${t.namespace}/${t.name}`, []);
      this.loop(t);
    }
    this.publishTimer = setInterval(() => this.flush(), PUBLISH_EVERY_MS);
    this.publishTimer.unref();
  }

  get ended(): boolean {
    return this.endedAt !== undefined;
  }

  /** The rollout's state as the views see it; the run ends `tailMs` after it stops being active. */
  setRolloutActive(active: boolean): void {
    if (active) {
      this.quietSince = undefined;
      return;
    }
    this.quietSince ??= Date.now();
    if (Date.now() - this.quietSince >= this.limits.tailMs) this.finish('rollout finished');
  }

  private loop(t: ProbeTarget): void {
    const key = `${t.namespace}/${t.name}`;
    const tick = async (): Promise<void> => {
      if (this.ended) return;
      if (Date.now() - this.startedAt > this.limits.maxDurationMs) return this.finish('time limit reached');
      if (this.requests >= this.limits.maxRequests) return this.finish('request limit reached');
      if (this.quietSince !== undefined && Date.now() - this.quietSince >= this.limits.tailMs) return this.finish('rollout finished');
      const started = Date.now();
      this.requests++;
      const sample = await this.send(t.namespace, t.name);
      if (this.ended) return;
      this.samples.get(key)?.push(sample);
      this.pending.push({ pod: key, sample });
      // Fixed cadence from the request's start; a slow answer delays only the next request of this pod.
      const timer = setTimeout(() => { this.timers.delete(timer); void tick(); }, Math.max(0, this.limits.intervalMs - (Date.now() - started)));
      this.timers.add(timer);
    };
    void tick();
  }

  finish(reason: string): void {
    if (this.ended) return;
    this.endedAt = Date.now();
    this.stopReason = reason;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    clearInterval(this.publishTimer);
    this.flush(true);
  }

  private flush(force = false): void {
    if (!force && this.pending.length === 0) return;
    const fresh = this.pending;
    this.pending = [];
    this.publish(this.snapshot(false), fresh);
  }

  samplesByPod(): Record<string, ProbeSample[]> {
    return Object.fromEntries([...this.samples].map(([k, v]) => [k, [...v]]));
  }

  snapshot(withSamples = true): ProbeRunSnapshot {
    return {
      id: this.id,
      sidecarSet: this.sidecarSet,
      reason: this.reason,
      port: this.port,
      path: this.path,
      intervalMs: this.limits.intervalMs,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      stopReason: this.stopReason,
      requests: this.requests,
      pods: this.targets.map((t) => {
        const s = this.samples.get(`${t.namespace}/${t.name}`) ?? [];
        return { ...t, samples: withSamples ? [...s] : [], verdict: losslessVerdict(s) };
      }),
    };
  }
}
