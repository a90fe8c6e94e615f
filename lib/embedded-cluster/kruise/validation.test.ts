import { describe, expect, it } from 'vitest';
import { defaultSidecarSet } from './defaults';
import { aggregateMessage } from './field-errors';
import { sampleSidecarSets } from './testdata/fixtures';
import type { SidecarSet } from './types';
import { validateSidecarSet } from './validation';

/** A defaulted SidecarSet, as validation sees it after the mutating webhook. */
function ss(name: string, spec: Partial<SidecarSet['spec']> = {}): SidecarSet {
  return defaultSidecarSet({
    apiVersion: 'apps.kruise.io/v1beta1',
    kind: 'SidecarSet',
    metadata: { name },
    spec: { selector: { matchLabels: { app: 'web' } }, containers: [{ name: 'sidecar', image: 'sidecar:1' }], ...spec },
  });
}

const messages = (s: SidecarSet, ctx: Parameters<typeof validateSidecarSet>[1] = { others: [] }): string[] =>
  validateSidecarSet(s, ctx).map((e) => e.message);

describe('validateSidecarSet (spec §5)', () => {
  it('accepts the sample SidecarSets, including the v1alpha1 MOSN one', () => {
    const { stored, mosn } = sampleSidecarSets();
    expect(messages(stored, { others: [stored] })).toEqual([]);
    expect(messages(defaultSidecarSet(mosn) as unknown as SidecarSet)).toEqual([]);
  });

  it('stage 1: sidecarset names allow no dots and at most 63 characters', () => {
    expect(messages(ss('a.b'))).toEqual([
      `metadata.name: Invalid value: "a.b": sidecarset name must consist of alphanumeric characters or '-' (e.g. 'example-com', regex used for validation is '^[a-zA-Z0-9\\-]+$')`,
    ]);
    expect(messages(ss('x'.repeat(64)))).toEqual([`metadata.name: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`]);
  });

  it('stage 3b/3f: selector and containers are required', () => {
    const noSelector = ss('n');
    delete noSelector.spec.selector;
    expect(messages(noSelector)).toEqual(['spec.selector: Required value: no selector defined for SidecarSet']);
    expect(messages(ss('n', { selector: {} }))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is not valid for sidecarset.',
    ]);
    expect(messages(ss('n', { containers: [] }))).toEqual(['spec: Required value: no initContainer or container defined for SidecarSet']);
    expect(messages(ss('n', { selector: { matchExpressions: [{ key: 'app', operator: 'In' }] } }))[0])
      .toBe("spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'");
  });

  it('stage 3a: a native sidecar init container needs updateStrategy NotUpdate', () => {
    const s = ss('n', { initContainers: [{ name: 'native', image: 'n:1', restartPolicy: 'Always' }] });
    expect(messages(s)).toEqual(['spec.updateStrategy: Required value: The initContainer in-place upgrade is not currently supported.']);
    expect(messages(ss('n', { initContainers: [{ name: 'native', image: 'n:1', restartPolicy: 'Always' }], updateStrategy: { type: 'NotUpdate' } }))).toEqual([]);
  });

  it('stage 3e: update strategy rules for RollingUpdate only', () => {
    const both = ss('n', { updateStrategy: { partition: 2, selector: { matchLabels: { canary: 'true' } } } });
    expect(messages(both)).toEqual([
      'updateStrategy: Invalid value: "&{Type:RollingUpdate Paused:false Selector:&LabelSelector{MatchLabels:map[string]string{canary: true,},MatchExpressions:[]LabelSelectorRequirement{},} Partition:2 MaxUnavailable:1 PriorityStrategy:<nil> ScatterStrategy:[]}": Partition and Selector cannot be used together',
    ]);
    expect(messages(ss('n', { updateStrategy: { maxUnavailable: 'abc', partition: -1 } }))).toEqual([
      'spec.updateStrategy.partition: Invalid value: -1: must be greater than or equal to 0',
      `spec.updateStrategy.maxUnavailable: Invalid value: "abc": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]);
    expect(messages(ss('n', { updateStrategy: { maxUnavailable: 0, partition: '150%' } }))).toEqual([]);
    expect(messages(ss('n', { updateStrategy: { type: 'NotUpdate', maxUnavailable: 'abc' } }))).toEqual([]);
    expect(messages(ss('n', { updateStrategy: { scatterStrategy: [{ key: 'a', value: 'b' }, { key: 'a', value: 'b' }] } }))).toEqual([
      'spec.updateStrategy.scatterStrategy: Required value: duplicated key=a value=b',
    ]);
    expect(messages(ss('n', { updateStrategy: { priorityStrategy: { weightPriority: [{ weight: 101, matchSelector: { matchLabels: { a: 'b' } } }] } } })))
      .toEqual(['spec.updateStrategy.priorityStrategy: Required value: weight must be valid number in the range 1-100']);
  });

  it('stage 3g: podInjectPolicy and shareVolumePolicy values', () => {
    expect(messages(ss('n', { containers: [{ name: 's', image: 's:1', podInjectPolicy: 'Middle', shareVolumePolicy: { type: 'maybe' } }] }))).toEqual([
      'spec.container.podInjectPolicy: Invalid value: "Middle": unsupported pod inject policy',
      'spec.container.shareVolumePolicy: Invalid value: v1beta1.ShareVolumePolicy{Type:"maybe"}: unsupported share volume policy',
    ]);
  });

  it('stage 3h: pod-create validation of the containers and volumes', () => {
    const s = ss('n', {
      containers: [
        { name: 'a', image: '', volumeMounts: [{ name: 'missing', mountPath: '/m' }], ports: [{ containerPort: 70000 }] },
        { name: 'a', image: 'a:1' },
        { name: 'Bad_Name', image: 'b:1' },
      ],
    });
    expect(messages(s)).toEqual([
      'spec.containers[0].image: Required value',
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].volumeMounts[0].name: Not found: "missing"',
      'spec.containers[1].name: Duplicate value: "a"',
      `spec.containers[2].name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    const errs = validateSidecarSet(s, { others: [] });
    expect(errs.map((e) => e.reason)).toEqual(['FieldValueRequired', 'FieldValueInvalid', 'FieldValueNotFound', 'FieldValueDuplicate', 'FieldValueInvalid']);
    expect(errs[0]?.field).toBe('spec.containers[0].image');
  });

  it('stage 4: on UPDATE containers cannot be added and upgradeType is immutable (kruise#855 message)', () => {
    const old = ss('n', { containers: [{ name: 'sidecar-2', image: 's:1', upgradeStrategy: { upgradeType: 'HotUpgrade', hotUpgradeEmptyImage: 'e' } }] });
    const next = ss('n', { containers: [{ name: 'sidecar-2', image: 's:2' }, { name: 'extra', image: 'x:1' }] });
    expect(messages(next, { old, others: [old] })).toEqual([
      'spec.containers.upgradeStrategy.upgradeType: Invalid value: "sidecar-2": container sidecar-2 upgradeType is immutable',
      'spec.containers.name: Invalid value: "extra": container extra is not found',
    ]);
    const two = ss('n', { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] });
    const oneLeft = ss('n', { containers: [{ name: 'b', image: 'b:2' }] });
    expect(messages(oneLeft, { old: two, others: [two] })).toEqual([]); // removal is allowed
  });

  it('stage 5: conflicts with overlapping SidecarSets only', () => {
    const mine = ss('mine', { volumes: [{ name: 'v', emptyDir: {} }], containers: [{ name: 'sidecar', image: 's:1', volumeMounts: [{ name: 'v', mountPath: '/v' }] }] });
    const other = ss('other', { volumes: [{ name: 'v', hostPath: { path: '/x' } }] });
    expect(messages(mine, { others: [mine, other] })).toEqual([
      'spec.containers: Invalid value: "sidecar": container sidecar already exist in other',
      'spec.volumes: Invalid value: "v": volume v is in conflict with sidecarset other',
    ]);
    const disjoint = ss('other', { selector: { matchLabels: { app: 'db' } } });
    expect(messages(mine, { others: [disjoint] })).toEqual([]);
    const otherNs = ss('other', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'b' } } });
    const mineNs = ss('mine', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'a' } } });
    expect(messages(mineNs, { others: [otherNs] })).toEqual([]);
    const sameVolume = ss('other', { volumes: [{ name: 'v', emptyDir: {} }], containers: [{ name: 'o', image: 'o:1' }] });
    expect(messages(mine, { others: [sameVolume] })).toEqual([]);
  });

  it('stage 5 does not run when an earlier stage failed', () => {
    const bad = ss('a.b');
    expect(messages(bad, { others: [ss('other')] })).toHaveLength(1);
  });

  it('formats the admission denial like utilerrors.Aggregate', () => {
    const errs = validateSidecarSet(ss('n', { containers: [{ name: 's', image: '' }, { name: 't', image: '' }] }), { others: [] });
    expect(aggregateMessage(errs)).toBe('[spec.containers[0].image: Required value, spec.containers[1].image: Required value]');
    expect(aggregateMessage(errs.slice(0, 1))).toBe('spec.containers[0].image: Required value');
  });

  it('canary SidecarSets must name an existing non-canary base and use NotUpdate', () => {
    const canary = ss('canary', { containers: [{ name: 'c', image: 'c:1' }] });
    canary.metadata.annotations = { 'apps.kruise.io/sidecarset-canary': 'true', 'apps.kruise.io/sidecarset-base': 'base' };
    const msgs = messages(canary);
    expect(msgs).toEqual([
      'metadata: Invalid value: map[string]string{"apps.kruise.io/sidecarset-base":"base", "apps.kruise.io/sidecarset-canary":"true"}: fetch base sidecarSet[base] failed: sidecarsets.apps.kruise.io "base" not found',
      'metadata: Invalid value: map[string]string{"apps.kruise.io/sidecarset-base":"base", "apps.kruise.io/sidecarset-canary":"true"}: RollingUpdate is not supported for canary sidecarSet',
    ]);
  });
});
