/** Objects shared by the patch tests, frozen like the store's so any mutation of an input throws. */

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function deployment() {
  return deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      resourceVersion: '42',
      generation: 1,
      labels: { app: 'web' },
      annotations: {
        'deployment.kubernetes.io/revision': '1',
        [LAST_APPLIED]:
          '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},' +
          '"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},' +
          '"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}\n',
      },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.25',
              env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }],
              ports: [{ containerPort: 80, protocol: 'TCP' }],
            },
            { name: 'sidecar', image: 'mosn:v1.0' },
          ],
          restartPolicy: 'Always',
        },
      },
    },
    status: { replicas: 2, readyReplicas: 2 },
  });
}

export function pod() {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      uid: 'uid-1',
      finalizers: ['a', 'b'],
      labels: { app: 'web' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-6d4', uid: 'rs-uid', controller: true }],
    },
    spec: {
      nodeName: 'node-1',
      containers: [
        { name: 'app', image: 'app:1', volumeMounts: [{ name: 'data', mountPath: '/data' }], ports: [{ containerPort: 8080 }] },
        { name: 'sidecar', image: 'mosn:v1.0' },
      ],
      volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg' } }],
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    },
    status: {
      phase: 'Pending',
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-01-01T00:00:00Z' },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastProbeTime: null, lastTransitionTime: '2024-01-01T00:00:00Z' },
        { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: '2024-01-01T00:00:00Z' },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' },
      ],
      containerStatuses: [
        { name: 'app', ready: false, restartCount: 0, image: 'app:1', imageID: '', started: false, state: { waiting: { reason: 'ContainerCreating' } } },
        { name: 'sidecar', ready: false, restartCount: 0, image: 'mosn:v1.0', imageID: '', started: false, state: { waiting: { reason: 'ContainerCreating' } } },
      ],
    },
  });
}

export function sidecarSet() {
  return deepFreeze({
    apiVersion: 'apps.kruise.io/v1beta1',
    kind: 'SidecarSet',
    metadata: { name: 'mosn', resourceVersion: '7', generation: 3 },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      updateStrategy: { type: 'RollingUpdate', maxUnavailable: 1 },
      containers: [{ name: 'sidecar', image: 'mosn:v1.0', upgradeStrategy: { upgradeType: 'HotUpgrade' } }],
    },
  });
}
