import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { defaultSidecarSet } from './defaults';
import { InjectionError, injectSidecars } from './injection';
import { sampleInjectedPod, sampleSidecarSets } from './testdata/fixtures';
import {
  SIDECARSET_HASH_ANNOTATION,
  SIDECARSET_INJECTED_LIST_ANNOTATION,
  SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION,
  type SidecarSet,
} from './types';

const NOW = '2026-07-20T08:05:00Z';
const NS_LABELS = { 'kubernetes.io/metadata.name': 'default' };

/** The sample pod as the ReplicaSet creates it: no Kruise annotations, only busybox, no status. */
function createdPod(): Pod {
  const sample = sampleInjectedPod();
  return {
    apiVersion: sample.apiVersion,
    kind: sample.kind,
    metadata: { ...sample.metadata, annotations: undefined },
    spec: { ...sample.spec, containers: (sample.spec?.containers ?? []).filter((c) => c.name === 'busybox') },
  };
}

function coldSidecarSet(name: string, containers: SidecarSet['spec']['containers'], extra: Partial<SidecarSet['spec']> = {}): SidecarSet {
  return defaultSidecarSet({
    apiVersion: 'apps.kruise.io/v1beta1',
    kind: 'SidecarSet',
    metadata: { name },
    spec: { selector: { matchLabels: { app: 'hotupgrade' } }, containers, ...extra },
  });
}

const names = (cs: Container[] | undefined): string[] => (cs ?? []).map((c) => c.name);

