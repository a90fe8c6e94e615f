/**
 * One error type for everything that goes wrong talking to a cluster, carrying what the dashboard's API
 * answers with: an HTTP status, a machine-readable reason and the cluster's own message.
 */
export class ClusterError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClusterError';
  }
}

interface StatusLike {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
}

function parseStatus(body: unknown): StatusLike | undefined {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as StatusLike;
    } catch {
      return undefined;
    }
  }
  if (body && typeof body === 'object') return body as StatusLike;
  return undefined;
}

/** A Kubernetes Status body (or client-node ApiException) → ClusterError with the cluster's words. */
export function fromStatus(code: number, body: unknown): ClusterError {
  const status = parseStatus(body);
  const reason = status?.reason || (code === 401 ? 'Unauthorized' : `HTTP${code}`);
  const message = status?.message || (code === 401 ? 'the cluster rejected the credentials (401 Unauthorized)' : `the cluster answered HTTP ${code}`);
  return new ClusterError(code, reason, message);
}

/** Whatever a client-node call threw → ClusterError. Connection failures become 503 Unreachable. */
export function toClusterError(e: unknown): ClusterError {
  if (e instanceof ClusterError) return e;
  const err = e as { code?: unknown; body?: unknown; statusCode?: unknown; message?: string; errno?: unknown };
  if (typeof err?.code === 'number') return fromStatus(err.code, err.body);
  if (typeof err?.statusCode === 'number') return fromStatus(err.statusCode, err.body);
  const msg = err?.message ?? String(e);
  return new ClusterError(503, 'Unreachable', `cannot reach the cluster: ${msg}`);
}
