import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES, findResourceByKind, type ResourceDef } from '../../resources/definitions';
import type { KubeObject } from '../../types';
import { KubectlSandbox, kubectlAvailable, startDocServer, type DocServer } from '../discovery/kubectl-harness';
import { evalSimpleJsonPath } from './crd';
import { createTableRenderer } from './renderer';
import { negotiateTable, parseIncludeObject, tableContentType, toTable, wantsTable } from './table';

const NOW = Date.parse('2025-05-01T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const kind = (group: string, k: string): ResourceDef => {
  const def = findResourceByKind(group, k);
  if (!def) throw new Error(`no ${k}`);
  return def;
};

/** Fixtures whose kubectl output is known. */
function fixtures(): Record<string, KubeObject[]> {
  const a = (s: number): string => ago(s);
  return {
    Node: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', creationTimestamp: a(3 * 86400 + 3600), labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker' } },
      spec: { unschedulable: true },
      status: { conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
        nodeInfo: { kubeletVersion: 'v1.32.4', osImage: 'Debian GNU/Linux 12', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.24' } } }],
    Namespace: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: a(86400 * 10) }, status: { phase: 'Active' } }],
    Event: [{ apiVersion: 'v1', kind: 'Event', metadata: { name: 'web-1.17f2', namespace: 'default', creationTimestamp: a(30) },
      involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{app}' }, reason: 'Pulled', type: 'Normal',
      message: 'Container image "nginx:1.27" already present on machine\n', source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: a(300), lastTimestamp: a(30), count: 3 },
    { apiVersion: 'v1', kind: 'Event', metadata: { name: 'mosn.1', namespace: 'default', creationTimestamp: a(10) },
      involvedObject: { kind: 'SidecarSet', name: 'mosn' }, reason: 'Upgrade', type: 'Normal', message: 'upgrading',
      reportingComponent: 'sidecarset-controller', eventTime: a(10) }],
    Deployment: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', creationTimestamp: a(600) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] },
        template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'mosn', image: 'mosn:1.0' }] } } },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }],
    ReplicaSet: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-6d4f', namespace: 'default', creationTimestamp: a(600) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '6d4f' } }, template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
      status: { replicas: 3, readyReplicas: 3 } }],
    ControllerRevision: [{ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'ds-7b9', namespace: 'default', creationTimestamp: a(90),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds', uid: 'u', controller: true }] }, revision: 2 }],
    SidecarSet: [{ apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 'mosn', creationTimestamp: a(125) },
      status: { matchedPods: 3, updatedPods: 1, readyPods: 3 } },
    { apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 'fresh', creationTimestamp: a(4) } }],
    Pod: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', creationTimestamp: a(3700), labels: { app: 'web' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'app' }, { name: 'mosn' }] },
      status: { phase: 'Running', podIPs: [{ ip: '10.0.0.5' }], conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 2, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: a(600) } } },
          { name: 'mosn', ready: true, restartCount: 0, state: { running: {} } }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash', namespace: 'default', creationTimestamp: a(1900) }, spec: { containers: [{ name: 'app' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, finishedAt: a(900) } } }] } }],
  };
}
const FIX = fixtures();
const rows = (k: string, group = ''): unknown[][] => toTable(kind(group, k), FIX[k] ?? [], { nowMs: NOW }).rows.map((r) => r.cells);

