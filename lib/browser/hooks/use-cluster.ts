'use client';

import useSWR from 'swr';
import type { ClusterResponse } from '@/lib/api';
import { getJson, type ApiError } from '../fetch-json';
import { CLUSTER_KEY } from '../stream/resources';

/** Which cluster and context this browser uses, and the contexts it may switch to. Changes only on a switch. */
export function useCluster(fallbackData?: ClusterResponse) {
  return useSWR<ClusterResponse, ApiError>(CLUSTER_KEY, getJson<ClusterResponse>, {
    fallbackData,
    revalidateOnMount: fallbackData === undefined,
    revalidateIfStale: false,
  });
}
