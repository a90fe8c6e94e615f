/**
 * Issue 2, "Done when" #2: an image change to `mosn` takes every pod through spec §3.3 with the exact annotation
 * and restart values, the status counters evolve as in §3.3, and a second upgrade flips the slots back. Everything
 * is observed over HTTPS through @kubernetes/client-node (watches on pods and sidecarsets, GETs), as a dashboard
 * would see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import {
  annotation, containerStatus, counters, fullyReady, getSidecarSet, listPods, restarts, setMosnImage, specImage,
  startTestCluster, startWatch, waitFor, type TestCluster, type WatchEvent,
} from './cluster.testkit';
import type { SidecarSet } from './kruise';

const EMPTY = 'openkruise/hotupgrade-sample:empty';
const HASH = 'kruise.io/sidecarset-hash';
const HASH_NO_IMAGE = 'kruise.io/sidecarset-hash-without-image';
const WORKING = 'kruise.io/sidecarset-working-hotupgrade-container';
const INPLACE = 'kruise.io/sidecarset-inplace-update-state';
const LABEL = 'mesh.apsara-edge.com/mosn-injected=true';
const v = (slot: string): string => `version.sidecarset.kruise.io/${slot}`;
const alt = (slot: string): string => `versionalt.sidecarset.kruise.io/${slot}`;
/** [version X-1, versionalt X-1, version X-2, versionalt X-2], the columns of spec §2.3's table. */
const versions = (p: V1Pod): Array<string | undefined> => [annotation(p, v('mosn-1')), annotation(p, alt('mosn-1')), annotation(p, v('mosn-2')), annotation(p, alt('mosn-2'))];
const json = <T>(s: string | undefined): T => JSON.parse(s ?? 'null') as T;

interface UpgradeRun {
  image: string;
  patched: SidecarSet;
  final: SidecarSet;
  /** Every pod state the watch delivered, per pod name, in order. */
  history: Map<string, V1Pod[]>;
  statuses: Array<[number, number, number, number]>;
  ssRvs: Set<string>;
  pods: V1Pod[];
}

let t: TestCluster;

/** Change the mosn image and watch pods and the SidecarSet until every pod is done and the status is [3,3,3,3]. */
async function upgrade(image: string): Promise<UpgradeRun> {
  const podList = await t.core.listNamespacedPod({ namespace: 'default', labelSelector: LABEL });
  const ssBefore = await getSidecarSet(t.custom);
  const history = new Map<string, V1Pod[]>();
  const pods = await startWatch<V1Pod>(t.kc, '/api/v1/namespaces/default/pods', { labelSelector: LABEL, resourceVersion: podList.metadata?.resourceVersion }, (e) => {
    const name = e.object.metadata?.name ?? '';
    history.set(name, [...(history.get(name) ?? []), e.object]);
  });
  const ssEvents: Array<WatchEvent<SidecarSet>> = [];
  const ss = await startWatch<SidecarSet>(t.kc, '/apis/apps.kruise.io/v1beta1/sidecarsets', { resourceVersion: ssBefore.metadata.resourceVersion }, (e) => ssEvents.push(e));
  try {
    const patched = await setMosnImage(t.custom, image);
    const final = await waitFor('rollout to finish', async () => {
      const cur = await getSidecarSet(t.custom);
      const done = cur.status?.observedGeneration === patched.metadata.generation && counters(cur).join() === '3,3,3,3';
      return done ? cur : undefined;
    }, 60_000);
    const finalPods = await waitFor('all pods ready on the new image', async () => {
      const ps = await listPods(t.core, LABEL);
      return ps.length === 3 && ps.every(fullyReady) ? ps : undefined;
    });
    const statuses = ssEvents.filter((e) => e.type === 'MODIFIED' && e.object.status?.observedGeneration === patched.metadata.generation).map((e) => counters(e.object));
    const ssRvs = new Set([patched.metadata.resourceVersion ?? '', ...ssEvents.map((e) => e.object.metadata.resourceVersion ?? '')]);
    return { image, patched, final, history, statuses, ssRvs, pods: finalPods };
  } finally {
    pods.stop();
    ss.stop();
  }
}

