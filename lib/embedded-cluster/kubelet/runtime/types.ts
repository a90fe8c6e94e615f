/** Wire-level shapes shared by the runtime, its process models and the API server's pod proxy. */

export interface ProxyRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a container's main process is doing, as the dashboard shows it. */
export type ProcessState =
  | 'starting' // booting; not accepting yet (a new MOSN waiting for inherited fds)
  | 'serving' // accepting connections
  | 'handingOver' // old MOSN: passing its fds, still accepting (the dual-accept window)
  | 'draining' // stopped accepting; keeps its connections until they migrate or it exits
  | 'idle' // running but serving nothing (the empty image, an idle app)
  | 'exited';

export type ModelKind = 'mosn' | 'sample-sidecar' | 'nginx' | 'empty' | 'idle';

export interface PodIdentity {
  name: string;
  namespace: string;
  uid: string;
}
