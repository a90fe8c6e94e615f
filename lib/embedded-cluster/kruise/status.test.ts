import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { defaultSidecarSet } from './defaults';
import { injectSidecars } from './injection';
import { calculateStatus, isStatusWriteNeeded, statusCounters } from './status';
import { sampleSidecarSets } from './testdata/fixtures';
import { kubeletSync, reconcile, runningStatus } from './testdata/sim';
import type { SidecarSet } from './types';

const EMPTY = 'hotupgrade:empty';

/** The fixture of Kruise's sidecarset_hotupgrade_test.go (hash "bbb", hash-without-image "111111111"). */
function kruiseTestFixture(): { ss: SidecarSet; pod: Pod } {
  const ss: SidecarSet = {
    apiVersion: 'apps.kruise.io/v1beta1',
    kind: 'SidecarSet',
    metadata: {
      name: 'test-sidecarset', generation: 123, resourceVersion: '22',
      annotations: { 'kruise.io/sidecarset-hash': 'bbb', 'kruise.io/sidecarset-hash-without-image': '111111111' },
    },
    spec: {
      selector: { matchLabels: { app: 'nginx' } },
      containers: [{ name: 'test-sidecar', image: 'test-image:v2', upgradeStrategy: { upgradeType: 'HotUpgrade', hotUpgradeEmptyImage: EMPTY } }],
      updateStrategy: {},
    },
  };
  const pod: Pod = {
    metadata: {
      name: 'liheng-test', namespace: 'default', labels: { app: 'nginx' },
      annotations: {
        'kruise.io/sidecarset-injected-list': 'test-sidecarset',
        'kruise.io/sidecarset-hash': '{"test-sidecarset":{"hash":"aaa","sidecarList":["test-sidecar"]}}',
        'kruise.io/sidecarset-hash-without-image': '{"test-sidecarset":{"hash":"111111111"}}',
        'version.sidecarset.kruise.io/test-sidecar-1': '1',
        'version.sidecarset.kruise.io/test-sidecar-2': '1',
        'kruise.io/sidecarset-working-hotupgrade-container': '{"test-sidecar":"test-sidecar-1"}',
      },
    },
    spec: { containers: [
      { name: 'nginx', image: 'nginx:1.15.1' }, { name: 'test-sidecar-1', image: 'test-image:v1' }, { name: 'test-sidecar-2', image: EMPTY },
    ] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        { name: 'nginx', image: 'nginx:1.15.1', imageID: 'docker-pullable://nginx@sha256:a9286d', ready: true, restartCount: 0 },
        { name: 'test-sidecar-1', image: 'test-image:v1', imageID: 'docker-pullable://test-image@sha256:v1', ready: true, restartCount: 0 },
        { name: 'test-sidecar-2', image: EMPTY, imageID: 'docker-pullable://hotupgrade@sha256:empty', ready: true, restartCount: 0 },
      ],
    },
  };
  return { ss, pod };
}

function setStatus(pod: Pod, name: string, image: string, imageID: string): Pod {
  const statuses = (pod.status?.containerStatuses ?? []).map((s) => (s.name === name ? { ...s, image, imageID } : s));
  return { ...pod, status: { ...pod.status, containerStatuses: statuses } };
}