/** Consecutive duplicates removed: the distinct steps the counters went through. */
const steps = (xs: Array<[number, number, number, number]>): string[] => xs.map((x) => x.join(',')).filter((x, i, a) => i === 0 || a[i - 1] !== x);

beforeAll(async () => {
  t = await startTestCluster({ speed: 20 });
  await t.cluster.waitForReadyPods(3, 30_000);
  await waitFor('initial status [3,3,3,3]', async () => counters(await getSidecarSet(t.custom)).join() === '3,3,3,3');
});
afterAll(async () => { await t?.stop(); });

describe('SidecarSet served as v1alpha1 and v1beta1 (spec §1.2)', () => {
  it('stores the article\'s v1alpha1 `namespace: default` as a v1beta1 namespaceSelector, and reads back either way', async () => {
    const beta = await getSidecarSet(t.custom, 'mosn', 'v1beta1');
    const alpha = await getSidecarSet(t.custom, 'mosn', 'v1alpha1');
    expect(beta.apiVersion).toBe('apps.kruise.io/v1beta1');
    expect(alpha.apiVersion).toBe('apps.kruise.io/v1alpha1');
    expect(beta.spec.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'default' } });
    expect(beta.spec).not.toHaveProperty('namespace');
    // beta→alpha copies the selector and never restores `namespace`.
    expect(alpha.spec.namespaceSelector).toEqual(beta.spec.namespaceSelector);
    expect(alpha.spec).not.toHaveProperty('namespace');
    expect(alpha.metadata.resourceVersion).toBe(beta.metadata.resourceVersion);
    expect(alpha.spec.containers).toEqual(beta.spec.containers);
  });

  it('lets alpha `namespace` win over an alpha namespaceSelector, and moves the custom-version label to spec.customVersion', async () => {
    const created = await t.custom.createClusterCustomObject({
      group: 'apps.kruise.io', version: 'v1alpha1', plural: 'sidecarsets',
      body: {
        apiVersion: 'apps.kruise.io/v1alpha1', kind: 'SidecarSet',
        metadata: { name: 'conv', labels: { 'apps.kruise.io/sidecarset-custom-version': 'v7' } },
        spec: {
          namespace: 'kube-system',
          namespaceSelector: { matchLabels: { team: 'x' } },
          selector: { matchLabels: { app: 'conversion-only' } },
          containers: [{ name: 'conv', image: 'busybox:1.36' }],
        },
      },
    }) as SidecarSet;
    expect(created.apiVersion).toBe('apps.kruise.io/v1alpha1');
    const beta = await getSidecarSet(t.custom, 'conv', 'v1beta1');
    expect(beta.spec.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } });
    expect(beta.spec.customVersion).toBe('v7');
    expect(beta.metadata.labels?.['apps.kruise.io/sidecarset-custom-version']).toBeUndefined();
    const alpha = await getSidecarSet(t.custom, 'conv', 'v1alpha1');
    expect(alpha.metadata.labels?.['apps.kruise.io/sidecarset-custom-version']).toBe('v7');
    expect(alpha.spec).not.toHaveProperty('customVersion');
    await t.custom.deleteClusterCustomObject({ group: 'apps.kruise.io', version: 'v1beta1', plural: 'sidecarsets', name: 'conv' });
  });
});

