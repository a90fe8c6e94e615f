import type { Container, Pod } from 'kubernetes-types/core/v1';
import { makePod, versionEnv, withImage } from './test-helpers';

/** Pods used by several test files (test support only). */

const migrateHook = { postStart: { exec: { command: ['/bin/sh', '/migrate.sh'] } } };

/** sample-pod-after-injection.yaml: the OpenKruise hotupgrade sample after injection. */
export function samplePod(name = 'busybox-7d9f8c6b5-x2k9p'): Pod {
  return makePod(
    name,
    [
      { name: 'sidecar-1', image: 'openkruise/hotupgrade-sample:sidecarv1', imagePullPolicy: 'Always', env: versionEnv('sidecar-1'), lifecycle: migrateHook },
      { name: 'sidecar-2', image: 'openkruise/hotupgrade-sample:empty', imagePullPolicy: 'Always', env: versionEnv('sidecar-2'), lifecycle: migrateHook },
      { name: 'busybox', image: 'openkruise/hotupgrade-sample:busybox', imagePullPolicy: 'IfNotPresent' },
    ],
    { annotations: injectedAnnotations('sidecar') },
  );
}

export function injectedAnnotations(sidecar: string): Record<string, string> {
  return {
    'kruise.io/sidecarset-working-hotupgrade-container': JSON.stringify({ [sidecar]: `${sidecar}-1` }),
    [`version.sidecarset.kruise.io/${sidecar}-1`]: '1',
    [`versionalt.sidecarset.kruise.io/${sidecar}-1`]: '0',
    [`version.sidecarset.kruise.io/${sidecar}-2`]: '0',
    [`versionalt.sidecarset.kruise.io/${sidecar}-2`]: '1',
  };
}

/** The spec §7.5 contract: empty slot and first start return at once, an upgrade blocks ≥ 2T. */
export const MOSN_HOOK = '[ "$SIDECARSET_VERSION" = "0" ] || [ "$SIDECARSET_VERSION_ALT" = "0" ] || sleep 15';

export interface MosnPodOptions {
  image?: string;
  /** postStart script; undefined = no hook at all (the seed article's `postStar` typo). */
  hook?: string;
  /** Mount the shared uds_dir emptyDir in both slots (default true). */
  sharedUdsDir?: boolean;
}

/** The seed article's pod: mosn-1 (MOSN), mosn-2 (empty), and the nginx app. */
export function mosnPod(name: string, opts: MosnPodOptions = {}): Pod {
  const shared = opts.sharedUdsDir ?? true;
  const slot = (n: string, image: string): Container => ({
    name: n,
    image,
    imagePullPolicy: 'IfNotPresent',
    env: versionEnv(n),
    ...(shared ? { volumeMounts: [{ name: 'mosn-log', mountPath: '/home/admin/mosn/logs' }] } : {}),
    ...(opts.hook !== undefined ? { lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', opts.hook] } } } } : {}),
  });
  return makePod(
    name,
    [slot('mosn-1', opts.image ?? 'tinyqian/mosn:v1'), slot('mosn-2', 'openkruise/hotupgrade-sample:empty'), { name: 'test-app', image: 'nginx:1.20' }],
    { annotations: injectedAnnotations('mosn'), volumes: ['mosn-log'] },
  );
}

/** Kruise S2: the standby slot gets the new image and the version annotations flip (spec §3.3). */
export function kruiseUpgrade(pod: Pod, sidecar: string, fromSlot: string, toSlot: string, image: string, rv = '1500'): Pod {
  const oldVersion = pod.metadata?.annotations?.[`version.sidecarset.kruise.io/${fromSlot}`] ?? '1';
  return withImage(pod, toSlot, image, {
    'kruise.io/sidecarset-working-hotupgrade-container': JSON.stringify({ [sidecar]: toSlot }),
    [`version.sidecarset.kruise.io/${toSlot}`]: rv,
    [`versionalt.sidecarset.kruise.io/${toSlot}`]: oldVersion,
    [`versionalt.sidecarset.kruise.io/${fromSlot}`]: rv,
  });
}

/** Kruise S5: the old slot is reset to the empty image. */
export function kruiseReset(pod: Pod, oldSlot: string, newSlot: string, emptyImage = 'openkruise/hotupgrade-sample:empty'): Pod {
  return withImage(pod, oldSlot, emptyImage, {
    [`version.sidecarset.kruise.io/${oldSlot}`]: '0',
    [`versionalt.sidecarset.kruise.io/${newSlot}`]: '0',
  });
}
