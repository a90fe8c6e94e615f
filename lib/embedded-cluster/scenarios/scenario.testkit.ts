/**
 * What the failure-scenario integration tests share: start a named scenario, wait until it is settled, pull its
 * trigger, and read pods, events and the proxy over HTTPS. Test support only.
 */
import { ApiException, type CoreV1Api, type CoreV1Event, type V1Pod } from '@kubernetes/client-node';
import {
  counters, getSidecarSet, listPods, startTestCluster, startWatch, waitFor, type TestCluster, type WatchHandle,
} from '../cluster.testkit';

export interface ScenarioRun {
  t: TestCluster;
  /** Every pod state seen since just before the trigger. */
  podWatch: WatchHandle<V1Pod>;
  stop(): Promise<void>;
}

/** Start `scenario` at `speed`, wait for 3 ready pods and a settled SidecarSet, watch pods, then trigger. */
export async function startScenario(scenario: string, speed = 20): Promise<ScenarioRun> {
  const t = await startTestCluster({ scenario, speed });
  await t.cluster.waitForReadyPods(3, 30_000);
  await waitFor('settled status [3,3,3,3]', async () => counters(await getSidecarSet(t.custom)).join() === '3,3,3,3');
  const list = await t.core.listNamespacedPod({ namespace: 'default' });
  const podWatch = await startWatch<V1Pod>(t.kc, '/api/v1/namespaces/default/pods', { resourceVersion: list.metadata?.resourceVersion });
  await t.cluster.trigger();
  return { t, podWatch, stop: async () => { podWatch.stop(); await t.stop(); } };
}

/** The one pod the rollout picked first: the pod whose mosn hash annotation changed. */
export async function upgradedPods(t: TestCluster): Promise<V1Pod[]> {
  const ss = await getSidecarSet(t.custom);
  const hash = ss.metadata.annotations?.['kruise.io/sidecarset-hash'];
  return (await listPods(t.core)).filter((p) => (p.metadata?.annotations?.['kruise.io/sidecarset-hash'] ?? '').includes(`"hash":"${hash ?? ''}"`));
}

export async function podEvents(core: CoreV1Api, pod: string): Promise<CoreV1Event[]> {
  return (await core.listNamespacedEvent({ namespace: 'default', fieldSelector: `involvedObject.name=${pod}` })).items;
}

/** `<reason> <container> <message>` per event, for readable assertions. */
export const eventLines = (events: CoreV1Event[]): string[] =>
  events.map((e) => `${e.type ?? ''} ${e.reason ?? ''} ${/\{(.*)\}/.exec(e.involvedObject.fieldPath ?? '')?.[1] ?? '-'} ${e.message ?? ''}`);

/** The waiting reasons one container went through, in order, from the pod watch (consecutive duplicates removed). */
export function waitingReasons(history: V1Pod[], container: string): string[] {
  return history
    .map((p) => (p.status?.containerStatuses ?? []).find((s) => s.name === container)?.state?.waiting?.reason ?? '')
    .filter((r, i, a) => r !== '' && (i === 0 || a[i - 1] !== r));
}

export function historyOf(w: WatchHandle<V1Pod>, pod: string): V1Pod[] {
  return w.events.filter((e) => e.object.metadata?.name === pod).map((e) => e.object);
}

/** What one request through the pod proxy to MOSN's :2045 answers: `version@container`, or `HTTP <code>`. */
export async function probeMosn(t: TestCluster, pod: string): Promise<string> {
  try {
    const body = await t.core.connectGetNamespacedPodProxyWithPath({ namespace: 'default', name: `${pod}:2045`, path: '' }) as unknown as { version?: string; container?: string };
    return `${body.version ?? '?'}@${body.container ?? '?'}`;
  } catch (e) {
    if (e instanceof ApiException) return `HTTP ${e.code}`;
    throw e;
  }
}

export const podReady = (p: V1Pod): string | undefined => p.status?.conditions?.find((c) => c.type === 'Ready')?.status;

/** Hold for `ms` of wall time, then check the SidecarSet's counters have not moved. */
export async function heldFor(t: TestCluster, ms: number): Promise<string[]> {
  const seen = new Set<string>();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    seen.add(counters(await getSidecarSet(t.custom)).join());
    await new Promise((r) => setTimeout(r, 100));
  }
  return [...seen];
}
