import { describe, expect, it } from 'vitest';
import { type ApiError, isApiError } from '../errors';
import { applyStrategicMergePatch } from './strategic-merge-patch';
import { deepFreeze, deployment, LAST_APPLIED, pod } from './test-fixtures';

type Obj = Record<string, unknown>;

function at(obj: unknown, ...path: Array<string | number>): unknown {
  let cur = obj;
  for (const p of path) cur = (cur as Record<string | number, unknown> | undefined)?.[p];
  return cur;
}

function names(list: unknown): unknown[] {
  return (list as Array<{ name?: unknown; type?: unknown }>).map((x) => x.name ?? x.type);
}

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const NEW_LAST_APPLIED =
  '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},' +
  '"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},' +
  '"spec":{"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}\n';

describe('patches kubectl sends', () => {
  it('kubectl apply of a Deployment: new image, new last-applied annotation, server-only fields kept', () => {
    const original = deployment();
    const patch = deepFreeze({
      metadata: { annotations: { [LAST_APPLIED]: NEW_LAST_APPLIED } },
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:1.26', name: 'nginx' }] } } },
    });
    const out = applyStrategicMergePatch(original, patch);
    expect(at(out, 'metadata', 'annotations')).toEqual({ 'deployment.kubernetes.io/revision': '1', [LAST_APPLIED]: NEW_LAST_APPLIED });
    const containers = at(out, 'spec', 'template', 'spec', 'containers');
    expect(containers).toEqual([
      { ...original.spec.template.spec.containers[0], image: 'nginx:1.26' },
      { name: 'sidecar', image: 'mosn:v1.0' },
    ]);
    expect(at(out, 'spec', 'strategy')).toEqual(original.spec.strategy);
    expect(at(out, 'status')).toEqual(original.status);
    expect(original.spec.template.spec.containers[0]?.image).toBe('nginx:1.25');
  });

  it('kubectl apply that drops one env var and adds another keeps the applied order', () => {
    const out = applyStrategicMergePatch(deployment(), {
      spec: { template: { spec: {
        '$setElementOrder/containers': [{ name: 'nginx' }],
        containers: [{
          '$setElementOrder/env': [{ name: 'A' }, { name: 'D' }, { name: 'C' }],
          name: 'nginx',
          env: [{ name: 'D', value: '4' }, { $patch: 'delete', name: 'B' }],
        }],
      } } },
    });
    expect(at(out, 'spec', 'template', 'spec', 'containers', 0, 'env')).toEqual([
      { name: 'A', value: '1' }, { name: 'D', value: '4' }, { name: 'C', value: '3' },
    ]);
  });

  it('kubectl apply switching the Deployment strategy uses $retainKeys to drop rollingUpdate', () => {
    const out = applyStrategicMergePatch(deployment(), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(at(out, 'spec', 'strategy')).toEqual({ type: 'Recreate' });
  });

  it('kubectl set image merges the one container by name', () => {
    const out = applyStrategicMergePatch(deployment(), { spec: { template: { spec: { containers: [{ image: 'mosn:v1.1', name: 'sidecar' }] } } } });
    expect(names(at(out, 'spec', 'template', 'spec', 'containers'))).toEqual(['nginx', 'sidecar']);
    expect(at(out, 'spec', 'template', 'spec', 'containers', 1)).toEqual({ name: 'sidecar', image: 'mosn:v1.1' });
  });

  it('kubectl edit: scalar changes and a nested map added to one container', () => {
    const out = applyStrategicMergePatch(deployment(), {
      spec: {
        replicas: 3,
        template: { spec: {
          '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
          containers: [{ name: 'nginx', resources: { limits: { cpu: '1' } } }],
        } },
      },
    });
    expect(at(out, 'spec', 'replicas')).toBe(3);
    expect(at(out, 'spec', 'template', 'spec', 'containers', 0, 'resources')).toEqual({ limits: { cpu: '1' } });
    expect(at(out, 'spec', 'template', 'spec', 'containers', 0, 'env')).toHaveLength(3);
  });

  it('the kubelet status patch: one condition changes, containerStatuses are replaced', () => {
    const original = pod();
    const running = [
      { name: 'app', ready: true, restartCount: 0, image: 'app:1', imageID: 'docker-pullable://app@sha256:1', containerID: 'containerd://a', started: true, state: { running: { startedAt: '2024-01-01T00:00:05Z' } } },
      { name: 'sidecar', ready: true, restartCount: 0, image: 'mosn:v1.0', imageID: 'docker-pullable://mosn@sha256:2', containerID: 'containerd://b', started: true, state: { running: { startedAt: '2024-01-01T00:00:05Z' } } },
    ];
    const out = applyStrategicMergePatch(original, {
      metadata: { uid: 'uid-1' },
      status: {
        '$setElementOrder/conditions': [{ type: 'Initialized' }, { type: 'Ready' }, { type: 'ContainersReady' }, { type: 'PodScheduled' }],
        conditions: [{ lastProbeTime: null, lastTransitionTime: '2024-01-01T00:00:06Z', status: 'True', type: 'Ready', reason: null }],
        containerStatuses: running,
        phase: 'Running',
        podIP: '10.244.0.5',
        podIPs: [{ ip: '10.244.0.5' }],
      },
    });
    const status = at(out, 'status') as Obj;
    expect(names(status.conditions)).toEqual(['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(at(status, 'conditions', 1)).toEqual({ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:06Z' });
    expect(at(status, 'conditions', 2)).toEqual(original.status.conditions[2]);
    expect(status.containerStatuses).toEqual(running);
    expect([status.phase, status.podIP, status.podIPs]).toEqual(['Running', '10.244.0.5', [{ ip: '10.244.0.5' }]]);
  });

  it('an Event update from the event recorder', () => {
    const ev = deepFreeze({ kind: 'Event', apiVersion: 'v1', metadata: { name: 'e' }, count: 1, message: 'Pulled', lastTimestamp: '2024-01-01T00:00:00Z' });
    expect(applyStrategicMergePatch(ev, { count: 2, lastTimestamp: '2024-01-01T00:01:00Z' })).toEqual({ ...ev, count: 2, lastTimestamp: '2024-01-01T00:01:00Z' });
  });
});

describe('patch strategies by field', () => {
  it('prepends list items new to the server, as apimachinery orders them', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'new', image: 'n' }] }, metadata: { finalizers: ['z'] } });
    expect(names(at(out, 'spec', 'containers'))).toEqual(['new', 'app', 'sidecar']);
    expect(at(out, 'metadata', 'finalizers')).toEqual(['z', 'a', 'b']);
  });

  it('merges ports by containerPort, volumeMounts by mountPath, volumes and ownerReferences by their keys', () => {
    const out = applyStrategicMergePatch(pod(), {
      metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u2' }] },
      spec: {
        containers: [{ name: 'app', ports: [{ containerPort: 8080, name: 'http' }], volumeMounts: [{ name: 'cfg', mountPath: '/cfg' }] }],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg2' } }],
      },
    });
    expect(at(out, 'spec', 'containers', 0, 'ports')).toEqual([{ containerPort: 8080, name: 'http' }]);
    expect(at(out, 'spec', 'containers', 0, 'volumeMounts')).toEqual([{ name: 'cfg', mountPath: '/cfg' }, { name: 'data', mountPath: '/data' }]);
    expect(at(out, 'spec', 'volumes')).toEqual([{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg2' } }]);
    expect(names(at(out, 'metadata', 'ownerReferences'))).toEqual(['x', 'web-6d4']);
  });

  it('replaces untagged lists such as tolerations', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { tolerations: [{ key: 'k', operator: 'Exists' }] } });
    expect(at(out, 'spec', 'tolerations')).toEqual([{ key: 'k', operator: 'Exists' }]);
  });

  it('merges metadata.finalizers but replaces a Namespace spec.finalizers', () => {
    const ns = deepFreeze({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', finalizers: ['f1'] }, spec: { finalizers: ['kubernetes', 'x'] } });
    const out = applyStrategicMergePatch(ns, { metadata: { finalizers: ['f2'] }, spec: { finalizers: ['kubernetes'] } });
    expect(at(out, 'metadata', 'finalizers')).toEqual(['f2', 'f1']);
    expect(at(out, 'spec', 'finalizers')).toEqual(['kubernetes']);
  });

  it('merges Node addresses and conditions by type and replaces taints', () => {
    const node = deepFreeze({
      apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' },
      spec: { taints: [{ key: 't', effect: 'NoSchedule' }] },
      status: { addresses: [{ type: 'InternalIP', address: '1.1.1.1' }], conditions: [{ type: 'Ready', status: 'False' }, { type: 'MemoryPressure', status: 'False' }] },
    });
    const out = applyStrategicMergePatch(node, {
      spec: { taints: [] },
      status: { addresses: [{ type: 'Hostname', address: 'n1' }], conditions: [{ type: 'Ready', status: 'True' }] },
    });
    expect(at(out, 'spec', 'taints')).toEqual([]);
    expect(at(out, 'status', 'addresses')).toEqual([{ type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: '1.1.1.1' }]);
    expect(at(out, 'status', 'conditions')).toEqual([{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'False' }]);
  });

  it('merges Service ports by port and merges ordinary selectors as maps', () => {
    const svc = deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }], selector: { app: 'x' } } });
    const out = applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }], selector: { tier: 'y' } } });
    expect(at(out, 'spec')).toEqual({ ports: [{ name: 'http', port: 80, targetPort: 9090 }], selector: { app: 'x', tier: 'y' } });
  });

  it('replaces a PodDisruptionBudget selector whole (patchStrategy:"replace")', () => {
    const pdb = deepFreeze({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { selector: { matchLabels: { a: '1' } } } });
    expect(at(applyStrategicMergePatch(pdb, { spec: { selector: { matchLabels: { b: '2' } } } }), 'spec', 'selector')).toEqual({ matchLabels: { b: '2' } });
  });

  it('deletes members set to null and drops nulls from new subtrees and new list items', () => {
    const out = applyStrategicMergePatch(deployment(), {
      metadata: { labels: null },
      spec: {
        strategy: { rollingUpdate: null },
        template: { spec: { nodeSelector: { a: '1', b: null }, containers: [{ name: 'new', image: 'n', resources: null }] } },
      },
    });
    expect(at(out, 'metadata', 'labels')).toBeUndefined();
    expect(at(out, 'spec', 'strategy')).toEqual({ type: 'RollingUpdate' });
    expect(at(out, 'spec', 'template', 'spec', 'nodeSelector')).toEqual({ a: '1' });
    expect(at(out, 'spec', 'template', 'spec', 'containers', 0)).toEqual({ name: 'new', image: 'n' });
  });
});