describe('hot upgrade of mosn, pod by pod (spec §3.3)', () => {
  let first: UpgradeRun;
  let emptyImageID = '';
  let v1ImageID = '';

  it('takes every pod through S2 (upgrade write) and S5 (reset write) with the exact annotations', async () => {
    const before = await listPods(t.core, LABEL);
    emptyImageID = containerStatus(before[0] as V1Pod, 'mosn-2')?.imageID ?? '';
    v1ImageID = containerStatus(before[0] as V1Pod, 'mosn-1')?.imageID ?? '';
    expect(before.map(versions)).toEqual(before.map(() => ['1', '0', '0', '1']));
    const hashNoImageBefore = before.map((p) => annotation(p, HASH_NO_IMAGE));

    first = await upgrade('tinyqian/mosn:v2');
    const ssHash = first.final.metadata.annotations?.[HASH];
    expect(ssHash).toBe(first.patched.metadata.annotations?.[HASH]);
    expect(first.history.size).toBe(3);
    for (const [name, states] of first.history) {
      const s2 = states.find((p) => specImage(p, 'mosn-2') === 'tinyqian/mosn:v2');
      const s2i = states.indexOf(s2 as V1Pod);
      const s5 = states.slice(s2i).find((p) => specImage(p, 'mosn-1') === EMPTY);
      expect(s2, `${name} reached S2`).toBeDefined();
      expect(s5, `${name} reached S5`).toBeDefined();
      if (!s2 || !s5) continue;

      // S2: only the empty slot's image changes; the working map flips at once, before mosn-2 runs v2.
      expect(specImage(s2, 'mosn-1')).toBe('tinyqian/mosn:v1');
      expect(json(annotation(s2, WORKING))).toEqual({ mosn: 'mosn-2' });
      const [v1, alt1, v2, alt2] = versions(s2);
      expect([v1, alt2]).toEqual(['1', '1']);
      expect(alt1).toBe(v2);
      expect(first.ssRvs.has(v2 ?? ''), `version RV ${v2 ?? ''} is a SidecarSet resourceVersion`).toBe(true);
      expect(Number(v2)).toBeGreaterThanOrEqual(Number(first.patched.metadata.resourceVersion));
      const hash = json<Record<string, { hash: string; sidecarSetName: string; sidecarList: string[]; controllerRevision?: string; updateTimestamp: string }>>(annotation(s2, HASH));
      expect(hash.mosn).toMatchObject({ hash: ssHash, sidecarSetName: 'mosn', sidecarList: ['mosn'], controllerRevision: first.final.status?.latestRevision });
      expect(Object.keys(hash.mosn ?? {})).toEqual(['updateTimestamp', 'hash', 'sidecarSetName', 'sidecarList', 'controllerRevision']);
      const state2 = json<Record<string, { revision: string; updateTimestamp: string; lastContainerStatuses: Record<string, { imageID: string }> }>>(annotation(s2, INPLACE));
      expect(state2.mosn?.revision).toBe(ssHash);
      expect(state2.mosn?.lastContainerStatuses).toEqual({ 'mosn-2': { imageID: emptyImageID } });
      // The SidecarSetUpgradable condition follows in a separate status write.
      const later = states.slice(s2i).find((p) => (p.status?.conditions ?? []).some((c) => c.type === 'SidecarSetUpgradable'));
      expect(later?.status?.conditions?.find((c) => c.type === 'SidecarSetUpgradable')).toMatchObject({ status: 'True', reason: 'AllSidecarsetUpgradable', message: '{"mosn":true}' });

      // S5: the old slot goes back to the empty image once mosn-2 runs v2 and is ready; the hash is not touched.
      const s4 = states[states.indexOf(s5) - 1] as V1Pod;
      expect(containerStatus(s4, 'mosn-2')).toMatchObject({ image: 'docker.io/tinyqian/mosn:v2', ready: true, restartCount: 1 });
      expect(versions(s5)).toEqual(['0', v2, v2, '0']);
      expect(annotation(s5, HASH)).toBe(annotation(s2, HASH));
      const state5 = json<typeof state2>(annotation(s5, INPLACE));
      expect(state5.mosn?.lastContainerStatuses).toEqual({ 'mosn-2': { imageID: emptyImageID }, 'mosn-1': { imageID: v1ImageID } });
      expect(state5.mosn?.updateTimestamp).toBe(state2.mosn?.updateTimestamp);
    }
    for (const [i, p] of first.pods.entries()) expect(annotation(p, HASH_NO_IMAGE)).toBe(hashNoImageBefore[i]);
  });

  it('leaves each pod 3/3 Running with RESTARTS 2, the working slot flipped and the old slot on the empty image', async () => {
    for (const p of first.pods) {
      expect(fullyReady(p)).toBe(true);
      expect(restarts(p)).toBe(2);
      expect(json(annotation(p, WORKING))).toEqual({ mosn: 'mosn-2' });
      expect(specImage(p, 'mosn-1')).toBe(EMPTY);
      expect(specImage(p, 'mosn-2')).toBe('tinyqian/mosn:v2');
      expect(containerStatus(p, 'mosn-1')).toMatchObject({ image: `docker.io/${EMPTY}`, imageID: emptyImageID, restartCount: 1, ready: true });
      expect(containerStatus(p, 'mosn-2')).toMatchObject({ image: 'docker.io/tinyqian/mosn:v2', restartCount: 1, ready: true });
      expect(containerStatus(p, 'test-app')?.restartCount).toBe(0);
      const events = await t.core.listNamespacedEvent({ namespace: 'default', fieldSelector: `involvedObject.name=${p.metadata?.name ?? ''},reason=ResetContainerSucceed` });
      expect(events.items.map((e) => e.message)).toEqual(['reset sidecar container image empty successfully']);
    }
  });

  it('moves the status counters as §3.3 does: one pod at a time, readyPods dipping while a pod is mid-upgrade', () => {
    expect(steps(first.statuses)).toEqual([
      '3,0,3,0', '3,1,2,0', '3,1,3,1', '3,2,2,1', '3,2,3,2', '3,3,2,2', '3,3,3,3',
    ]);
    // maxUnavailable 1: never more than one updated pod that is not also ready.
    for (const [, updated, , updatedReady] of first.statuses) expect(updated - updatedReady).toBeLessThanOrEqual(1);
  });

  it('flips back on a second upgrade: mosn-1 works again on the new image, RESTARTS 4', async () => {
    const second = await upgrade('tinyqian/mosn:v3');
    expect(steps(second.statuses)).toEqual(steps(first.statuses));
    for (const p of second.pods) {
      const rv2 = annotation(p, v('mosn-1'));
      expect(second.ssRvs.has(rv2 ?? '')).toBe(true);
      const firstRv = annotation(first.pods.find((q) => q.metadata?.name === p.metadata?.name) as V1Pod, v('mosn-2'));
      // Upgrade #2 then reset #2 of spec §2.3: [RV2, RV, RV, RV2] → [RV2, 0, 0, RV2].
      expect(versions(p)).toEqual([rv2, '0', '0', rv2]);
      const s2 = second.history.get(p.metadata?.name ?? '')?.find((q) => specImage(q, 'mosn-1') === 'tinyqian/mosn:v3');
      expect(s2 && versions(s2)).toEqual([rv2, firstRv, firstRv, rv2]);
      expect(json(annotation(p, WORKING))).toEqual({ mosn: 'mosn-1' });
      expect(specImage(p, 'mosn-1')).toBe('tinyqian/mosn:v3');
      expect(specImage(p, 'mosn-2')).toBe(EMPTY);
      expect(containerStatus(p, 'mosn-1')).toMatchObject({ image: 'docker.io/tinyqian/mosn:v3', restartCount: 2, ready: true });
      expect(containerStatus(p, 'mosn-2')).toMatchObject({ image: `docker.io/${EMPTY}`, restartCount: 2, ready: true });
      expect(restarts(p)).toBe(4);
      expect(fullyReady(p)).toBe(true);
    }
  });
});
