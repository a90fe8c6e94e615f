/**
 * Shared pieces of the dashboard's integration tests: a real ClusterSession on an embedded cluster, built as
 * getSession builds one but outside the process-wide registry so each test file owns (and stops) its own, and a
 * recorder of what the bus publishes. Test support only; nothing in the dashboard imports it.
 */
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { ClusterSession } from '@/lib/cluster/cluster-session';
import { startTestCluster, type TestCluster } from '@/lib/embedded-cluster/cluster.testkit';
import type { ClusterOptions } from '@/lib/embedded-cluster/cluster';
import { namespaceIndex, parseSidecarSet, sidecarSetView, type PodView, type SidecarSetSummary, type SidecarSetView } from '@/lib/sidecarset';
import type { Bus, BusMessage } from './live/bus';
import type { EventIndex } from './live/event-index';

export interface SessionCluster {
  t: TestCluster;
  session: ClusterSession;
  stop(): Promise<void>;
}

/** An embedded cluster and a started session on its admin context (caches listed and watching). */
export async function startSessionCluster(opts: ClusterOptions = {}): Promise<SessionCluster> {
  const t = await startTestCluster(opts);
  const session = new ClusterSession(t.kc, 'embedded-admin', 'embedded', t.cluster.url);
  await session.start();
  if (session.state.phase !== 'ready') {
    await t.stop();
    throw new Error(`the session did not become ready: ${JSON.stringify(session.state)}`);
  }
  return {
    t,
    session,
    stop: async () => {
      session.stop();
      await t.stop();
    },
  };
}

/** What LiveViews publishes on `sidecarset/<name>` as a `detail` message. */
export interface DetailDelta {
  name: string;
  summary: SidecarSetSummary;
  upserts: PodView[];
  removed: string[];
}

export interface BusRecording {
  messages: BusMessage[];
  stop(): void;
}

export function recordBus(bus: Bus, topic: (t: string) => boolean): BusRecording {
  const messages: BusMessage[] = [];
  const stop = bus.subscribe(topic, (m) => messages.push(m));
  return { messages, stop };
}

export const podViewKey = (v: PodView): string => `${v.namespace}/${v.name}`;

/**
 * The view of one SidecarSet computed from scratch out of the session's caches, with no memo: what LiveViews'
 * incremental, memoised views must always equal.
 */
export function freshSidecarSetView(session: ClusterSession, events: EventIndex, name: string): SidecarSetView | undefined {
  const raw = session.sidecarSets?.get(name);
  if (!raw) return undefined;
  const parsed = parseSidecarSet(raw, `apps.kruise.io/${session.sidecarSetVersion ?? 'v1beta1'}`);
  if (!parsed.ok) throw new Error(parsed.reason);
  const pods: Pod[] = [...session.pods.values()];
  const ns = namespaceIndex([...session.namespaces.values()]);
  return sidecarSetView(parsed.sidecarSet, pods, ns, { eventsForPod: (p) => events.forPod(p.metadata?.uid) });
}

/** Pod Events for one pod from the session's events cache, e.g. the kubelet's `Started` for a container. */
export function podEvents(session: ClusterSession, uid: string | undefined, reason?: string): Event[] {
  return [...session.events.values()].filter((e) => e.involvedObject?.kind === 'Pod' && e.involvedObject.uid === uid && (reason === undefined || e.reason === reason));
}

/** A pod on a node no simulated kubelet runs: it changes only when the test changes it. */
export function createIdlePod(t: TestCluster, name: string, annotations: Record<string, string> = {}, namespace = 'default'): Promise<V1Pod> {
  return t.core.createNamespacedPod({
    namespace,
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name, annotations }, spec: { nodeName: 'node-x', containers: [{ name: 'app', image: 'nginx:1.20' }] } },
  });
}

export interface PodEventOptions {
  name: string;
  reason?: string;
  container?: string;
  at?: Date;
}

/** Enough of a pod (client-node's or the caches' wire shape) to point an Event at it. */
export interface PodRef {
  metadata?: { name?: string; namespace?: string; uid?: string };
  spec?: { nodeName?: string };
}

/** A core/v1 Event about a pod, shaped as the kubelet records one. */
export function createPodEvent(t: TestCluster, pod: PodRef, o: PodEventOptions): Promise<CoreV1Event> {
  const at = o.at ?? new Date();
  const namespace = pod.metadata?.namespace ?? 'default';
  return t.core.createNamespacedEvent({
    namespace,
    body: {
      metadata: { name: o.name, namespace },
      involvedObject: {
        apiVersion: 'v1', kind: 'Pod', namespace, name: pod.metadata?.name, uid: pod.metadata?.uid,
        fieldPath: o.container ? `spec.containers{${o.container}}` : undefined,
      },
      reason: o.reason ?? 'Pulling', message: `${o.reason ?? 'Pulling'} (${o.name})`, type: 'Normal', count: 1,
      source: { component: 'kubelet', host: pod.spec?.nodeName }, firstTimestamp: at, lastTimestamp: at,
    },
  });
}