describe('directives', () => {
  it('$patch: replace on a list element replaces the list', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'only', image: 'o' }, { $patch: 'replace' }] } });
    expect(at(out, 'spec', 'containers')).toEqual([{ name: 'only', image: 'o' }]);
  });

  it('$patch: replace on a map replaces the map', () => {
    const out = applyStrategicMergePatch(deployment(), { spec: { selector: { $patch: 'replace', matchLabels: { z: '1' } } } });
    expect(at(out, 'spec', 'selector')).toEqual({ matchLabels: { z: '1' } });
  });

  it('$patch: delete removes a list element by merge key, or a whole map', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }], nodeSelector: { $patch: 'delete' } } });
    expect(names(at(out, 'spec', 'containers'))).toEqual(['app']);
    const noLabels = applyStrategicMergePatch(pod(), { metadata: { labels: { $patch: 'delete' } } });
    expect(at(noLabels, 'metadata')).not.toHaveProperty('labels');
  });

  it('$patch: merge is accepted on maps and list elements as the default behaviour', () => {
    const out = applyStrategicMergePatch(pod(), {
      metadata: { labels: { $patch: 'merge', extra: 'y' } },
      spec: { containers: [{ name: 'sidecar', $patch: 'merge', image: 'mosn:v2' }] },
    });
    expect(at(out, 'metadata', 'labels')).toEqual({ app: 'web', extra: 'y' });
    expect(at(out, 'spec', 'containers', 1)).toEqual({ name: 'sidecar', image: 'mosn:v2' });
  });

  it('$deleteFromPrimitiveList removes values from a merged primitive list', () => {
    const out = applyStrategicMergePatch(pod(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], finalizers: ['c'] } });
    expect(at(out, 'metadata', 'finalizers')).toEqual(['c', 'b']);
  });

  it('$setElementOrder reorders primitive and keyed lists, even with no other change', () => {
    const out = applyStrategicMergePatch(pod(), {
      metadata: { '$setElementOrder/finalizers': ['b', 'a'] },
      spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }] },
    });
    expect(at(out, 'metadata', 'finalizers')).toEqual(['b', 'a']);
    expect(names(at(out, 'spec', 'containers'))).toEqual(['sidecar', 'app']);
  });

  it('$retainKeys inside a volume keeps only the listed keys', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { volumes: [{ $retainKeys: ['name', 'secret'], name: 'cfg', secret: { secretName: 's' } }] } });
    expect(at(out, 'spec', 'volumes', 1)).toEqual({ name: 'cfg', secret: { secretName: 's' } });
  });

  it('never leaves directive keys in stored data', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { volumes: [{ $retainKeys: ['name', 'secret'], name: 'new', secret: { secretName: 's' } }] } });
    expect(JSON.stringify(out)).not.toContain('$');
  });

  it('a top-level $patch: replace replaces the object; a null patch changes nothing', () => {
    expect(applyStrategicMergePatch(pod(), { $patch: 'replace', apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } })).toEqual({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
    });
    expect(applyStrategicMergePatch(pod(), null)).toEqual(pod());
  });
});

