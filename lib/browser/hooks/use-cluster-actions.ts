'use client';

import { useCallback } from 'react';
import { useSWRConfig } from 'swr';
import { retryCluster, selectContext } from '../actions';
import { useLiveStream } from '../stream/live-context';
import { CLUSTER_KEY } from '../stream/resources';

/** Switching context or retrying changes what every view shows: reconnect the stream and reload. */
export function useClusterActions() {
  const stream = useLiveStream();
  const { mutate } = useSWRConfig();

  const switchContext = useCallback(
    async (context: string) => {
      await selectContext(context);
      stream.reconnect();
      // Another context is another identity: what it may do must be asked again.
      await Promise.all([mutate(CLUSTER_KEY), mutate((key) => typeof key === 'string' && key.endsWith('/permissions'))]);
    },
    [stream, mutate],
  );

  const retry = useCallback(async () => {
    const { status } = await retryCluster();
    stream.applyStatus(status);
    await mutate(CLUSTER_KEY);
  }, [stream, mutate]);

  return { switchContext, retry };
}
