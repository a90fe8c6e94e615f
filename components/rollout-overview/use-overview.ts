'use client';

import { useMemo, useState } from 'react';
import type { PodModel } from '@/components/timeline/pod-model';
import type { PodView } from '@/lib/sidecarset/views';
import type { Verdict } from '@/lib/sidecarset/verdict';
import { orderCells, podCell, type PodCell } from './grid-model';
import { buildTrack, rolloutStarts, type Track } from './track';

/**
 * One track per pod model, rebuilt only for the models that changed (models keep their identity otherwise), and
 * for all when a rollout starts (the queued stretches depend on it).
 */
export function useTracks(models: readonly PodModel[], probeStarts: readonly number[]): Track[] {
  const [cache] = useState(() => new WeakMap<PodModel, { startsKey: string; track: Track }>());
  const starts = useMemo(() => rolloutStarts(models, probeStarts), [models, probeStarts]);
  const startsKey = starts.join(',');
  return useMemo(
    () =>
      models.map((m) => {
        const hit = cache.get(m);
        if (hit?.startsKey === startsKey) return hit.track;
        const track = buildTrack(m, starts);
        cache.set(m, { startsKey, track });
        return track;
      }),
    [cache, models, starts, startsKey],
  );
}

interface CachedCell {
  verdict: Verdict | undefined;
  hasTimeline: boolean;
  cell: PodCell;
}

/**
 * The live page's cells: one per pod view, in the swimlanes' order. A cell object is rebuilt only when its pod's
 * view, verdict or swimlane presence changed, so the grid re-renders the cells that changed and no others.
 */
export function useLiveCells(pods: readonly PodView[], models: readonly PodModel[], perPod: Readonly<Record<string, Verdict>> | undefined): PodCell[] {
  const [cache] = useState(() => new WeakMap<PodView, CachedCell>());
  const order = useMemo(() => models.map((m) => m.key), [models]);
  return useMemo(() => {
    const withTimeline = new Set(order);
    const cells = pods.map((v) => {
      const key = `${v.namespace}/${v.name}`;
      const verdict = perPod?.[key];
      const hasTimeline = withTimeline.has(key);
      const hit = cache.get(v);
      if (hit && hit.verdict === verdict && hit.hasTimeline === hasTimeline) return hit.cell;
      const cell = podCell(v, verdict, hasTimeline);
      cache.set(v, { verdict, hasTimeline, cell });
      return cell;
    });
    return orderCells(cells, order);
  }, [cache, pods, order, perPod]);
}
