import type { Pod } from 'kubernetes-types/core/v1';
import { inform } from '../internal-client/informer';
import { resourceDef } from '../internal-client/internal-client';
import { findResource } from '../resources/definitions';
import type { KubeObject } from '../types';
import { createAll, type Scenario, type ScenarioContext } from './scenario';
import { mosnSidecarSet, testAppDeployment } from './seed';

const JSON_PATCH = 'application/json-patch+json';

function sidecarSets() {
  const def = findResource('apps.kruise.io', 'sidecarsets');
  if (!def) throw new Error('sidecarsets not registered');
  return def;
}

/** What a user does from the UI or kubectl: replace the mosn image (plus any extra ops). */
export function upgradeMosn(c: ScenarioContext, image: string, extra: unknown[] = []): void {
  c.rest.patch(sidecarSets(), 'v1alpha1', undefined, 'mosn', JSON_PATCH,
    [{ op: 'replace', path: '/spec/containers/0/image', value: image }, ...extra], c.ctx());
}

function seedWith(mosn: KubeObject) {
  return (c: ScenarioContext): void => createAll(c, [mosn, testAppDeployment()]);
}

/** Pause the SidecarSet the moment a pod has both slots on real images with the new one running (spec §3.6). */
function pauseWhenFirstPodIsMidUpgrade(c: ScenarioContext): void {
  const stop = inform(c.store, resourceDef('pods'), {
    update(_old, obj) {
      const pod = obj as unknown as Pod;
      const slots = (pod.spec?.containers ?? []).filter((x) => x.name === 'mosn-1' || x.name === 'mosn-2');
      const bothReal = slots.length === 2 && slots.every((s) => !(s.image ?? '').endsWith(':empty'));
      const restarted = (pod.status?.containerStatuses ?? []).some((s) => s.name.startsWith('mosn-') && s.restartCount > 0 && s.ready);
      if (bothReal && restarted) {
        stop();
        c.rest.patch(sidecarSets(), 'v1beta1', undefined, 'mosn', 'application/merge-patch+json', { spec: { updateStrategy: { paused: true } } }, c.ctx());
      }
    },
  });
}

const hook = (script: string) => ({ postStart: { exec: { command: ['/bin/sh', '-c', script] } } });

export const POSTSTART_TIMEOUT_HOOK =
  '[ "$SIDECARSET_VERSION" = "0" ] || [ "$SIDECARSET_VERSION_ALT" = "0" ] || [ "$SIDECARSET_VERSION" -lt "$SIDECARSET_VERSION_ALT" ] && exit 0; sleep 20; exit 1';

export const FAILURE_SCENARIOS: Scenario[] = [
  {
    name: 'bad-image',
    description: 'Upgrade mosn to an image that cannot be pulled: ErrImagePull → ImagePullBackOff, rollout blocked; a good image rescues it.',
    setup: seedWith(mosnSidecarSet()),
    trigger: (c) => upgradeMosn(c, 'tinyqian/mosn:v2-notfound'),
    expectedPods: () => 3,
  },
  {
    name: 'poststart-timeout',
    description: "The new sidecar's postStart gives up after 20 s (exit 1): FailedPostStartHook → CrashLoopBackOff; Kruise never resets the old slot, which keeps running v1.",
    // The hook keeps spec §7.5's contract for every slot but the new one (empty slot, first start, and an old slot
    // restarted after the upgrade began all exit 0), so only the new slot fails, as in a real migration timeout.
    setup: seedWith(mosnSidecarSet({ lifecycle: hook(POSTSTART_TIMEOUT_HOOK) })),
    trigger: (c) => upgradeMosn(c, 'tinyqian/mosn:v2'),
    expectedPods: () => 3,
  },
  {
    name: 'not-upgradable',
    description: 'Change an env var together with the image: every pod becomes NotUpgradable (SidecarSetUpgradable=False), none is upgraded.',
    setup: seedWith(mosnSidecarSet()),
    trigger: (c) => upgradeMosn(c, 'tinyqian/mosn:v2', [{ op: 'add', path: '/spec/containers/0/env', value: [{ name: 'MOSN_LOG_LEVEL', value: 'DEBUG' }] }]),
    expectedPods: () => 3,
  },
  {
    name: 'paused-mid-upgrade',
    description: 'Upgrade, then pause while the first pod runs both slots: since Kruise 1.9 it stays frozen half-way.',
    setup: seedWith(mosnSidecarSet()),
    trigger(c) {
      pauseWhenFirstPodIsMidUpgrade(c);
      upgradeMosn(c, 'tinyqian/mosn:v2');
    },
    expectedPods: () => 3,
  },
  {
    name: 'poststar-typo',
    description: "The article's SidecarSet verbatim, `postStar:` typo included: no hook, so the old MOSN is reset before its connections migrate.",
    setup: seedWith(mosnSidecarSet({ lifecycle: { postStar: { exec: { command: ['/bin/sh', '-c', 'sleep 30'] } } } })),
    trigger: (c) => upgradeMosn(c, 'tinyqian/mosn:v2'),
    expectedPods: () => 3,
  },
  {
    name: 'devshm-clash',
    description: "MOSN whose supervisord keeps its socket in /dev/shm: the new slot can't start (shared /dev/shm), crash-loops; the pod goes NotReady.",
    setup: seedWith(mosnSidecarSet({ image: 'tinyqian/mosn:v1-devshm' })),
    trigger: (c) => upgradeMosn(c, 'tinyqian/mosn:v2-devshm'),
    expectedPods: () => 3,
  },
];
