'use client';

import { useLiveStatus } from './use-live-status';
import { useNow } from './use-now';

/**
 * The server's clock, ticking every `intervalMs` (undefined until hydrated). Timeline entries carry server
 * times; a "now" cursor drawn from the browser's clock would sit off by the machines' skew.
 */
export function useServerNow(intervalMs = 1000): number | undefined {
  const { status, statusReceivedAt } = useLiveStatus();
  const now = useNow(intervalMs);
  if (now === undefined) return undefined;
  const skew = status && statusReceivedAt !== undefined ? statusReceivedAt - status.at : 0;
  return now - skew;
}
