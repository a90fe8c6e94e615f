'use client';

import { useSyncExternalStore } from 'react';
import { useLiveStream } from '../stream/live-context';
import type { LiveSnapshot } from '../stream/live-stream';

/** The stream's connection and the server's latest DashboardStatus. */
export function useLiveStatus(): LiveSnapshot {
  const stream = useLiveStream();
  return useSyncExternalStore(stream.subscribe, stream.getSnapshot, stream.getSnapshot);
}
