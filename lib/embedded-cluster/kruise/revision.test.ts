import { describe, expect, it } from 'vitest';
import { patchPodMetadata } from './patch-metadata';
import { newControllerRevision, sidecarSetFromRevision } from './revision';
import { sampleSidecarSets } from './testdata/fixtures';

describe('ControllerRevisions (spec §1.7)', () => {
  it('names, labels and annotates the revision like Kruise', () => {
    const { stored } = sampleSidecarSets();
    const withVersion = { ...stored, metadata: { ...stored.metadata, labels: { team: 'mesh' } }, spec: { ...stored.spec, customVersion: 'v1' } };
    const rev = newControllerRevision(withVersion, 1);
    expect(rev.metadata?.name).toMatch(/^hotupgrade-sidecarset-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rev.metadata?.namespace).toBe('kruise-system');
    expect(rev.metadata?.labels).toEqual({ team: 'mesh', 'apps.kruise.io/sidecarset-custom-version': 'v1', 'kruise.io/sidecarset-name': 'hotupgrade-sidecarset' });
    expect(rev.metadata?.annotations).toEqual(stored.metadata.annotations);
    expect(rev.revision).toBe(1);
    // An unchanged spec gives the same name; an image edit a different one.
    expect(newControllerRevision(withVersion, 2).metadata?.name).toBe(rev.metadata?.name);
    const edited = { ...withVersion, spec: { ...withVersion.spec, containers: [{ ...(withVersion.spec.containers?.[0] ?? { name: '' }), image: 'x:2' }] } };
    expect(newControllerRevision(edited, 2).metadata?.name).not.toBe(rev.metadata?.name);
  });

  it('restores the recorded containers, hashes and revision name for injection', () => {
    const { stored } = sampleSidecarSets();
    const rev = newControllerRevision(stored, 1);
    const edited = { ...stored, spec: { ...stored.spec, containers: [{ ...(stored.spec.containers?.[0] ?? { name: '' }), image: 'x:2' }] } };
    const restored = sidecarSetFromRevision(edited, rev);
    expect(restored.spec.containers).toEqual(stored.spec.containers);
    expect(restored.spec.selector).toBeUndefined(); // $patch: replace keeps only the recorded fields
    expect(restored.metadata.annotations).toEqual(stored.metadata.annotations);
    expect(restored.status?.latestRevision).toBe(rev.metadata?.name);
  });
});

describe('patchPodMetadata', () => {
  it('Retain adds missing keys, Overwrite replaces, MergePatchJson merges JSON', () => {
    const out = patchPodMetadata({ keep: 'a', over: 'b', json: '{"x":1,"y":2}' }, [
      { annotations: { keep: 'no', fresh: 'yes' }, patchPolicy: 'Retain' },
      { annotations: { over: 'c' }, patchPolicy: 'Overwrite' },
      { annotations: { json: '{"y":null,"z":3}', other: '{"a":1}' }, patchPolicy: 'MergePatchJson' },
    ]);
    expect(out.annotations).toEqual({ keep: 'a', over: 'c', json: '{"x":1,"z":3}', fresh: 'yes', other: '{"a":1}' });
    expect(out.changed).toBe(true);
    expect(patchPodMetadata({ a: 'b' }, [{ annotations: { a: 'c' }, patchPolicy: 'Retain' }]).changed).toBe(false);
    expect(() => patchPodMetadata({ j: 'not json' }, [{ annotations: { j: '{}' }, patchPolicy: 'MergePatchJson' }])).toThrow();
  });
});
