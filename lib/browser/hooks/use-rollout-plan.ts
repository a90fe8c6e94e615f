'use client';

import useSWR from 'swr';
import type { RevisionListResponse, RolloutPlanResponse, SidecarSetSummary } from '@/lib/api';
import { getJson, type ApiError } from '../fetch-json';

/**
 * What moves the plan: the spec (generation), the strategy, and every pod's progress (the live counters and
 * phases), all of which the stream pushes in the summary. The key carries them, so the plan is fetched again
 * exactly when a pushed change can have moved it: no polling.
 */
function planVersion(s: SidecarSetSummary): string {
  return JSON.stringify([s.generation, s.updateStrategy, s.liveCounters, s.phaseCounts, s.inFlight]);
}

export function useRolloutPlan(summary: SidecarSetSummary, enabled = true) {
  const key = enabled ? `/api/sidecarsets/${encodeURIComponent(summary.name)}/plan?v=${encodeURIComponent(planVersion(summary))}` : null;
  return useSWR<RolloutPlanResponse, ApiError>(key, getJson<RolloutPlanResponse>, { keepPreviousData: true });
}

/** The history, fetched again when the SidecarSet's revision or generation moves. */
export function useRevisions(summary: SidecarSetSummary, enabled = true) {
  const key = enabled ? `/api/sidecarsets/${encodeURIComponent(summary.name)}/revisions?rev=${encodeURIComponent(`${summary.latestRevision ?? ''}/${summary.generation ?? 0}`)}` : null;
  return useSWR<RevisionListResponse, ApiError>(key, getJson<RevisionListResponse>, { keepPreviousData: true });
}
