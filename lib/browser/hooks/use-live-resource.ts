'use client';

import { useEffect } from 'react';
import useSWR, { type SWRResponse } from 'swr';
import type { ApiError } from '../fetch-json';
import { useLiveStream } from '../stream/live-context';
import type { LiveResource } from '../stream/resources';

/**
 * A cached API response that the live stream keeps current. Loading is the stream's job (it refetches when it
 * connects), so SWR never revalidates on its own; `fallbackData` is the server-rendered value.
 */
export function useLiveResource<T>(resource: LiveResource<T>, fallbackData?: T): SWRResponse<T, ApiError> {
  const stream = useLiveStream();
  useEffect(() => stream.watch(resource as LiveResource<unknown>), [stream, resource]);
  return useSWR<T, ApiError>(resource.key, () => stream.load(resource), {
    fallbackData,
    revalidateOnMount: false,
    revalidateIfStale: false,
    // Merges return a new object exactly when something changed; SWR's default deep compare would hash
    // megabytes of pods on every delta.
    compare: (a, b) => a === b,
  });
}
