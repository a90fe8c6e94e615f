import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { buildRollbackPatch } from '../changes/rollback';
import { sidecarSetV2 } from '../fixtures/timeline-pods';
import { parseRevision, revisionDiff, revisionFieldsOf, sortRevisions } from './revisions';

const mosn = (image: string, env: Array<{ name: string; value: string }> = []) => ({ name: 'mosn', image, env });

function cr(name: string, revision: number, containers: unknown[], owner = 'mosn', extra: Record<string, unknown> = {}): ControllerRevision {
  return {
    apiVersion: 'apps/v1', kind: 'ControllerRevision', revision,
    metadata: { name, namespace: 'kruise-system', labels: { 'kruise.io/sidecarset-name': owner }, creationTimestamp: '2026-07-20T08:00:00Z' },
    data: { spec: { $patch: 'replace', containers, initContainers: null, volumes: null, imagePullSecrets: null, patchPodMetadata: null, ...extra } },
  };
}

describe('ControllerRevisions of a SidecarSet', () => {
  it('are read with their images, and only when they belong to the SidecarSet', () => {
    const r = parseRevision(cr('mosn-abc', 2, [mosn('tinyqian/mosn:v2')]), 'mosn');
    expect(r).toMatchObject({ name: 'mosn-abc', revision: 2, images: { mosn: 'tinyqian/mosn:v2' }, spec: { containers: [mosn('tinyqian/mosn:v2')] } });
    expect(r?.spec).not.toHaveProperty('volumes');
    expect(parseRevision(cr('other-abc', 1, [], 'other'), 'mosn')).toBeUndefined();
    expect(parseRevision({ ...cr('mosn-x', 1, []), data: 'nope' }, 'mosn')).toBeUndefined();
  });

  it('sort oldest first by .revision', () => {
    const revs = [3, 1, 2].map((n) => parseRevision(cr(`mosn-${n}`, n, []), 'mosn')!);
    expect(sortRevisions(revs).map((r) => r.revision)).toEqual([1, 2, 3]);
  });

  it('differ per container field (image first), and in the other recorded fields', () => {
    const a = { containers: [mosn('v1', [{ name: 'A', value: '1' }])] };
    const b = { containers: [mosn('v2', [{ name: 'A', value: '2' }])], volumes: [{ name: 'uds', emptyDir: {} }] };
    expect(revisionDiff(a, b).map((c) => c.path)).toEqual(['containers[mosn].image', 'containers[mosn].env', 'volumes']);
    expect(revisionDiff(a, a)).toEqual([]);
    // Go's encoder writes struct order, the API server's JSON another: the same value either way.
    expect(revisionDiff({ volumes: [{ name: 'uds', emptyDir: {} }] }, { volumes: [{ emptyDir: {}, name: 'uds' }] })).toEqual([]);
    expect(revisionDiff(a, { containers: [] })).toEqual([{ path: 'containers[mosn]', from: a.containers[0], to: undefined }]);
  });
});

describe('buildRollbackPatch', () => {
  it('tests every recorded field as it is now, then puts the revision\'s back', () => {
    const ss = sidecarSetV2();
    const now = revisionFieldsOf(ss);
    const target = parseRevision(cr('mosn-1', 1, [mosn('tinyqian/mosn:v1')]), 'mosn')!;
    const ops = buildRollbackPatch(ss, target);
    expect(ops[0]).toEqual({ op: 'test', path: '/spec/containers', value: now.containers });
    expect(ops[1]).toEqual({ op: 'replace', path: '/spec/containers', value: [mosn('tinyqian/mosn:v1')] });
    for (const op of ops.slice(2)) expect(['test', 'remove']).toContain(op.op);
  });
});
