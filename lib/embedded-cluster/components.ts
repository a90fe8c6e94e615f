import type { Node, Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { PodLogSource } from './apiserver/pod-log';
import type { PodProxyTarget } from './apiserver/pod-proxy';
import type { Clock } from './clock';
import { toRfc3339 } from './clock';
import { inform } from './internal-client/informer';
import { InternalClient, resourceDef } from './internal-client/internal-client';
import { EventRecorder } from './controllers/event-recorder';
import { startGarbageCollector, startNamespaceController } from './controllers/garbage-collector';
import { startServiceAccountsController } from './controllers/serviceaccounts';
import { startScheduler } from './controllers/scheduler';
import { startSidecarSetController } from './controllers/sidecarset-controller';
import { startWorkloadControllers } from './controllers/workloads';
import { Kubelet } from './kubelet/kubelet';
import { KUBELET_CONDITION_TYPES, type KubeletSink } from './kubelet/types';
import { ContainerRuntime } from './kubelet/runtime/runtime';
import type { Rest } from './registry/rest';
import type { ClusterReader, UserInfo } from './registry/strategy';
import { thaw } from './store/freeze';
import type { Store } from './store/store';
import type { KubeObject } from './types';

export interface Components {
  proxy: PodProxyTarget;
  logs: PodLogSource;
  kubelets: Map<string, { kubelet: Kubelet; runtime: ContainerRuntime }>;
  stop(): void;
}

const identity = (username: string, groups: string[] = []): UserInfo => ({ username, groups: [...groups, 'system:authenticated', 'system:masters'] });

export const KUBELET_VERSION = 'v1.32.4-embedded';

function nodeObject(name: string, ip: string, podCIDR: string, nowMs: number): Node {
  const t = toRfc3339(nowMs);
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'node-role.kubernetes.io/worker': '' },
    },
    spec: { podCIDR, podCIDRs: [podCIDR] },
    status: {
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      capacity: { cpu: '8', memory: '32Gi', pods: '5000', 'ephemeral-storage': '100Gi' },
      allocatable: { cpu: '8', memory: '32Gi', pods: '5000', 'ephemeral-storage': '100Gi' },
      nodeInfo: {
        machineID: '', systemUUID: '', bootID: '', kernelVersion: '6.1.0-embedded', osImage: 'Embedded SidecarSet demo cluster',
        containerRuntimeVersion: 'containerd://1.7.24-embedded', kubeletVersion: KUBELET_VERSION, kubeProxyVersion: KUBELET_VERSION,
        operatingSystem: 'linux', architecture: 'amd64',
      },
    },
  };
}

function kubeletSink(client: InternalClient, recorder: EventRecorder): KubeletSink {
  const owned = new Set<string>(KUBELET_CONDITION_TYPES);
  return {
    event(pod, e) {
      recorder.record(pod as unknown as KubeObject, e);
    },
    async writeStatus(pod, status: PodStatus) {
      const current = client.get('pods', pod.metadata?.namespace, pod.metadata?.name ?? '') as unknown as Pod | undefined;
      if (!current || current.metadata?.uid !== pod.metadata?.uid) return;
      // Conditions merge by type, as the kubelet's strategic-merge status patch does: Kruise's stay.
      const others = (current.status?.conditions ?? []).filter((c) => !owned.has(c.type));
      const merged: PodStatus = { ...status, conditions: [...(status.conditions ?? []), ...others] };
      client.update('pods', { ...(thaw(current) as unknown as KubeObject), status: merged, metadata: { ...thaw(current.metadata ?? {}), resourceVersion: undefined } } as KubeObject, 'status');
    },
    async removePod(pod) {
      client.delete('pods', pod.metadata?.namespace, pod.metadata?.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata?.uid } });
    },
  };
}

/** Start every simulated component: scheduler, workload and Kruise controllers, GC, and one kubelet per node. */
export function startComponents(opts: { store: Store; rest: Rest; reader: ClusterReader; clock: Clock; nodes: number }): Components {
  const { store, rest, reader, clock } = opts;
  const client = (user: UserInfo) => new InternalClient(rest, reader, user, () => clock.now());
  const controllerManager = client(identity('system:kube-controller-manager'));
  const stops: Array<() => void> = [];

  const kubelets = new Map<string, { kubelet: Kubelet; runtime: ContainerRuntime }>();
  for (let i = 1; i <= opts.nodes; i++) {
    const name = `embedded-node-${i}`;
    const ip = `172.18.0.${i + 1}`;
    const podCIDR = `10.244.${i}.0/24`;
    const nodeClient = client(identity(`system:node:${name}`, ['system:nodes']));
    if (!nodeClient.get('nodes', undefined, name)) nodeClient.create('nodes', nodeObject(name, ip, podCIDR, clock.now()) as unknown as KubeObject);
    const runtime = new ContainerRuntime({ clock, seed: i });
    const recorder = new EventRecorder(nodeClient, clock, { component: 'kubelet', host: name });
    const kubelet = new Kubelet({ nodeName: name, nodeIP: ip, podCIDR, clock, runtime, sink: kubeletSink(nodeClient, recorder) });
    kubelets.set(name, { kubelet, runtime });
  }
  const route = (o: KubeObject): void => {
    const pod = o as unknown as Pod;
    const k = kubelets.get(pod.spec?.nodeName ?? '');
    if (k) k.kubelet.syncPod(pod);
  };
  stops.push(inform(store, resourceDef('pods'), {
    add: route,
    update: (_o, n) => route(n),
    delete: (o) => {
      const pod = o as unknown as Pod;
      kubelets.get(pod.spec?.nodeName ?? '')?.kubelet.forgetPod(pod.metadata?.uid ?? '');
    },
  }));

  stops.push(startScheduler(store, rest, client(identity('system:kube-scheduler')), clock));
  stops.push(startWorkloadControllers(store, controllerManager, clock));
  stops.push(startGarbageCollector(store, controllerManager));
  stops.push(startServiceAccountsController(store, controllerManager, clock));
  stops.push(startNamespaceController(store, rest, controllerManager, clock));
  stops.push(startSidecarSetController(store, client(identity('system:serviceaccount:kruise-system:kruise-manager')), clock));

  const proxy: PodProxyTarget = {
    async proxy(pod, port, req) {
      const k = kubelets.get(pod.spec?.nodeName ?? '');
      if (!k) throw new Error('connect: no route to host');
      const res = await k.runtime.proxy(pod.metadata?.uid ?? '', port, {
        method: req.method,
        path: `${req.path}${req.query}`,
        headers: req.headers,
        body: req.body.toString('utf8'),
      });
      return { status: res.status, headers: res.headers, body: res.body };
    },
  };

  const logs: PodLogSource = {
    containerLog: (pod, containerId) => kubelets.get(pod.spec?.nodeName ?? '')?.runtime.containerLog(containerId),
  };

  return {
    proxy,
    logs,
    kubelets,
    stop() {
      for (const s of stops) s();
      for (const { kubelet, runtime } of kubelets.values()) {
        kubelet.stop();
        runtime.stop();
      }
    },
  };
}