describe('status counters (spec §1.5, §3.3)', () => {
  it('follows Kruise TestUpdateHotUpgradeSidecar: [1,0,1,0] -> [1,1,0,0] -> [1,1,0,0] -> [1,1,1,1]', () => {
    const { ss, pod } = kruiseTestFixture();
    const image = (p: Pod, n: string): string | undefined => p.spec?.containers.find((c) => c.name === n)?.image;
    const r1 = reconcile(ss, [pod], '2026-01-01T00:00:00Z');
    expect(r1.counters).toEqual([1, 0, 1, 0]);
    expect([image(r1.pods[0] ?? {}, 'test-sidecar-1'), image(r1.pods[0] ?? {}, 'test-sidecar-2')]).toEqual(['test-image:v1', 'test-image:v2']);
    const r2 = reconcile(ss, r1.pods, '2026-01-01T00:00:01Z');
    expect(r2.counters).toEqual([1, 1, 0, 0]);
    expect(r2.plan.stop).toBe('AllUpdated');
    const upgrading = setStatus(r2.pods[0] ?? {}, 'test-sidecar-2', 'test-image:v2', 'docker-pullable://test-image@sha256:v2');
    const r3 = reconcile(ss, [upgrading], '2026-01-01T00:00:02Z');
    expect(r3.counters).toEqual([1, 1, 0, 0]);
    expect(r3.plan.stop).toBe('Reset');
    expect(image(r3.pods[0] ?? {}, 'test-sidecar-1')).toBe(EMPTY);
    const done = setStatus(r3.pods[0] ?? {}, 'test-sidecar-1', EMPTY, 'docker-pullable://hotupgrade@sha256:empty');
    expect(reconcile(ss, [done], '2026-01-01T00:00:03Z').counters).toEqual([1, 1, 1, 1]);
  });

  it('rolls 3 pods one at a time with maxUnavailable 1: [3,0,3,0] ... [3,1,3,1] -> [3,2,2,1] ... [3,3,3,3]', () => {
    const { stored } = sampleSidecarSets();
    const v1 = stored;
    let pods = ['a', 'b', 'c'].map((n, i) => {
      const created: Pod = {
        metadata: { name: n, namespace: 'default', labels: { app: 'hotupgrade' }, creationTimestamp: `2026-07-20T08:0${i}:00Z` },
        spec: { containers: [{ name: 'app', image: 'busybox:1' }] },
      };
      return runningStatus(injectSidecars(created, [v1], { 'kubernetes.io/metadata.name': 'default' }, '2026-07-20T08:05:00Z'));
    });
    const v2: SidecarSet = defaultSidecarSet({
      ...v1,
      metadata: { ...v1.metadata, generation: 2, resourceVersion: '1500' },
      spec: { ...v1.spec, containers: (v1.spec.containers ?? []).map((c) => ({ ...c, image: 'openkruise/hotupgrade-sample:sidecarv2' })) },
    });
    const seen: number[][] = [];
    for (let i = 0; i < 30; i++) {
      const r = reconcile(v2, pods, `2026-07-20T09:00:${String(i).padStart(2, '0')}Z`);
      if (JSON.stringify(seen[seen.length - 1]) !== JSON.stringify(r.counters)) seen.push(r.counters);
      pods = r.pods.map(kubeletSync);
      if (r.counters.join() === '3,3,3,3') break;
    }
    expect(seen).toEqual([[3, 0, 3, 0], [3, 1, 2, 0], [3, 1, 3, 1], [3, 2, 2, 1], [3, 2, 3, 2], [3, 3, 2, 2], [3, 3, 3, 3]]);
    expect(pods.map((p) => p.status?.containerStatuses?.map((s) => s.restartCount))).toEqual([[1, 1, 0], [1, 1, 0], [1, 1, 0]]);
  });

  it('omits zero omitempty fields, always sets collisionCount, and knows when a write is needed', () => {
    const { stored } = sampleSidecarSets();
    const status = calculateStatus(stored, [], undefined);
    expect(status).toEqual({ observedGeneration: 1, matchedPods: 0, updatedPods: 0, readyPods: 0, collisionCount: 0 });
    expect(statusCounters(status)).toEqual([0, 0, 0, 0]);
    expect(isStatusWriteNeeded(stored, status)).toBe(true);
    const same = calculateStatus(stored, [], stored.status?.latestRevision);
    expect(isStatusWriteNeeded({ ...stored, status: { ...same } }, same)).toBe(false);
    expect(isStatusWriteNeeded({ ...stored, status: { ...same, collisionCount: undefined } }, same)).toBe(true);
  });
});
