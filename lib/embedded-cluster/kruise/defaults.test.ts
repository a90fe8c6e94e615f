import { describe, expect, it } from 'vitest';
import { defaultSidecarSet } from './defaults';
import { canonicalQuantity, roundUpMilli } from './quantity';
import { sampleSidecarSets } from './testdata/fixtures';
import type { SidecarSet, SidecarSetV1alpha1 } from './types';

/** The sample SidecarSet as a user would apply it: no defaults, no annotations, no status. */
function userSample(): SidecarSet {
  const { stored } = sampleSidecarSets();
  return {
    apiVersion: stored.apiVersion,
    kind: stored.kind,
    metadata: { name: 'hotupgrade-sidecarset' },
    spec: {
      selector: { matchLabels: { app: 'hotupgrade' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } },
      containers: [{
        name: 'sidecar',
        image: 'openkruise/hotupgrade-sample:sidecarv1',
        imagePullPolicy: 'Always',
        lifecycle: { postStart: { exec: { command: ['/bin/sh', '/migrate.sh'] } } },
        upgradeStrategy: { upgradeType: 'HotUpgrade', hotUpgradeEmptyImage: 'openkruise/hotupgrade-sample:empty' },
      }],
    },
  };
}

describe('defaultSidecarSet (spec §1.3, §1.4, §1.6)', () => {
  it('produces the stored sample (doc 1) spec and hash annotations', () => {
    const { stored } = sampleSidecarSets();
    const out = defaultSidecarSet(userSample());
    expect(out.spec).toEqual(stored.spec);
    expect(out.metadata.annotations).toEqual(stored.metadata.annotations);
  });

  it('is idempotent', () => {
    const once = defaultSidecarSet(userSample());
    expect(defaultSidecarSet(once)).toEqual(once);
  });

  it('does not mutate its input', () => {
    const input = userSample();
    const copy = structuredClone(input);
    defaultSidecarSet(input);
    expect(input).toEqual(copy);
  });

  it('drops unknown container keys such as the MOSN blog typo postStar', () => {
    const input = userSample();
    const c = input.spec.containers?.[0];
    if (!c) throw new Error('fixture');
    delete c.lifecycle;
    Object.assign(c, { postStar: { exec: { command: ['sleep', '30'] } } });
    const out = defaultSidecarSet(input);
    expect(out.spec.containers?.[0]).not.toHaveProperty('postStar');
    expect(out.spec.containers?.[0]?.lifecycle).toBeUndefined();
  });

  it('applies the core container, probe, port, env and volume defaults', () => {
    const input = userSample();
    input.spec.containers = [{
      name: 'x',
      image: 'busybox',
      ports: [{ containerPort: 80 }],
      env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      livenessProbe: { httpGet: { port: 80 } },
      startupProbe: { tcpSocket: { port: 80 } },
      resources: { limits: { cpu: '0.5', memory: '1024Mi' }, requests: { cpu: '0.0001' } },
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    }, { name: 'y', image: 'nginx:1.25', podInjectPolicy: 'AfterAppContainer' }];
    input.spec.initContainers = [{ name: 'init', image: 'busybox:latest' }];
    input.spec.volumes = [{ name: 'data' }, { name: 'cfg', configMap: { name: 'cfg' } }, { name: 'h', hostPath: { path: '/x' } }];
    input.spec.patchPodMetadata = [{ annotations: { a: 'b' } }];
    input.spec.injectionStrategy = { revision: { customVersion: 'v1' } };
    const out = defaultSidecarSet(input).spec;
    const [x, y] = out.containers ?? [];
    expect(x?.imagePullPolicy).toBe('Always'); // untagged
    expect(y?.imagePullPolicy).toBe('IfNotPresent');
    expect(y?.podInjectPolicy).toBe('AfterAppContainer');
    expect(x?.podInjectPolicy).toBe('BeforeAppContainer');
    expect(out.initContainers?.[0]?.podInjectPolicy).toBe('AfterAppContainer');
    expect(x?.upgradeStrategy).toEqual({ upgradeType: 'ColdUpgrade' });
    expect(x?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(x?.env?.[0]?.valueFrom?.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'metadata.name' });
    expect(x?.livenessProbe).toEqual({
      httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3,
    });
    expect(x?.startupProbe).toEqual({ tcpSocket: { port: 80 } }); // Kruise does not default startup probes
    expect(x?.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '1m' } });
    expect(out.volumes).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'h', hostPath: { path: '/x', type: '' } },
    ]);
    expect(out.patchPodMetadata).toEqual([{ annotations: { a: 'b' }, patchPolicy: 'Retain' }]);
    expect(out.injectionStrategy).toEqual({ revision: { customVersion: 'v1', policy: 'Always' } });
  });

  it('keeps the v1alpha1 shape for v1alpha1 objects and hashes identically', () => {
    const { alpha, stored } = sampleSidecarSets();
    const input: SidecarSetV1alpha1 = { ...alpha, metadata: { name: alpha.metadata.name }, spec: { ...alpha.spec, namespace: 'default' } };
    const out = defaultSidecarSet(input);
    expect(out.spec.namespace).toBe('default');
    expect(out.metadata.annotations).toEqual(stored.metadata.annotations);
  });
});

describe('resource.Quantity canonical form', () => {
  it.each([
    ['100m', '100m'], ['0.5', '500m'], ['1000m', '1'], ['1500', '1500'], ['2000', '2k'], ['1e3', '1e3'],
    ['1.5e3', '1500'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'], ['512', '512'], ['0.5Gi', '512Mi'],
    ['1Ki', '1Ki'], ['100Ki', '100Ki'], ['0', '0'], ['1.5Ki', '1536'], ['0.0000000001', '1n'], ['-1', '-1'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('rounds up to milli for resource lists and leaves garbage alone', () => {
    expect(roundUpMilli('0.0001')).toBe('1m');
    expect(roundUpMilli('1.0001')).toBe('1001m');
    expect(canonicalQuantity('abc')).toBe('abc');
    expect(canonicalQuantity(2)).toBe('2');
  });
});
