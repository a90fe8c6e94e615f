'use client';

import type { SidecarSetDetailResponse } from '@/lib/api';
import { sidecarSetResource } from '../stream/resources';
import { useLiveResource } from './use-live-resource';

/** One SidecarSet and the pods it selects, live. */
export function useSidecarSet(name: string, fallbackData?: SidecarSetDetailResponse) {
  return useLiveResource(sidecarSetResource(name), fallbackData);
}
