'use client';

import { createContext, useContext } from 'react';
import type { LiveStream } from './live-stream';

export const LiveStreamContext = createContext<LiveStream | null>(null);

export function useLiveStream(): LiveStream {
  const stream = useContext(LiveStreamContext);
  if (!stream) throw new Error('useLiveStream must be used inside <DataProvider>');
  return stream;
}
