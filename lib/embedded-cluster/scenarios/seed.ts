import type { KubeObject } from '../types';

/**
 * The seed article's demo (MOSN hot upgrade through a SidecarSet), as the embedded cluster's default:
 * SidecarSet `mosn` (v1alpha1, exactly the article's fields) and the `test-app` Deployment (nginx:1.20).
 *
 * Two deliberate differences from the article, both documented in the README:
 * - the article's `postStar:` typo is fixed to `postStart:` (the `poststar-typo` scenario keeps it), and its
 *   hook follows spec §7.5: skip in the empty slot and on first start, otherwise block 15 s, i.e. more than
 *   twice MOSN's (demo-sized) graceful_timeout, so every connection migrates before the old slot is reset;
 * - the Deployment is apps/v1 (the article's extensions/v1beta1 was removed in Kubernetes 1.16), with 3 replicas.
 */
export const SEED_HOOK = '[ "$SIDECARSET_VERSION" = "0" ] || [ "$SIDECARSET_VERSION_ALT" = "0" ] || sleep 15';

export const MOSN_LABEL = { 'mesh.apsara-edge.com/mosn-injected': 'true' };

export interface MosnOptions {
  image?: string;
  /** The exact lifecycle block; `null` for none. */
  lifecycle?: Record<string, unknown> | null;
  name?: string;
}

export function mosnSidecarSet(o: MosnOptions = {}): KubeObject {
  const container: Record<string, unknown> = {
    image: o.image ?? 'tinyqian/mosn:v1',
    imagePullPolicy: 'IfNotPresent',
    name: 'mosn',
    podInjectPolicy: 'BeforeAppContainer',
    resources: {},
    shareVolumePolicy: { type: 'enabled' },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    upgradeStrategy: { hotUpgradeEmptyImage: 'openkruise/hotupgrade-sample:empty', upgradeType: 'HotUpgrade' },
    volumeMounts: [{ mountPath: '/home/admin/mosn/logs', name: 'mosn-log' }],
  };
  const lifecycle = o.lifecycle === undefined ? { postStart: { exec: { command: ['/bin/sh', '-c', SEED_HOOK] } } } : o.lifecycle;
  if (lifecycle) container.lifecycle = lifecycle;
  return {
    apiVersion: 'apps.kruise.io/v1alpha1',
    kind: 'SidecarSet',
    metadata: { name: o.name ?? 'mosn' },
    spec: {
      containers: [container],
      injectionStrategy: {},
      namespace: 'default',
      selector: { matchLabels: { ...MOSN_LABEL } },
      updateStrategy: { maxUnavailable: 1, partition: 0, type: 'RollingUpdate' },
      volumes: [{ emptyDir: {}, name: 'mosn-log' }],
    },
  };
}

export function testAppDeployment(replicas = 3, namespace = 'default', name = 'test-app'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...MOSN_LABEL } },
    spec: {
      replicas,
      selector: { matchLabels: { ...MOSN_LABEL } },
      template: {
        metadata: { labels: { ...MOSN_LABEL } },
        spec: { containers: [{ name: 'test-app', image: 'nginx:1.20' }] },
      },
    },
  };
}
