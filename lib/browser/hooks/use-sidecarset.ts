'use client';

import type { SidecarSetDetailResponse } from '../../api/index';
import { sidecarSetResource } from '../stream/resources';
import { useLiveResource } from './use-live-resource';

/** One SidecarSet and the pods it selects, live. */
export function useSidecarSet(name: string, fallbackData?: SidecarSetDetailResponse) {
  return useLiveResource(sidecarSetResource(name), fallbackData);
}
