/**
 * Shared pieces of the integration tests (`*.int.test.ts`): a started cluster with @kubernetes/client-node
 * clients pointed at it over real HTTPS, polling and watch helpers, and a raw request for bodies the typed
 * clients cannot send (malformed JSON, oversized bodies). Test support only; nothing in the cluster imports it.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import {
  ApiException, AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, Watch, setHeaderOptions,
  type V1Pod,
} from '@kubernetes/client-node';
import { startCluster, type ClusterOptions, type EmbeddedCluster } from './cluster';
import type { Identities } from './apiserver/auth';
import type { SidecarSet } from './kruise';

export interface TestCluster {
  cluster: EmbeddedCluster;
  kc: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  custom: CustomObjectsApi;
  stop(): Promise<void>;
}

export function kubeConfigFor(cluster: EmbeddedCluster, who: keyof Identities = 'admin'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig(who));
  return kc;
}

export async function startTestCluster(opts: ClusterOptions = {}): Promise<TestCluster> {
  const cluster = await startCluster(opts);
  const kc = kubeConfigFor(cluster);
  return {
    cluster,
    kc,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    stop: () => cluster.stop(),
  };
}

/** Poll `probe` until it returns something truthy; the last error or value is in the timeout message. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A Kubernetes Status as the wire carries it. */
export interface WireStatus {
  kind?: string;
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: Array<{ reason?: string; field?: string; message?: string }>; retryAfterSeconds?: number };
}

/** Await a call that must fail with an ApiException, and return its code and decoded Status body. */
export async function apiFailure(call: Promise<unknown>): Promise<{ code: number; status: WireStatus }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof ApiException)) throw e;
    const body: unknown = e.body;
    const status = typeof body === 'string' && body.startsWith('{') ? JSON.parse(body) as WireStatus : {};
    return { code: e.code, status };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): WireStatus & Record<string, unknown>;
}

/** One HTTPS request with the kubeconfig's CA and token, for bodies the generated clients will not send. */
export async function rawRequest(
  kc: KubeConfig, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {},
): Promise<RawResponse> {
  const server = new URL(kc.getCurrentCluster()?.server ?? '');
  const opts: RequestOptions = { method, hostname: server.hostname, port: server.port, path, headers: { ...headers } };
  await kc.applyToHTTPSOptions(opts);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as WireStatus & Record<string, unknown> });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export interface WatchEvent<T> {
  type: string;
  object: T;
  at: number;
}

export interface WatchHandle<T> {
  events: Array<WatchEvent<T>>;
  /** Resolves with the error (or null) the stream ended with. */
  ended: Promise<unknown>;
  stop(): void;
}

/** A client-node Watch that records every event (with its arrival time) until stopped or closed by the server. */
export async function startWatch<T>(
  kc: KubeConfig, path: string, query: Record<string, string | number | boolean | undefined> = {},
  onEvent?: (e: WatchEvent<T>) => void,
): Promise<WatchHandle<T>> {
  const events: Array<WatchEvent<T>> = [];
  let end: (err: unknown) => void = () => undefined;
  const ended = new Promise<unknown>((resolve) => { end = resolve; });
  const ctrl = await new Watch(kc).watch(path, query, (type: string, object: T) => {
    const e = { type, object, at: Date.now() };
    events.push(e);
    onEvent?.(e);
  }, (err: unknown) => end(err));
  return { events, ended, stop: () => ctrl.abort() };
}

export const SS = { group: 'apps.kruise.io', plural: 'sidecarsets' } as const;

export async function getSidecarSet(custom: CustomObjectsApi, name = 'mosn', version = 'v1beta1'): Promise<SidecarSet> {
  return await custom.getClusterCustomObject({ ...SS, version, name }) as SidecarSet;
}

/** What `kubectl patch sidecarset <name> --type=json` sends. */
export async function patchSidecarSet(custom: CustomObjectsApi, ops: unknown[], name = 'mosn', version = 'v1beta1'): Promise<SidecarSet> {
  return await custom.patchClusterCustomObject({ ...SS, version, name, body: ops }, setHeaderOptions('Content-Type', PatchStrategy.JsonPatch)) as SidecarSet;
}

export function setMosnImage(custom: CustomObjectsApi, image: string): Promise<SidecarSet> {
  return patchSidecarSet(custom, [{ op: 'replace', path: '/spec/containers/0/image', value: image }]);
}

export async function listPods(core: CoreV1Api, labelSelector?: string, namespace = 'default'): Promise<V1Pod[]> {
  return (await core.listNamespacedPod({ namespace, labelSelector })).items;
}

/** `[matched, updated, ready, updatedReady]`, the tuple spec §3.3 tracks. */
export function counters(ss: SidecarSet): [number, number, number, number] {
  const s = ss.status;
  return [s?.matchedPods ?? 0, s?.updatedPods ?? 0, s?.readyPods ?? 0, s?.updatedReadyPods ?? 0];
}

export const annotation = (pod: V1Pod, key: string): string | undefined => pod.metadata?.annotations?.[key];

export function containerStatus(pod: V1Pod, name: string) {
  return (pod.status?.containerStatuses ?? []).find((s) => s.name === name);
}

export function specImage(pod: V1Pod, name: string): string | undefined {
  return (pod.spec?.containers ?? []).find((c) => c.name === name)?.image;
}

/** Running, every container ready, not terminating: what `kubectl get pods` shows as n/n Running. */
export function fullyReady(pod: V1Pod): boolean {
  const st = pod.status?.containerStatuses ?? [];
  return pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp &&
    st.length === (pod.spec?.containers ?? []).length && st.every((s) => s.ready);
}

export const restarts = (pod: V1Pod): number => (pod.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
