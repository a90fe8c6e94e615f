'use client';

import { useEffect, useState } from 'react';

/**
 * The client clock, ticking every `intervalMs`; undefined during server rendering and hydration so relative
 * times never mismatch. Only relative-time text uses it: data changes come from the stream.
 */
export function useNow(intervalMs = 1000): number | undefined {
  const [now, setNow] = useState<number | undefined>(undefined);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
