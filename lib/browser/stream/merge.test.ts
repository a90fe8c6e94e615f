import { describe, expect, it } from 'vitest';
import { podCopy } from '@/lib/sidecarset/fixtures/pods';
import { samplePod, sampleSidecarSetV1beta1 } from '@/lib/sidecarset/fixtures/samples';
import { sidecarSetView } from '@/lib/sidecarset/views';
import type { SidecarSetDetailResponse, SidecarSetListResponse } from '@/lib/api';
import { mergeDetail, mergeSummaries, podKey } from './merge';

const status = { phase: 'ready' as const, caches: [], at: 0 };
const view = sidecarSetView(sampleSidecarSetV1beta1(), [podCopy(samplePod(), 'a', 1), podCopy(samplePod(), 'b', 2)], undefined);
const detail: SidecarSetDetailResponse = { summary: view.summary, pods: view.pods, status };
const [a, b] = view.pods as [(typeof view.pods)[number], (typeof view.pods)[number]];

describe('mergeSummaries', () => {
  const list: SidecarSetListResponse = { items: [{ ...view.summary, name: 'b' }], status };

  it('adds new SidecarSets in name order and replaces known ones', () => {
    const next = mergeSummaries(list, [{ upserts: [{ ...view.summary, name: 'a' }, { ...view.summary, name: 'b', inFlight: 7 }] }]);
    expect(next.items.map((s) => [s.name, s.inFlight])).toEqual([['a', 0], ['b', 7]]);
    expect(list.items).toHaveLength(1);
  });

  it('applies removals and re-creations in order, and keeps identity for an empty batch', () => {
    expect(mergeSummaries(list, [{ removed: 'b' }]).items).toEqual([]);
    expect(mergeSummaries(list, [{ removed: 'b' }, { upserts: [{ ...view.summary, name: 'b', inFlight: 2 }] }]).items.map((s) => s.inFlight)).toEqual([2]);
    expect(mergeSummaries(list, [])).toBe(list);
  });
});

describe('mergeDetail', () => {
  it('replaces upserted pods in place, appends new ones, drops removed ones', () => {
    const c = { ...a, name: 'c' };
    const next = mergeDetail(detail, [{ name: 'x', summary: { ...view.summary, inFlight: 1 }, upserts: [{ ...b, node: 'moved' }, c], removed: [podKey(a)] }]);
    expect(next.pods.map((p) => [p.name, p.node])).toEqual([[b.name, 'moved'], ['c', a.node]]);
    expect(next.summary.inFlight).toBe(1);
  });

  it('keeps the pod array when only the summary changed', () => {
    const next = mergeDetail(detail, [{ name: 'x', summary: view.summary, upserts: [], removed: [] }]);
    expect(next.pods).toBe(detail.pods);
    expect(mergeDetail(detail, [])).toBe(detail);
  });

  it('converges on the last delta per pod whatever came before', () => {
    const older = { ...a, phaseLabel: 'older' };
    const newer = { ...a, phaseLabel: 'newer' };
    const ev = (p: typeof a) => ({ name: 'x', summary: view.summary, upserts: [p], removed: [] });
    expect(mergeDetail(detail, [ev(older), ev(newer)]).pods[0]?.phaseLabel).toBe('newer');
    expect(mergeDetail(mergeDetail(detail, [ev(newer)]), [ev(older), ev(newer)]).pods[0]?.phaseLabel).toBe('newer');
  });

  it('lets a later upsert bring back a pod removed earlier in the batch, and vice versa', () => {
    const gone = { name: 'x', summary: view.summary, upserts: [], removed: [podKey(a)] };
    const back = { name: 'x', summary: view.summary, upserts: [{ ...a, node: 'back' }], removed: [] };
    expect(mergeDetail(detail, [gone, back]).pods.map((p) => [p.name, p.node])).toEqual([[a.name, 'back'], [b.name, b.node]]);
    expect(mergeDetail(detail, [back, gone]).pods.map((p) => p.name)).toEqual([b.name]);
  });
});
