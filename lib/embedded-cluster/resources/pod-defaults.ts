import type { Container, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';

/** Kubernetes' defaulting for a container (pkg/apis/core/v1/defaults.go): what kubectl then shows. */
export function defaultContainer(c: Container): Container {
  const out: Container = { ...c };
  out.terminationMessagePath ??= '/dev/termination-log';
  out.terminationMessagePolicy ??= 'File';
  if (!out.imagePullPolicy) {
    const ref = out.image ?? '';
    const lastPart = ref.split('/').pop() ?? '';
    const tag = ref.includes('@') ? undefined : lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
    out.imagePullPolicy = !ref.includes('@') && (tag === undefined || tag === 'latest') ? 'Always' : 'IfNotPresent';
  }
  out.resources ??= {};
  if (out.ports) out.ports = out.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
  return out;
}

export function defaultPodSpec(spec: PodSpec): PodSpec {
  const out: PodSpec = { ...spec };
  out.containers = (spec.containers ?? []).map(defaultContainer);
  if (spec.initContainers) out.initContainers = spec.initContainers.map(defaultContainer);
  out.restartPolicy ??= 'Always';
  out.terminationGracePeriodSeconds ??= 30;
  out.dnsPolicy ??= 'ClusterFirst';
  out.schedulerName ??= 'default-scheduler';
  out.serviceAccountName ??= out.serviceAccount ?? 'default';
  out.serviceAccount ??= out.serviceAccountName;
  out.securityContext ??= {};
  out.enableServiceLinks ??= true;
  out.preemptionPolicy ??= 'PreemptLowerPriority';
  out.priority ??= 0;
  if (spec.volumes) {
    out.volumes = spec.volumes.map((v) => (v.emptyDir ? { ...v, emptyDir: { ...v.emptyDir } } : v));
  }
  return out;
}

/** Pods get the two NoExecute tolerations the DefaultTolerationSeconds admission plugin adds. */
export function defaultTolerations(spec: PodSpec): PodSpec {
  const tolerations = [...(spec.tolerations ?? [])];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key)) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
  return { ...spec, tolerations };
}

export function defaultTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const tpl: PodTemplateSpec = { ...(t ?? {}) };
  tpl.metadata = { ...(tpl.metadata ?? {}) };
  tpl.spec = defaultPodSpec(tpl.spec ?? { containers: [] });
  return tpl;
}
