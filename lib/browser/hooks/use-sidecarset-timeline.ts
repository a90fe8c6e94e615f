'use client';

import type { SidecarSetTimelineResponse } from '@/lib/api';
import { sidecarSetTimelineResource } from '../stream/resources';
import { useLiveResource } from './use-live-resource';

/** Every pod's timeline of one SidecarSet, with probe runs and verdicts, live. */
export function useSidecarSetTimeline(name: string, fallbackData?: SidecarSetTimelineResponse) {
  return useLiveResource(sidecarSetTimelineResource(name), fallbackData);
}
