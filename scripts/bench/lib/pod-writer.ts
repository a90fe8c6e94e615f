import { apiRequest, firstResourceVersion, keepAliveAgent, type ApiEndpoint, type ApiResponse } from './https-client';
import { LeanPool } from './lean-https';
import { epochMs, tsMarker } from './watch-protocol';

export interface PodRef {
  namespace: string;
  name: string;
}

/**
 * - `status`: a kubelet-style strategic-merge PATCH of pods/status that sets one pod condition (merged by type);
 * - `annotation`: a JSON merge PATCH of the pod's metadata, through the full pod update path (admission included).
 * Both carry the send time, so a watcher can compute write → delivery latency from the event alone.
 */
export type WriteKind = 'status' | 'annotation';

export const PROBE_CONDITION = 'bench.sidecarset.dev/Probe';
export const SENT_AT_ANNOTATION = 'bench.sidecarset.dev/sent-at';

function writeRequest(kind: WriteKind, pod: PodRef): { path: string; body: string; contentType: string } {
  const stamp = `${tsMarker(kind)}${epochMs().toFixed(3)}`;
  const base = `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`;
  if (kind === 'status') {
    return {
      path: `${base}/status`,
      contentType: 'application/strategic-merge-patch+json',
      body: JSON.stringify({ status: { conditions: [{ type: PROBE_CONDITION, status: 'True', reason: 'BenchWrite', message: stamp }] } }),
    };
  }
  return {
    path: base,
    contentType: 'application/merge-patch+json',
    body: JSON.stringify({ metadata: { annotations: { [SENT_AT_ANNOTATION]: stamp } } }),
  };
}

export interface WriteLog {
  /** resourceVersion of every successful write: what each watcher must receive. */
  rvs: number[];
  latenciesMs: number[];
  failures: number;
  failureSamples: string[];
  startEpoch: number;
  endEpoch: number;
}

function newLog(): WriteLog {
  return { rvs: [], latenciesMs: [], failures: 0, failureSamples: [], startEpoch: epochMs(), endEpoch: 0 };
}

/** How writes reach the server: `lean` (lean-https.ts, default) or `node` (node:https with a keep-alive Agent). */
export type WriterClient = 'lean' | 'node';

interface Sender {
  send(path: string, body: string, contentType: string): Promise<ApiResponse>;
  close(): void;
}

async function openSender(ep: ApiEndpoint, client: WriterClient, connections: number): Promise<Sender> {
  if (client === 'lean') {
    const pool = await LeanPool.open(ep, connections);
    return { send: (path, body, ct) => pool.request('PATCH', path, body, ct), close: () => pool.close() };
  }
  const agent = keepAliveAgent(ep, connections);
  return { send: (path, body, ct) => apiRequest(ep, agent, 'PATCH', path, body, ct), close: () => agent.destroy() };
}

async function writeOne(sender: Sender, kind: WriteKind, pod: PodRef, log: WriteLog): Promise<void> {
  const { path, body, contentType } = writeRequest(kind, pod);
  try {
    const r = await sender.send(path, body, contentType);
    const rv = r.status === 200 ? firstResourceVersion(r.body) : undefined;
    if (rv === undefined) throw new Error(`HTTP ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
    log.rvs.push(rv);
    log.latenciesMs.push(r.endedAt - r.startedAt);
  } catch (e) {
    log.failures++;
    if (log.failureSamples.length < 5) log.failureSamples.push((e as Error).message);
  }
}

/** Closed loop: `concurrency` clients, each sending its next write when the previous one answered, for `durationMs`. */
export async function writeFlat(
  ep: ApiEndpoint, pods: PodRef[],
  opts: { kind: WriteKind; concurrency: number; durationMs: number; offset?: number; client?: WriterClient },
): Promise<WriteLog> {
  const sender = await openSender(ep, opts.client ?? 'lean', opts.concurrency);
  const log = newLog();
  const until = performance.now() + opts.durationMs;
  let next = opts.offset ?? 0;
  const client = async (): Promise<void> => {
    while (performance.now() < until) await writeOne(sender, opts.kind, pods[next++ % pods.length] as PodRef, log);
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  log.endEpoch = epochMs();
  sender.close();
  return log;
}

/** Open loop: one write every 1000/rate ms regardless of answers, so delivery latency is not inflated by queueing. */
export async function writePaced(
  ep: ApiEndpoint, pods: PodRef[], opts: { kind: WriteKind; rate: number; count: number; offset?: number; client?: WriterClient },
): Promise<WriteLog> {
  const sender = await openSender(ep, opts.client ?? 'lean', 8);
  const log = newLog();
  const t0 = performance.now();
  const inflight: Array<Promise<void>> = [];
  for (let i = 0; i < opts.count; i++) {
    const due = t0 + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(writeOne(sender, opts.kind, pods[((opts.offset ?? 0) + i) % pods.length] as PodRef, log));
  }
  await Promise.all(inflight);
  log.endEpoch = epochMs();
  sender.close();
  return log;
}