describe('errors', () => {
  it.each([
    [{ spec: { $patch: 'bogus' } }, 'unknown patch type: bogus in map: map[$patch:bogus]'],
    [{ spec: { template: { spec: { containers: [{ name: 'nginx', $patch: 'bogus' }] } } } }, 'unknown patch type: bogus in map: map[$patch:bogus name:nginx]'],
    [{ spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: { maxSurge: 2 } } } }, 'invalid patch format of retainKeys'],
    [{ spec: { strategy: { $retainKeys: 'type' } } }, 'invalid patch format of retainKeys'],
    [{ metadata: { $deleteFromPrimitiveList: ['x'] } }, 'invalid patch format of primitive list'],
    [{ metadata: { $setElementOrder: ['x'] } }, 'invalid patch format of setElementOrder list'],
    [{ spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, 'map: map[image:x] does not contain declared merge key: name'],
    [{ spec: { template: { spec: { containers: [{ $patch: 'delete' }] } } } }, 'map: map[$patch:delete] does not contain declared merge key: name'],
    [[1], 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
  ])('400 for %j', (patch, message) => {
    const e = failure(() => applyStrategicMergePatch(deployment(), patch));
    expect([e.code, e.reason, e.message]).toEqual([400, 'BadRequest', message]);
  });

  it('400 for list elements of different types', () => {
    const e = failure(() => applyStrategicMergePatch(pod(), { metadata: { finalizers: [{ a: 1 }] } }));
    expect([e.code, e.message]).toEqual([400, 'list element types are not identical: [[a b] [map[a:1]]]']);
  });

  it('400 when the patch list contradicts $setElementOrder', () => {
    const e = failure(() => applyStrategicMergePatch(pod(), { metadata: { '$setElementOrder/finalizers': ['a'], finalizers: ['z'] } }));
    expect([e.code, e.message]).toEqual([400, 'The order in patch list:\n[z]\n doesn\'t match $setElementOrder list:\n[a]\n']);
  });

  it('422 for a list of lists where lists merge', () => {
    const obj = deepFreeze({ kind: 'Pod', metadata: { name: 'p', finalizers: [] } });
    const e = failure(() => applyStrategicMergePatch(obj, { metadata: { finalizers: [['x']] } }));
    expect([e.code, e.reason, e.debugMessage]).toEqual([422, 'Invalid', 'lists of lists are not supported']);
  });
});
