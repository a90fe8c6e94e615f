import { ApiError } from '../apimachinery/errors';
import type { ResourceRequest } from './request-info';

/** The pods subresources that open a stream into a container (SPDY or WebSocket upgrades in kube-apiserver). */
export const CONNECT_SUBRESOURCES = ['exec', 'attach', 'portforward'] as const;

/**
 * exec, attach and port-forward would need a process with real stdio and sockets; the embedded cluster's containers
 * are models, so these are refused with a Status that says so (kubectl prints its message), rather than a bare 404
 * while the RBAC rules grant them.
 */
export function refuseConnect(r: ResourceRequest): ApiError {
  const what = r.subresource === 'portforward' ? 'port-forward' : r.subresource ?? '';
  return new ApiError(400, 'BadRequest',
    `${what} is not supported by the embedded cluster: pod "${r.name ?? ''}" runs simulated processes, not containers you can ${what === 'port-forward' ? 'forward ports to' : `${what} to`}; use "kubectl logs" to see their output, or the pod proxy (/api/v1/namespaces/${r.namespace ?? ''}/pods/${r.name ?? ''}:PORT/proxy/) for HTTP`);
}
