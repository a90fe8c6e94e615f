/**
 * pods/{name}/log, as kube-apiserver (v1.28) and the kubelet answer it between them: the apiserver validates
 * PodLogOptions and picks the container (registry/core/pod LogLocation), the kubelet picks the instance from the
 * pod's status (validateContainerLogStatus) and streams its CRI log. The log is the simulated process's output.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { badRequest, invalid, type FieldCause } from '../apimachinery/errors';
import { fieldForbidden, fieldInvalid } from '../apimachinery/field-errors';
import type { ResourceRequest } from './request-info';
import { queryBool, queryInt } from './request/query-options';

export interface LogLine {
  /** Wall-clock ms. */
  at: number;
  text: string;
}

/** The node side: one container instance's log by its runtime id (the containerID in the pod's status). */
export interface PodLogSource {
  containerLog(pod: Pod, containerId: string): {
    entries: LogLine[];
    follow(onEntry: (e: LogLine) => void, onEnd: () => void): () => void;
  } | undefined;
}

export interface PodLogOptions {
  container?: string;
  previous: boolean;
  follow: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTimeMs?: number;
  limitBytes?: number;
}

export function parsePodLogOptions(q: URLSearchParams, podName: string): PodLogOptions {
  const sinceTime = q.get('sinceTime') || undefined;
  let sinceTimeMs: number | undefined;
  if (sinceTime !== undefined) {
    sinceTimeMs = Date.parse(sinceTime);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(sinceTime) || Number.isNaN(sinceTimeMs)) {
      throw badRequest(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
    }
  }
  const o: PodLogOptions = {
    container: q.get('container') || undefined,
    previous: queryBool(q, 'previous'),
    follow: queryBool(q, 'follow'),
    timestamps: queryBool(q, 'timestamps'),
    tailLines: queryInt(q, 'tailLines'),
    sinceSeconds: queryInt(q, 'sinceSeconds'),
    sinceTimeMs,
    limitBytes: queryInt(q, 'limitBytes'),
  };
  // ValidatePodLogOptions, in its order.
  const causes: FieldCause[] = [];
  if (o.tailLines !== undefined && o.tailLines < 0) causes.push(fieldInvalid('tailLines', o.tailLines, 'must be greater than or equal to 0'));
  if (o.limitBytes !== undefined && o.limitBytes < 1) causes.push(fieldInvalid('limitBytes', o.limitBytes, 'must be greater than 0'));
  if (o.sinceSeconds !== undefined && o.sinceTimeMs !== undefined) {
    causes.push(fieldForbidden('', 'at most one of `sinceTime` or `sinceSeconds` may be specified'));
  } else if (o.sinceSeconds !== undefined && o.sinceSeconds < 1) {
    causes.push(fieldInvalid('sinceSeconds', o.sinceSeconds, 'must be greater than 0'));
  }
  if (causes.length) throw invalid('PodLogOptions', '', podName, causes);
  return o;
}

/** registry/core/pod validateContainer: the only container by default, else the caller must choose. */
export function chooseContainer(pod: Pod, wanted: string | undefined): string {
  const name = pod.metadata?.name ?? '';
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
  if (wanted === undefined) {
    const containers = pod.spec?.containers ?? [];
    if (containers.length === 1) return containers[0]?.name ?? '';
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${all.join(' ')}]`);
  }
  if (!all.includes(wanted)) throw badRequest(`container ${wanted} is not valid for pod ${name}`);
  return wanted;
}

/** The kubelet's validateContainerLogStatus: which instance's log, or why there is none (a 400 with its words). */
export function containerIdForLogs(pod: Pod, container: string, previous: boolean): string {
  const podName = pod.metadata?.name ?? '';
  const statuses: ContainerStatus[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const st = statuses.find((s) => s.name === container);
  const who = `container ${JSON.stringify(container)} in pod ${JSON.stringify(podName)}`;
  if (!st) throw badRequest(`${who} is not available`);
  const last = st.lastState?.terminated;
  const { running, terminated, waiting } = st.state ?? {};
  const id = (cid: string | undefined): string => (cid ?? '').replace(/^[a-z]+:\/\//, '');
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated ${who} not found`);
    return id(last.containerID);
  }
  if (running) return id(st.containerID);
  if (terminated) {
    if (terminated.containerID) return id(terminated.containerID);
    if (last?.containerID) return id(last.containerID);
    throw badRequest(`${who} is terminated`);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`${who} is terminated`);
    return id(last.containerID);
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw badRequest(`${who} is waiting to start: image can't be pulled`);
    if (waiting.reason === 'ImagePullBackOff') throw badRequest(`${who} is waiting to start: trying and failing to pull image`);
    throw badRequest(`${who} is waiting to start: ${waiting.reason ?? ''}`);
  }
  throw badRequest(`${who} is waiting to start - no logs yet`);
}

/** Go's time.RFC3339Nano: fractional seconds without trailing zeros. */
export function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}

/** The lines the options select from a snapshot: since (time), then the last tailLines. */
export function selectLines(entries: readonly LogLine[], o: PodLogOptions, nowMs: number): LogLine[] {
  const since = o.sinceSeconds !== undefined ? nowMs - o.sinceSeconds * 1000 : o.sinceTimeMs;
  let out = since === undefined ? [...entries] : entries.filter((e) => e.at >= since);
  if (o.tailLines !== undefined) out = o.tailLines === 0 ? [] : out.slice(-o.tailLines);
  return out;
}

export function formatLine(e: LogLine, timestamps: boolean): string {
  return `${timestamps ? `${rfc3339Nano(e.at)} ` : ''}${e.text}\n`;
}

export function handlePodLog(
  source: PodLogSource, pod: Pod, r: ResourceRequest, url: URL, req: IncomingMessage, res: ServerResponse, nowMs: number,
): void {
  const o = parsePodLogOptions(url.searchParams, r.name ?? '');
  const container = chooseContainer(pod, o.container);
  if (!pod.spec?.nodeName) {
    // A pod without a node has no kubelet to ask: kube-apiserver answers with an empty log.
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Content-Length': 0 });
    res.end();
    return;
  }
  const id = containerIdForLogs(pod, container, o.previous);
  const log = source.containerLog(pod, id);
  if (!log) throw badRequest(`container ${JSON.stringify(container)} in pod ${JSON.stringify(pod.metadata?.name ?? '')} is not available`);
  let budget = o.limitBytes ?? Infinity;
  // limitBytes cuts the stream at that many bytes, mid-line if need be, and ends a follow.
  const take = (text: string): string => {
    const buf = Buffer.from(text);
    if (buf.length <= budget) {
      budget -= buf.length;
      return text;
    }
    const cut = buf.subarray(0, Math.max(0, budget)).toString('utf8');
    budget = 0;
    return cut;
  };
  const head = take(selectLines(log.entries, o, nowMs).map((e) => formatLine(e, o.timestamps)).join(''));
  if (!o.follow || budget <= 0) {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(head) });
    res.end(head);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  if (head) res.write(head);
  let stop = (): void => undefined;
  const end = (): void => {
    stop();
    if (!res.writableEnded) res.end();
  };
  stop = log.follow((e) => {
    res.write(take(formatLine(e, o.timestamps)));
    if (budget <= 0) end();
  }, end);
  req.on('close', () => stop());
  res.on('close', () => stop());
}
