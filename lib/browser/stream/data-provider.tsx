'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { SWRConfig, useSWRConfig } from 'swr';
import type { DashboardStatus } from '@/lib/api';
import { LiveStreamContext } from './live-context';
import { LiveStream } from './live-stream';

/**
 * The stream decides when data is refetched, so SWR's own triggers are off: focus, reconnect and error retries
 * would each be a poll the stream makes unnecessary.
 */
const swrOptions = {
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  shouldRetryOnError: false,
} as const;

function LiveStreamProvider({ initialStatus, children }: { initialStatus?: DashboardStatus; children: ReactNode }) {
  const { mutate, cache } = useSWRConfig();
  const [stream] = useState(() => new LiveStream({ mutate, cache }, initialStatus));
  useEffect(() => {
    stream.start();
    return () => stream.stop();
  }, [stream]);
  return <LiveStreamContext.Provider value={stream}>{children}</LiveStreamContext.Provider>;
}

/** SWR plus the tab's single live stream; `initialStatus` is the server-rendered cluster status. */
export function DataProvider({ initialStatus, children }: { initialStatus?: DashboardStatus; children: ReactNode }) {
  return (
    <SWRConfig value={swrOptions}>
      <LiveStreamProvider initialStatus={initialStatus}>{children}</LiveStreamProvider>
    </SWRConfig>
  );
}
