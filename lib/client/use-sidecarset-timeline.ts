'use client';

import type { SidecarSetTimelineResponse } from './api-types';
import { sidecarSetTimelineResource } from './resources';
import { useLiveResource } from './use-live-resource';

/** Every pod's timeline of one SidecarSet, with probe runs and verdicts, live. */
export function useSidecarSetTimeline(name: string, fallbackData?: SidecarSetTimelineResponse) {
  return useLiveResource(sidecarSetTimelineResource(name), fallbackData);
}
