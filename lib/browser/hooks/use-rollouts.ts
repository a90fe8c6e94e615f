'use client';

import useSWR, { useSWRConfig } from 'swr';
import type { RolloutListResponse, RolloutRecordResponse } from '@/lib/api';
import { getJson, type ApiError } from '../fetch-json';

export const rolloutsKey = (sidecarSet?: string): string => (sidecarSet ? `/api/rollouts?sidecarSet=${encodeURIComponent(sidecarSet)}` : '/api/rollouts');
export const rolloutKey = (id: string): string => `/api/rollouts/${encodeURIComponent(id)}`;

/**
 * Rollouts on record, newest first, of one SidecarSet or all. Not on the live stream: records change only when a
 * rollout starts or ends, so the list revalidates when the tab regains focus and not otherwise.
 */
export function useRollouts(sidecarSet?: string) {
  return useSWR<RolloutListResponse, ApiError>(rolloutsKey(sidecarSet), getJson<RolloutListResponse>, {
    revalidateOnFocus: true,
    shouldRetryOnError: false,
  });
}

/**
 * One rollout's record. A finished one is frozen, so it is fetched once; one still in progress revalidates when
 * the tab regains focus (the option is read from the cached record, so it turns off once the rollout has ended).
 */
export function useRollout(id: string | undefined) {
  // No id (a comparison missing one side): no request.
  const key = id ? rolloutKey(id) : null;
  const { cache } = useSWRConfig();
  const cached = key ? (cache.get(key)?.data as RolloutRecordResponse | undefined) : undefined;
  return useSWR<RolloutRecordResponse, ApiError>(key, getJson<RolloutRecordResponse>, {
    revalidateOnFocus: cached?.outcome === 'in-progress',
    revalidateIfStale: false,
    shouldRetryOnError: false,
  });
}
