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
    // A hidden tab draws nothing: skip its ticks, and catch up the moment it is shown.
    const onVisibility = () => { if (document.visibilityState !== 'hidden') tick(); };
    tick();
    const id = setInterval(() => { if (document.visibilityState !== 'hidden') tick(); }, intervalMs);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
  return now;
}