describe('built-in printers (cells as kube-apiserver sends them, wide columns included)', () => {
  it('Node', () => {
    expect(rows('Node')).toEqual([['node-1', 'Ready,SchedulingDisabled', 'control-plane,worker', '3d1h', 'v1.32.4', '172.18.0.2', '<none>',
      'Debian GNU/Linux 12', '6.1.0', 'containerd://1.7.24']]);
  });
  it('Namespace', () => expect(rows('Namespace')).toEqual([['default', 'Active', '10d']]));
  it('Event, including events.k8s.io-style singletons', () => {
    expect(rows('Event')).toEqual([
      ['30s', 'Normal', 'Pulled', 'pod/web-1', 'spec.containers{app}', 'kubelet, node-1', 'Container image "nginx:1.27" already present on machine', '5m', 3, 'web-1.17f2'],
      ['10s', 'Normal', 'Upgrade', 'sidecarset/mosn', '', 'sidecarset-controller', 'upgrading', '10s', 1, 'mosn.1'],
    ]);
  });
  it('Deployment, ReplicaSet, ControllerRevision', () => {
    expect(rows('Deployment', 'apps')).toEqual([['web', '2/3', 3, 2, '10m', 'app,mosn', 'nginx:1.27,mosn:1.0', 'app=web,tier in (be,fe)']]);
    expect(rows('ReplicaSet', 'apps')).toEqual([['web-6d4f', 3, 3, 3, '10m', 'app', 'nginx:1.27', 'app=web,pod-template-hash=6d4f']]);
    expect(rows('ControllerRevision', 'apps')).toEqual([['ds-7b9', 'daemonset.apps/ds', 2, '90s']]);
  });
  it('SidecarSet from the CRD printer columns', () => {
    const table = toTable(kind('apps.kruise.io', 'SidecarSet'), FIX['SidecarSet'] ?? [], { nowMs: NOW });
    expect(table.columnDefinitions.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0], ['MATCHED', 'integer', 0], ['UPDATED', 'integer', 0], ['READY', 'integer', 0], ['AGE', 'date', 0],
    ]);
    expect(table.columnDefinitions[1]?.description).toBe('The number of pods matched.');
    expect(table.rows.map((r) => r.cells)).toEqual([['mosn', 3, 1, 3, '2m5s'], ['fresh', null, null, null, '4s']]);
  });
  it('Event columns carry kube priorities', () => {
    const cols = toTable(kind('', 'Event'), [], { nowMs: NOW }).columnDefinitions;
    expect(cols.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ]);
  });
});

describe('Table envelope and negotiation', () => {
  it('wraps rows with PartialObjectMetadata by default and honours includeObject', () => {
    const pods = FIX['Pod'] ?? [];
    const t = toTable(kind('', 'Pod'), pods, { nowMs: NOW, resourceVersion: '42', continue: 'abc', remainingItemCount: 5 });
    expect(t).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '42', continue: 'abc', remainingItemCount: 5 } });
    expect(t.rows[0]?.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pods[0]?.metadata });
    expect(toTable(kind('', 'Pod'), pods, { nowMs: NOW, includeObject: 'Object' }).rows[0]?.object).toBe(pods[0]);
    expect(toTable(kind('', 'Pod'), pods, { nowMs: NOW, includeObject: 'None' }).rows[0]).not.toHaveProperty('object');
    expect(toTable(kind('', 'Pod'), pods, { nowMs: NOW, noHeaders: true }).columnDefinitions).toEqual([]);
    expect(parseIncludeObject(null)).toBe('Metadata');
    expect(parseIncludeObject('Bogus')).toBeUndefined();
  });

  it('has a printer for every served kind', () => {
    // kube-apiserver itself prints CustomResourceDefinitions with the default convertor (NAME, CREATED AT).
    for (const def of RESOURCES.filter((d) => d.kind !== 'CustomResourceDefinition')) {
      const names = toTable(def, [], { nowMs: NOW }).columnDefinitions.map((c) => c.name);
      expect(names, def.kind).not.toContain('Created At'); // the fallback printer for kinds kube has none for
    }
  });

  it('negotiates Table only when it comes before plain JSON', () => {
    const kubectl = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
    expect(negotiateTable(kubectl)).toBe('v1');
    expect(wantsTable('application/json;as=Table;v=v1beta1;g=meta.k8s.io')).toBe(true);
    expect(wantsTable('application/json, */*;q=0.8')).toBe(false);
    expect(wantsTable(undefined)).toBe(false);
    expect(wantsTable('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io')).toBe(true);
    expect(tableContentType()).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
  });

  it('adapts to the apiserver TableRenderer seam with an injected clock', () => {
    const renderer = createTableRenderer(() => NOW);
    expect(renderer.wants('application/json;as=Table;v=v1;g=meta.k8s.io')).toBe(true);
    expect(renderer.contentType).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    const t = renderer.render(kind('', 'Namespace'), FIX['Namespace'] ?? [], { resourceVersion: '9', continueToken: 'c', includeObject: 'None' });
    expect(t).toMatchObject({ metadata: { resourceVersion: '9', continue: 'c' }, rows: [{ cells: ['default', 'Active', '10d'] }] });
    expect(() => renderer.render(kind('', 'Namespace'), [], { resourceVersion: '9', includeObject: 'All' })).toThrow(/includeObject/);
  });

  it('evaluates the simple JSONPath of printer columns', () => {
    const obj = { status: { matchedPods: 3, list: [{ a: 'x' }] }, metadata: { labels: { 'app.kubernetes.io/name': 'n' } } };
    expect(evalSimpleJsonPath(obj, '.status.matchedPods')).toBe(3);
    expect(evalSimpleJsonPath(obj, '{.status.list[0].a}')).toBe('x');
    expect(evalSimpleJsonPath(obj, ".metadata.labels['app.kubernetes.io/name']")).toBe('n');
    expect(evalSimpleJsonPath(obj, '.status.missing.deeper')).toBeUndefined();
    expect(evalSimpleJsonPath(obj, '.status.list[*].a')).toBeUndefined();
  });
});

