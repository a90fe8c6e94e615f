'use client';

import { computeFreshness, type FreshnessView } from '../stream/freshness';
import { useLiveStatus } from './use-live-status';
import { useNow } from './use-now';

export function useFreshness(): FreshnessView {
  return computeFreshness(useLiveStatus(), useNow());
}
