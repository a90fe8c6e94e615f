import { apiRequest, expectOk, firstResourceVersion, keepAliveAgent, type ApiEndpoint } from './https-client';
import { LeanConnection, LeanPool } from './lean-https';
import { PROBE_CONDITION, type PodRef } from './pod-writer';
import { epochMs } from './watch-protocol';

/**
 * Kubelet-style writes of pods/status for the dashboard groups, each remembered with its send time and the
 * resourceVersion the API server gave it, which is what the pages put in `data-rv`:
 * - `condition`: one pod condition (merged by type) with a new message: the pod's view changes, its timeline
 *   does not (conditions are not on it);
 * - `ready`: every container's `ready` flipped (the full containerStatuses, as a kubelet sends them): one
 *   timeline entry per container, and the view's READY column changes.
 */
export type StatusWriteKind = 'condition' | 'ready';

export interface StatusWrite {
  pod: string;
  rv: string;
  /** Epoch ms just before the request was written to the socket. */
  sentAt: number;
  /** PATCH round trip (ms). */
  patchMs: number;
}

interface PodStatusShape {
  metadata: { namespace: string; name: string };
  status?: { containerStatuses?: Array<Record<string, unknown> & { ready?: boolean }> };
}

export class StatusWriter {
  private seq = 0;
  private readonly statuses = new Map<string, NonNullable<NonNullable<PodStatusShape['status']>['containerStatuses']>>();

  private constructor(private readonly ep: ApiEndpoint) {}

  /** Reads the pods' current container statuses once (a LIST), for `ready` writes. */
  static async open(ep: ApiEndpoint): Promise<StatusWriter> {
    const w = new StatusWriter(ep);
    const agent = keepAliveAgent(ep, 1);
    try {
      const r = expectOk(await apiRequest(ep, agent, 'GET', '/api/v1/pods'), 'list pods');
      for (const p of (JSON.parse(r.body.toString('utf8')) as { items: PodStatusShape[] }).items) {
        w.statuses.set(`${p.metadata.namespace}/${p.metadata.name}`, p.status?.containerStatuses ?? []);
      }
    } finally {
      agent.destroy();
    }
    return w;
  }

  body(kind: StatusWriteKind, pod: PodRef): string {
    const n = ++this.seq;
    if (kind === 'condition') {
      return JSON.stringify({ status: { conditions: [{ type: PROBE_CONDITION, status: 'True', reason: 'BenchWrite', message: `write ${n}` }] } });
    }
    const key = `${pod.namespace}/${pod.name}`;
    const flipped = (this.statuses.get(key) ?? []).map((s) => ({ ...s, ready: !s.ready }));
    this.statuses.set(key, flipped);
    return JSON.stringify({ status: { containerStatuses: flipped } });
  }

  private async send(conn: LeanConnection | LeanPool, kind: StatusWriteKind, pod: PodRef): Promise<StatusWrite> {
    const body = this.body(kind, pod);
    const sentAt = epochMs();
    const t0 = performance.now();
    const r = await conn.request('PATCH', `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}/status`, body, 'application/strategic-merge-patch+json');
    const rv = r.status === 200 ? firstResourceVersion(r.body) : undefined;
    if (rv === undefined) throw new Error(`status write to ${pod.namespace}/${pod.name}: HTTP ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
    return { pod: `${pod.namespace}/${pod.name}`, rv: String(rv), sentAt, patchMs: performance.now() - t0 };
  }

  /** One write every 1000/rate ms, round-robin over `pods`, each waiting for the previous one's answer. */
  async paced(kind: StatusWriteKind, pods: PodRef[], rate: number, count: number, onWrite?: (w: StatusWrite) => void): Promise<StatusWrite[]> {
    const conn = await LeanConnection.open(this.ep);
    const out: StatusWrite[] = [];
    try {
      const t0 = performance.now();
      for (let i = 0; i < count; i++) {
        const wait = t0 + (i * 1000) / rate - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const w = await this.send(conn, kind, pods[i % pods.length] as PodRef);
        out.push(w);
        onWrite?.(w);
      }
    } finally {
      conn.close();
    }
    return out;
  }

  /** As fast as `concurrency` connections allow: a controlled amount of change, not a latency measurement. */
  async flat(kind: StatusWriteKind, pods: PodRef[], count: number, concurrency: number): Promise<number> {
    const pool = await LeanPool.open(this.ep, concurrency);
    let next = 0;
    try {
      const client = async (): Promise<void> => {
        while (next < count) await this.send(pool, kind, pods[next++ % pods.length] as PodRef);
      };
      await Promise.all(Array.from({ length: concurrency }, client));
    } finally {
      pool.close();
    }
    return next;
  }
}