describe.skipIf(!kubectlAvailable())('real kubectl get against server-side tables (skipped: kubectl not on PATH)', () => {
  let server: DocServer;
  let kubectl: KubectlSandbox;
  beforeAll(async () => {
    // Ages are computed from the table's nowMs, not by kubectl, so a fixed clock keeps the output exact.
    server = await startDocServer((req, url, res) => {
      const m = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(?:namespaces\/[^/]+\/)?([a-z]+)$/.exec(url.pathname);
      const def = RESOURCES.find((r) => r.plural === m?.[1]);
      if (!def) return false;
      const version = negotiateTable(req.headers.accept);
      const include = parseIncludeObject(url.searchParams.get('includeObject')) ?? 'Metadata';
      const table = toTable(def, FIX[def.kind] ?? [], { nowMs: NOW, resourceVersion: '7', includeObject: include, tableVersion: version ?? 'v1' });
      res.writeHead(200, { 'Content-Type': tableContentType(version ?? 'v1') }).end(JSON.stringify(table));
      return true;
    });
    kubectl = new KubectlSandbox(server.url);
  });
  afterAll(async () => {
    kubectl.dispose();
    await server.close();
  });

  const get = async (...args: string[]): Promise<string[]> => {
    const r = await kubectl.run(['get', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trimEnd().split('\n');
  };

  it('kubectl get pods / -o wide', async () => {
    expect(await get('pods')).toEqual([
      'NAME    READY   STATUS             RESTARTS      AGE',
      'web-1   2/2     Running            2 (10m ago)   61m',
      'crash   0/1     CrashLoopBackOff   4 (15m ago)   31m',
    ]);
    expect(await get('pods', '-o', 'wide')).toEqual([
      'NAME    READY   STATUS             RESTARTS      AGE   IP         NODE     NOMINATED NODE   READINESS GATES',
      'web-1   2/2     Running            2 (10m ago)   61m   10.0.0.5   node-1   <none>           <none>',
      'crash   0/1     CrashLoopBackOff   4 (15m ago)   31m   <none>     <none>   <none>           <none>',
    ]);
  });

  it('kubectl get events, sidecarsets, deployments, nodes', async () => {
    expect(await get('events')).toEqual([
      'LAST SEEN   TYPE     REASON    OBJECT            MESSAGE',
      '30s         Normal   Pulled    pod/web-1         Container image "nginx:1.27" already present on machine',
      '10s         Normal   Upgrade   sidecarset/mosn   upgrading',
    ]);
    expect(await get('sidecarsets')).toEqual([
      'NAME    MATCHED   UPDATED   READY   AGE',
      'mosn    3         1         3       2m5s',
      'fresh                               4s',
    ]);
    expect(await get('deploy')).toEqual(['NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/3     3            2           10m']);
    expect(await get('nodes')).toEqual([
      'NAME     STATUS                     ROLES                  AGE    VERSION',
      'node-1   Ready,SchedulingDisabled   control-plane,worker   3d1h   v1.32.4',
    ]);
  });
});
