import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';

export interface PodAddresses {
  podIP?: string;
  hostIP: string;
}

/**
 * The container's environment as the kubelet builds it at container start: a few variables every container
 * gets, then `env` in order, with `$(VAR)` references to earlier variables expanded and downward-API
 * `fieldRef`s read from the pod *as it is now*. The process keeps these values until it is restarted, which is
 * how a hot-upgrade slot learns SIDECARSET_VERSION / SIDECARSET_VERSION_ALT (spec §2.3).
 *
 * configMapKeyRef, secretKeyRef and envFrom need objects the kubelet cannot read here; they are left unset.
 */
export function resolveEnv(container: Container, pod: Pod, addr: PodAddresses): Record<string, string> {
  const out: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.metadata?.name ?? '',
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
  };
  for (const e of container.env ?? []) {
    const v = valueOf(e, out, pod, addr);
    if (v !== undefined) out[e.name] = v;
  }
  return out;
}

function valueOf(e: EnvVar, defined: Record<string, string>, pod: Pod, addr: PodAddresses): string | undefined {
  if (e.value !== undefined) return expandReferences(e.value, defined);
  const path = e.valueFrom?.fieldRef?.fieldPath;
  if (path !== undefined) return fieldPathValue(pod, path, addr);
  if (e.valueFrom?.resourceFieldRef) return '0';
  if (e.valueFrom) return undefined;
  return '';
}

/** Kubernetes' `$(VAR)` syntax: defined names are replaced, `$$` escapes, anything else stays literally. */
export function expandReferences(value: string, defined: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && Object.hasOwn(defined, name) ? (defined[name] ?? '') : m;
  });
}

/** Downward API field paths supported for env (pkg/fieldpath). A missing label or annotation is "". */
export function fieldPathValue(pod: Pod, path: string, addr: PodAddresses): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) {
    const map = m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[m[2] ?? ''] ?? '';
  }
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return addr.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return addr.podIP ?? '';
    default:
      return '';
  }
}