describe('injectSidecars (spec §2)', () => {
  it('reproduces sample-pod-after-injection.yaml from the sample SidecarSet and a busybox pod', () => {
    const expected = sampleInjectedPod();
    const out = injectSidecars(createdPod(), [sampleSidecarSets().stored], NS_LABELS, NOW);
    expect(out.metadata).toEqual(expected.metadata);
    expect(out.spec).toEqual(expected.spec);
  });

  it('does nothing for non-matching, paused, inactive pods or a missing namespace', () => {
    const { stored } = sampleSidecarSets();
    const pod = createdPod();
    const elsewhere = { ...pod, metadata: { ...pod.metadata, namespace: 'other' } };
    expect(injectSidecars(elsewhere, [stored], { 'kubernetes.io/metadata.name': 'other' }, NOW)).toEqual(elsewhere);
    expect(injectSidecars(pod, [stored], undefined, NOW)).toEqual(pod);
    const paused = structuredClone(stored);
    paused.spec.injectionStrategy = { paused: true };
    expect(injectSidecars(pod, [paused], NS_LABELS, NOW)).toEqual(pod);
    const failed = { ...pod, status: { phase: 'Failed' } };
    expect(injectSidecars(failed, [stored], NS_LABELS, NOW)).toEqual(failed);
    const other = { ...pod, metadata: { ...pod.metadata, labels: { app: 'x' } } };
    expect(injectSidecars(other, [stored], NS_LABELS, NOW)).toEqual(other);
  });

  it('places Before/After sidecars, replaces same-name containers in place, and merges per SidecarSet', () => {
    const pod = createdPod();
    pod.spec?.containers.push({ name: 'log', image: 'user-log:1' });
    const a = coldSidecarSet('a-set', [
      { name: 'before', image: 'b:1' },
      { name: 'after', image: 'a:1', podInjectPolicy: 'AfterAppContainer' },
    ]);
    const b = coldSidecarSet('b-set', [{ name: 'log', image: 'log:2' }]);
    const out = injectSidecars(pod, [b, a], undefined, NOW);
    expect(names(out.spec?.containers)).toEqual(['before', 'busybox', 'log', 'after']);
    expect(out.spec?.containers.find((c) => c.name === 'log')?.image).toBe('log:2');
    expect(out.metadata?.annotations?.[SIDECARSET_INJECTED_LIST_ANNOTATION]).toBe('a-set,b-set');
    const hashes = JSON.parse(out.metadata?.annotations?.[SIDECARSET_HASH_ANNOTATION] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(hashes)).toEqual(['a-set', 'b-set']);
    expect(out.metadata?.annotations?.[SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION]).toBeUndefined();
    expect(out.spec?.containers.find((c) => c.name === 'before')?.env).toEqual([{ name: 'IS_INJECTED', value: 'true' }]);
  });

  it('injects only referenced volumes, merges imagePullSecrets and shares app volume mounts when enabled', () => {
    const pod = createdPod();
    pod.spec = { ...(pod.spec ?? { containers: [] }), imagePullSecrets: [{ name: 'pod-secret' }] };
    const busybox = pod.spec.containers[0];
    if (!busybox) throw new Error('fixture');
    busybox.volumeMounts = [...(busybox.volumeMounts ?? []), { name: 'logs', mountPath: '/logs', subPathExpr: '$(POD_NAME)' }];
    busybox.env = [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'OTHER', value: 'x' }];
    const ss = coldSidecarSet('vol-set', [{
      name: 'agent', image: 'agent:1', volumeMounts: [{ name: 'used', mountPath: '/used' }],
      shareVolumePolicy: { type: 'enabled' },
      transferEnv: [{ sourceContainerName: 'busybox', envName: 'OTHER' }],
    }], {
      volumes: [{ name: 'used', emptyDir: {} }, { name: 'unused', emptyDir: {} }],
      imagePullSecrets: [{ name: 'pod-secret' }, { name: 'ss-secret' }],
    });
    const out = injectSidecars(pod, [ss], undefined, NOW);
    expect(out.spec?.volumes?.map((v) => v.name)).toEqual(['kube-api-access-abcde', 'used']);
    expect(out.spec?.imagePullSecrets).toEqual([{ name: 'pod-secret' }, { name: 'ss-secret' }]);
    const agent = out.spec?.containers.find((c) => c.name === 'agent');
    expect(agent?.volumeMounts?.map((m) => m.mountPath)).toEqual(['/used', '/var/run/secrets/kubernetes.io/serviceaccount', '/logs']);
    expect(agent?.env?.map((e) => e.name)).toEqual(['IS_INJECTED', 'OTHER', 'POD_NAME']);
  });

  it('keeps existing injected-list entries and legacy hash entries, and applies patchPodMetadata', () => {
    const pod = createdPod();
    pod.metadata = {
      ...pod.metadata,
      annotations: { [SIDECARSET_INJECTED_LIST_ANNOTATION]: 'zz-old', [SIDECARSET_HASH_ANNOTATION]: '{"zz-old":"abc"}', keep: 'me' },
    };
    const ss = coldSidecarSet('meta-set', [{ name: 'agent', image: 'agent:1' }], {
      patchPodMetadata: [{ annotations: { keep: 'overwritten?', added: 'yes' } }],
    });
    const out = injectSidecars(pod, [ss], undefined, NOW);
    const ann = out.metadata?.annotations ?? {};
    expect(ann[SIDECARSET_INJECTED_LIST_ANNOTATION]).toBe('meta-set,zz-old');
    expect(ann.keep).toBe('me');
    expect(ann.added).toBe('yes');
    expect(ann[SIDECARSET_HASH_ANNOTATION]).toContain('"zz-old":{"updateTimestamp":null,"hash":"abc","sidecarSetName":"zz-old","sidecarList":null}');
  });

  it('rejects a pod whose hash annotation is unreadable', () => {
    const pod = createdPod();
    pod.metadata = { ...pod.metadata, annotations: { [SIDECARSET_HASH_ANNOTATION]: '{not json' } };
    expect(() => injectSidecars(pod, [sampleSidecarSets().stored], NS_LABELS, NOW)).toThrow(InjectionError);
  });

  it('drops the base SidecarSet of a matched canary', () => {
    const base = coldSidecarSet('base', [{ name: 'mesh', image: 'mesh:1' }]);
    const canary = coldSidecarSet('canary', [{ name: 'mesh', image: 'mesh:2' }], { updateStrategy: { type: 'NotUpdate' } });
    canary.metadata.annotations = { ...canary.metadata.annotations, 'apps.kruise.io/sidecarset-canary': 'true', 'apps.kruise.io/sidecarset-base': 'base' };
    const out = injectSidecars(createdPod(), [base, canary], undefined, NOW);
    expect(out.spec?.containers.find((c) => c.name === 'mesh')?.image).toBe('mesh:2');
    expect(out.metadata?.annotations?.[SIDECARSET_INJECTED_LIST_ANNOTATION]).toBe('canary');
  });

  it('injects a pinned revision through resolveRevision, honouring policy Partial', () => {
    const latest = coldSidecarSet('pin', [{ name: 'agent', image: 'agent:2' }], {
      injectionStrategy: { revision: { revisionName: 'pin-old', policy: 'Partial' } },
      updateStrategy: { partition: '50%' },
    });
    const old = { ...structuredClone(latest), spec: { containers: [{ ...(latest.spec.containers?.[0] ?? { name: '' }), image: 'agent:1' }] } };
    const resolveRevision = (): SidecarSet => old;
    const image = (random: number): string | undefined =>
      injectSidecars(createdPod(), [latest], undefined, NOW, { resolveRevision, random: () => random })
        .spec?.containers.find((c) => c.name === 'agent')?.image;
    expect(image(0.3)).toBe('agent:1');
    expect(image(0.7)).toBe('agent:2');
    expect(injectSidecars(createdPod(), [latest], undefined, NOW).spec?.containers[0]?.image).toBe('agent:2');
  });
});
