'use client';

import type { SidecarSetListResponse } from '@/lib/api';
import { sidecarSetsResource } from '../stream/resources';
import { useLiveResource } from './use-live-resource';

/** Every SidecarSet's summary, live. */
export function useSidecarSets(fallbackData?: SidecarSetListResponse) {
  return useLiveResource(sidecarSetsResource, fallbackData);
}
