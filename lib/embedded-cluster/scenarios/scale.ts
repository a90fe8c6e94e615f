import { createHash } from 'node:crypto';
import type { Pod } from 'kubernetes-types/core/v1';
import { toRfc3339 } from '../clock';
import { findResource } from '../resources/definitions';
import type { KubeObject } from '../types';
import type { ScenarioContext } from './scenario';

export interface ScaleOptions {
  pods: number;
  namespaces: number;
  sidecarSets: number;
  /** How many pods the first SidecarSet (`sidecar-0`) selects; the rest are spread over the others. */
  hotPods: number;
}

export const SCALE_DEFAULTS: ScaleOptions = { pods: 10_000, namespaces: 20, sidecarSets: 100, hotPods: 2_000 };

/**
 * Scale pods sit on a node no simulated kubelet runs (like a virtual-kubelet node): they are injected by the
 * real admission path and carry a realistic Running status, but no container state machine runs for them, so
 * 10,000 pods cost memory and watch traffic, not 30,000 simulated processes.
 */
export const VIRTUAL_NODE = 'embedded-virtual-node';

function opts(o: Partial<ScaleOptions> | undefined): ScaleOptions {
  const s = { ...SCALE_DEFAULTS, ...(o ?? {}) };
  s.hotPods = Math.min(s.hotPods, s.pods);
  return s;
}

function sidecarSetFor(pod: number, s: ScaleOptions): number {
  if (pod < s.hotPods || s.sidecarSets === 1) return 0;
  return 1 + ((pod - s.hotPods) % (s.sidecarSets - 1));
}

export function scaleObjects(o?: Partial<ScaleOptions>): KubeObject[] {
  const s = opts(o);
  const out: KubeObject[] = [{
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: VIRTUAL_NODE, labels: { 'kubernetes.io/hostname': VIRTUAL_NODE, type: 'virtual-kubelet' } },
    spec: { taints: [{ key: 'virtual-kubelet.io/provider', value: 'embedded', effect: 'NoSchedule' }] },
    status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'virtual node' }], nodeInfo: { kubeletVersion: 'v1.32.4-embedded' } },
  } as KubeObject];
  for (let n = 0; n < s.namespaces; n++) {
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `scale-${n}` } });
  }
  for (let k = 0; k < s.sidecarSets; k++) {
    out.push({
      apiVersion: 'apps.kruise.io/v1beta1',
      kind: 'SidecarSet',
      metadata: { name: `sidecar-${k}` },
      spec: {
        selector: { matchLabels: { app: `svc-${k}` } },
        containers: [{
          name: `envoy-${k}`,
          image: 'envoyproxy/envoy:v1.30.1',
          upgradeStrategy: { upgradeType: 'HotUpgrade', hotUpgradeEmptyImage: 'openkruise/hotupgrade-sample:empty' },
        }],
        updateStrategy: { maxUnavailable: '10%' },
      },
    });
  }
  for (let i = 0; i < s.pods; i++) {
    const k = sidecarSetFor(i, s);
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `svc-${k}-${i}`, namespace: `scale-${i % s.namespaces}`, labels: { app: `svc-${k}`, tier: 'scale' } },
      spec: { nodeName: VIRTUAL_NODE, containers: [{ name: 'app', image: 'nginx:1.20', ports: [{ containerPort: 80 }] }] },
    });
  }
  return out;
}

function imageId(image: string): string {
  const repo = image.split(':')[0] ?? image;
  return `docker.io/${repo.includes('/') ? repo : `library/${repo}`}@sha256:${createHash('sha256').update(image).digest('hex')}`;
}

/** The status a kubelet would have written for each scale pod: Running, every container ready. */
export function writeScaleStatuses(c: ScenarioContext, o?: Partial<ScaleOptions>): void {
  const s = opts(o);
  const podsDef = findResource('', 'pods');
  if (!podsDef) throw new Error('pods not registered');
  const now = toRfc3339(c.ctx().nowMs);
  for (let i = 0; i < s.pods; i++) {
    const k = sidecarSetFor(i, s);
    const ns = `scale-${i % s.namespaces}`;
    const pod = c.rest.get(podsDef, 'v1', ns, `svc-${k}-${i}`) as unknown as Pod;
    const containers = pod.spec?.containers ?? [];
    const status = {
      phase: 'Running',
      hostIP: '172.18.0.100',
      podIP: `10.250.${Math.floor(i / 250)}.${(i % 250) + 2}`,
      startTime: now,
      qosClass: 'BestEffort',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']
        .map((type) => ({ type, status: 'True', lastTransitionTime: now })),
      containerStatuses: containers.map((ct) => ({
        name: ct.name,
        image: ct.image ?? '',
        imageID: imageId(ct.image ?? ''),
        containerID: `containerd://${createHash('sha256').update(`${pod.metadata?.uid ?? ''}/${ct.name}`).digest('hex')}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: now } },
      })).sort((a, b) => a.name.localeCompare(b.name)),
    };
    c.rest.update(podsDef, 'v1', ns, pod.metadata?.name ?? '', { ...pod, status } as unknown as KubeObject, c.ctx(), 'status');
  }
}
