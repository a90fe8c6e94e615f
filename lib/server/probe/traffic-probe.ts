import type { ProbeVerdicts } from '@/lib/api';
import { losslessVerdict, rolloutVerdict, type ProbeSample, type SidecarSetSummary } from '@/lib/sidecarset';
import type { ClusterSession } from '@/lib/cluster/cluster-session';
import type { Bus } from '../live/bus';
import type { LiveViews } from '../live/live-views';
import { PodProxyClient } from '@/lib/cluster/pod-proxy';
import { versionFrom } from './version';
import { ProbeRun, type ProbeRunSnapshot } from './probe-run';

export const PROBE_PORT_ANNOTATION = 'dashboard.sidecarset.io/probe-port';
export const PROBE_PATH_ANNOTATION = 'dashboard.sidecarset.io/probe-path';
/** MOSN's data listener in the seed article's setup (and the embedded cluster's MOSN model). */
export const DEFAULT_PROBE_PORT = 2045;

export interface ProbeOptions {
  intervalMs?: number;
  /** At most this many pods are probed per rollout (in-flight ones first). */
  maxPods?: number;
  maxDurationMs?: number;
  maxRequests?: number;
  /** Keep probing this long after the rollout looks finished, to catch a late failure. */
  tailMs?: number;
}

function rolloutActive(s: SidecarSetSummary): boolean {
  if (s.inFlight > 0) return true;
  const stuck = s.blockedReasons.some((b) => b.code === 'Paused' || b.code === 'NotUpdate' || b.code === 'NotUpgradable');
  return !stuck && s.liveCounters.updated < s.liveCounters.matched;
}

/**
 * During a rollout, sends a request every `intervalMs` to each upgrading pod's sidecar through the API server's
 * pod proxy, and records success, latency and the version that answered. Bounded in rate, pods, requests and
 * time; only pods the SidecarSet selects; it stops by itself once the rollout is done.
 */
export class TrafficProbe {
  private readonly runs = new Map<string, ProbeRun[]>();
  private readonly client: PodProxyClient;
  private readonly opts: Required<ProbeOptions>;
  private readonly unsubscribe: () => void;

  constructor(session: ClusterSession, private readonly bus: Bus, private readonly views: LiveViews, opts: ProbeOptions = {}) {
    this.client = new PodProxyClient(session.kc);
    this.opts = {
      intervalMs: Number(process.env.DASHBOARD_PROBE_INTERVAL_MS ?? 200),
      maxPods: 50,
      maxDurationMs: 15 * 60_000,
      maxRequests: 200_000,
      tailMs: 3000,
      ...opts,
    };
    this.unsubscribe = bus.subscribe((t) => t === 'sidecarsets', () => this.review());
    this.review();
  }

  stop(): void {
    this.unsubscribe();
    for (const list of this.runs.values()) for (const r of list) r.finish('dashboard stopped');
    this.client.close();
  }

  /** Start probing a SidecarSet now (the dashboard is changing its image), if not already; returns a new run. */
  begin(name: string, reason = 'upgrade requested from the dashboard'): ProbeRun | undefined {
    const current = this.runs.get(name)?.at(-1);
    if (current && !current.ended) return undefined;
    const detail = this.views.detail(name);
    const ss = this.views.sidecarSet(name);
    if (!detail || !ss) return undefined;
    const annotations = ss.metadata.annotations ?? {};
    const port = Number(annotations[PROBE_PORT_ANNOTATION] ?? DEFAULT_PROBE_PORT);
    const path = annotations[PROBE_PATH_ANNOTATION] ?? '/';
    const inFlightFirst = [...detail.pods.filter((p) => p.member && p.active)]
      .sort((a, b) => Number(b.upgradePhase !== 'Done') - Number(a.upgradePhase !== 'Done') || (a.pending?.position ?? 1e9) - (b.pending?.position ?? 1e9));
    const targets = inFlightFirst.slice(0, this.opts.maxPods).map((p) => ({ namespace: p.namespace, name: p.name }));
    if (targets.length === 0) return undefined;
    const run = new ProbeRun(name, reason, Number.isFinite(port) && port > 0 ? port : DEFAULT_PROBE_PORT, path, this.opts, targets,
      (ns, pod) => this.sample(ns, pod, port, path),
      (snapshot, fresh) => this.bus.emit(`timeline/${name}`, 'probe', { run: snapshot, fresh }));
    const list = this.runs.get(name) ?? [];
    list.push(run);
    if (list.length > 5) list.shift();
    this.runs.set(name, list);
    return run;
  }

  /** Forget a run `begin` just started: the change it was meant to watch was refused. */
  cancel(run: ProbeRun): void {
    run.finish('upgrade refused by the cluster');
    const list = this.runs.get(run.sidecarSet);
    if (list) this.runs.set(run.sidecarSet, list.filter((r) => r !== run));
  }

  snapshot(name: string): ProbeRunSnapshot[] {
    return (this.runs.get(name) ?? []).map((r) => r.snapshot());
  }

  verdicts(name: string): ProbeVerdicts[] {
    return (this.runs.get(name) ?? []).map((r) => {
      const byPod = r.samplesByPod();
      return { runId: r.id, ...rolloutVerdict(byPod), perPodText: Object.fromEntries(Object.entries(byPod).map(([k, v]) => [k, losslessVerdict(v).text])) };
    });
  }

  /** Start runs for rollouts the dashboard did not start (kubectl, CI), end runs whose rollout finished. */
  private review(): void {
    for (const s of this.views.summaries()) {
      const current = this.runs.get(s.name)?.at(-1);
      const active = rolloutActive(s);
      if (active && (!current || current.ended)) this.begin(s.name, 'rollout observed');
      else if (current && !current.ended) current.setRolloutActive(active);
    }
  }

  private async sample(namespace: string, pod: string, port: number, path: string): Promise<ProbeSample> {
    const atMs = Date.now();
    try {
      const a = await this.client.get(namespace, pod, port, path);
      const ok = a.status >= 200 && a.status < 400;
      return { atMs, ok, latencyMs: Math.round(a.latencyMs), version: ok ? versionFrom(a.body) : undefined, ...(ok ? {} : { error: `HTTP ${a.status}: ${errorText(a.body)}` }) };
    } catch (e) {
      return { atMs, ok: false, latencyMs: Date.now() - atMs, error: (e as Error).message };
    }
  }
}

function errorText(body: string): string {
  try {
    const j = JSON.parse(body) as { message?: string };
    if (j.message) return j.message;
  } catch {
    // not a Status
  }
  return body.slice(0, 200);
}
