'use client';

import type { PodTimelineResponse } from '@/lib/api';
import { podTimelineResource } from '../stream/resources';
import { useLiveResource } from './use-live-resource';

/** One pod's timeline (as a member of `sidecarSet`, whose stream topic carries its probe samples), live. */
export function usePodTimeline(sidecarSet: string, namespace: string, pod: string, fallbackData?: PodTimelineResponse) {
  return useLiveResource(podTimelineResource(sidecarSet, namespace, pod), fallbackData);
}
