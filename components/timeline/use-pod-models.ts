'use client';

import { useMemo, useState } from 'react';
import type { ProbeRunSnapshot, TimelineSnapshot } from '@/lib/api';
import type { PodView, SidecarContainerSummary } from '@/lib/sidecarset/views';
import { buildPodModel, byUpgradeOrder, type PodModel } from './pod-model';

interface Cached {
  view: PodView | undefined;
  probe: unknown[];
  sidecars: readonly SidecarContainerSummary[];
  model: PodModel;
}

/** The probe data a pod's model reads: its entries in every run (their samples and verdicts are replaced on change). */
function probeInputs(key: string, runs: readonly ProbeRunSnapshot[]): unknown[] {
  return runs.flatMap((r) => r.pods.filter((p) => `${p.namespace}/${p.name}` === key).flatMap((p) => [r.id, p.samples, p.verdict]));
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Pod models in display order, rebuilt only for pods whose snapshot, view or probe data changed: a delta about
 * one pod of a thousand recomputes one model. Merges keep unchanged objects identical, which is what makes
 * identity a valid cache key.
 */
export function usePodModels(
  snapshots: readonly TimelineSnapshot[],
  views: ReadonlyMap<string, PodView>,
  sidecars: readonly SidecarContainerSummary[],
  runs: readonly ProbeRunSnapshot[],
): PodModel[] {
  const [cache] = useState(() => new WeakMap<TimelineSnapshot, Cached>());
  return useMemo(() => {
    const out = snapshots.map((s) => {
      const key = `${s.namespace}/${s.name}`;
      const view = views.get(key);
      const probe = probeInputs(key, runs);
      const hit = cache.get(s);
      if (hit && hit.view === view && hit.sidecars === sidecars && sameList(hit.probe, probe)) return hit.model;
      const model = buildPodModel(s, view, sidecars, runs);
      cache.set(s, { view, probe, sidecars, model });
      return model;
    });
    return out.sort(byUpgradeOrder);
  }, [cache, snapshots, views, sidecars, runs]);
}
