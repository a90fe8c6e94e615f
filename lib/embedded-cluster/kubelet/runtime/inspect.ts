import type { FileStore } from './filesystem';
import type { Connection } from './netns';
import type { SimProcess } from './process';
import type { Sandbox } from './sandbox';
import type { ModelKind, ProcessState } from './types';

/** Read-only snapshots of what runs inside a pod, for tests and the dashboard. Plain JSON, no live objects. */

export interface ProcessRef {
  pid: number;
  container: string;
}

export interface ProcessView extends ProcessRef {
  containerId: string;
  model: string;
  image: string;
  version: string;
  state: ProcessState;
  startedAt: string;
  exitedAt?: string;
  exitCode?: number;
  /** Ids of the open connections this process owns. */
  connections: number[];
  details: Record<string, string | number | boolean>;
  logs: string[];
}

export interface ListenerView {
  port: number;
  protocol: string;
  /** Processes holding the listening fd (two during a handover). */
  holders: ProcessRef[];
  /** Processes accepting new connections on it right now. */
  acceptors: ProcessRef[];
}

export interface ConnectionView {
  id: number;
  port: number;
  protocol: string;
  owner: ProcessRef;
  openedAt: string;
  /** When MOSN will migrate it to the new process, while a handover is under way. */
  migrateAt?: string;
  requests: number;
  history: Array<ProcessRef & { at: string }>;
  /** Held by the API server's pod proxy. */
  proxied: boolean;
}

export interface PodRuntimeView {
  uid: string;
  name: string;
  namespace: string;
  ip: string;
  listeners: ListenerView[];
  processes: ProcessView[];
  connections: ConnectionView[];
  /** Paths present in the pod's shared /dev/shm and in each volume. */
  shm: string[];
  volumes: Record<string, string[]>;
}

export interface ImageView {
  image: string;
  imageID: string;
  sizeBytes: number;
  model: ModelKind;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const ref = (p: SimProcess): ProcessRef => ({ pid: p.pid, container: p.containerName });

export function viewPod(sb: Sandbox, proxiedIds: readonly number[]): PodRuntimeView {
  const open = sb.netns.openConnections();
  return {
    uid: sb.pod.uid,
    name: sb.pod.name,
    namespace: sb.pod.namespace,
    ip: sb.ip,
    listeners: sb.netns.listenersList().map((l) => ({
      port: l.port,
      protocol: l.protocol,
      holders: [...l.holders].map(ref),
      acceptors: [...l.acceptors].map(ref),
    })),
    processes: sb.processes().map((p) => viewProcess(p, open)),
    connections: open.map((c) => viewConnection(c, proxiedIds)),
    shm: paths(sb.shm),
    volumes: Object.fromEntries(sb.volumeList().map(({ name, store }) => [name, paths(store)])),
  };
}

function viewProcess(p: SimProcess, open: readonly Connection[]): ProcessView {
  return {
    ...ref(p),
    containerId: p.containerId,
    model: p.model,
    image: p.image.reference,
    version: p.image.version,
    state: p.state,
    startedAt: iso(p.startedAt),
    ...(p.exitedAt !== undefined ? { exitedAt: iso(p.exitedAt) } : {}),
    ...(p.exitCode !== undefined ? { exitCode: p.exitCode } : {}),
    connections: open.filter((c) => c.owner === p).map((c) => c.id),
    details: p.details(),
    logs: [...p.logs],
  };
}

function viewConnection(c: Connection, proxiedIds: readonly number[]): ConnectionView {
  return {
    id: c.id,
    port: c.port,
    protocol: c.protocol,
    owner: ref(c.owner),
    openedAt: iso(c.openedAt),
    ...(c.migrateAt !== undefined ? { migrateAt: iso(c.migrateAt) } : {}),
    requests: c.requests,
    history: c.history.map((h) => ({ pid: h.pid, container: h.container, at: iso(h.at) })),
    proxied: proxiedIds.includes(c.id),
  };
}

function paths(store: FileStore): string[] {
  return store.list().map((e) => (e.entry.kind === 'socket' ? `${e.path} (socket)` : e.path)).sort();
}
