import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { ProbeSample } from '@/lib/sidecarset/verdict';
import type { ProbeRunSnapshot, SidecarSetTimelineResponse, TimelineSnapshot } from '@/lib/api';
import { podTimelineResource, sidecarSetTimelineResource, REFETCH } from './resources';
import { applyProbeEvents, mergeEntries, upsertGaps } from './timeline-merge';

const e = (id: string, atMs: number): TimelineEntry =>
  ({ id, atMs, kind: 'podReady', to: true, subject: { kind: 'Pod', name: 'p' }, severity: 'ok', text: id }) as TimelineEntry;
const pod = (name: string, entries: TimelineEntry[], uid = `uid-${name}`): TimelineSnapshot => ({ namespace: 'default', name, uid, sidecarSets: ['mosn'], deleted: false, truncated: 0, entries });
const sample = (atMs: number, ok = true): ProbeSample => ({ atMs, ok, latencyMs: 10, ...(ok ? { version: 'v1' } : { error: 'EOF' }) });
const run = (pods: Array<{ name: string; samples: ProbeSample[] }>, id = 'r1'): ProbeRunSnapshot => ({
  id, sidecarSet: 'mosn', reason: 'test', port: 2045, path: '/', intervalMs: 200, startedAt: 0, requests: 0,
  pods: pods.map((p) => ({ namespace: 'default', name: p.name, samples: p.samples, verdict: { lossless: true, total: 0, failed: 0, longestGapMs: 0, versions: [], text: '' } })),
});

describe('timeline merges', () => {
  it('adds entries in time order, skipping ids it has (a replayed delta is harmless)', () => {
    const { entries } = mergeEntries([e('a', 10), e('b', 30)], [e('c', 20), e('b', 30), e('d', 30)]);
    expect(entries.map((x) => x.id)).toEqual(['a', 'c', 'b', 'd']);
    const same = [e('a', 10)];
    expect(mergeEntries(same, [e('a', 10)]).entries).toBe(same);
  });

  it('drops the oldest entries beyond the cap and counts them', () => {
    const { entries, dropped } = mergeEntries([e('a', 1), e('b', 2)], [e('c', 3)], 2);
    expect(entries.map((x) => x.id)).toEqual(['b', 'c']);
    expect(dropped).toBe(1);
  });

  it('accumulates probe samples once each and keeps only the pod asked for', () => {
    const runs = applyProbeEvents([], [{ run: run([{ name: 'a', samples: [] }, { name: 'b', samples: [] }]), fresh: [{ pod: 'default/a', sample: sample(0) }, { pod: 'default/b', sample: sample(0) }] }], 'default/a');
    const again = applyProbeEvents(runs, [{ run: run([{ name: 'a', samples: [] }, { name: 'b', samples: [] }]), fresh: [{ pod: 'default/a', sample: sample(0) }, { pod: 'default/a', sample: sample(200, false) }] }], 'default/a');
    expect(again).toHaveLength(1);
    expect(again[0]?.pods.map((p) => `${p.name}: ${p.samples.map((s) => s.atMs).join(',')}`)).toEqual(['a: 0,200']);
  });

  it('replaces a gap by id when it closes', () => {
    const open = { id: 'g', startMs: 1, reason: 'drop', relist: false };
    expect(upsertGaps([open], [{ ...open, endMs: 5, relist: true }])).toEqual([{ ...open, endMs: 5, relist: true }]);
  });
});

describe('timeline resources', () => {
  const base: SidecarSetTimelineResponse = { name: 'mosn', generatedAt: 0, gaps: [], pods: [pod('a', [e('a1', 1)])], probe: { runs: [], verdicts: [] } };

  it('applies entries, probe samples (recomputing the verdicts) and gaps of one batch', () => {
    const r = sidecarSetTimelineResource('mosn');
    const next = r.reduce(base, [
      { event: 'timeline', data: { namespace: 'default', name: 'a', uid: 'uid-a', entries: [e('a2', 2)] } },
      { event: 'timeline', data: { namespace: 'default', name: 'new', uid: 'uid-new', entries: [e('n1', 3)] } },
      { event: 'probe', data: { run: run([{ name: 'a', samples: [] }]), fresh: [{ pod: 'default/a', sample: sample(0) }, { pod: 'default/a', sample: sample(200, false) }] } },
      { event: 'gap', data: { id: 'g', startMs: 5, reason: 'drop', relist: false } },
    ]);
    if (next === REFETCH) throw new Error('unexpected refetch');
    expect(next.pods.map((p) => `${p.name}: ${p.entries.map((x) => x.id).join(',')}`)).toEqual(['a: a1,a2', 'new: n1']);
    expect(next.probe.verdicts[0]?.rollout.text).toMatch(/^lossy: 1 failed at /);
    expect(next.gaps.map((g) => g.id)).toEqual(['g']);
  });

  it('a pod page ignores other pods and refetches when its pod was re-created', () => {
    const r = podTimelineResource('mosn', 'default', 'a');
    const current = { generatedAt: 0, gaps: [], pod: pod('a', [e('a1', 1)]), probe: { runs: [] } };
    expect(r.reduce(current, [{ event: 'timeline', data: { namespace: 'default', name: 'b', uid: 'uid-b', entries: [e('b1', 2)] } }])).toBe(current);
    expect(r.reduce(current, [{ event: 'timeline', data: { namespace: 'default', name: 'a', uid: 'other', entries: [e('x', 2)] } }])).toBe(REFETCH);
  });
});
