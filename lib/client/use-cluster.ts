'use client';

import useSWR from 'swr';
import type { ClusterResponse } from './api-types';
import { getJson, type ApiError } from './http';
import { CLUSTER_KEY } from './resources';

/** Which cluster and context this browser uses, and the contexts it may switch to. Changes only on a switch. */
export function useCluster(fallbackData?: ClusterResponse) {
  return useSWR<ClusterResponse, ApiError>(CLUSTER_KEY, getJson<ClusterResponse>, {
    fallbackData,
    revalidateOnMount: fallbackData === undefined,
    revalidateIfStale: false,
  });
}
