import type { Severity } from '@/lib/sidecarset/views';
import type { EventDot } from './lanes';
import { pct, type Domain } from './time-scale';

const dotClass: Partial<Record<Severity, string>> = {
  error: 'bg-red-600 dark:bg-red-400',
  warning: 'bg-amber-600 dark:bg-amber-400',
};

/**
 * Kubelet and Kruise events as small dots at the foot of a lane. Decorative: the segment (or band) around
 * each dot lists its events in its tooltip and accessible name.
 */
export function EventDots({ events, domain }: { events: readonly EventDot[]; domain: Domain }) {
  return (
    <>
      {events.map((e, i) => (
        <span
          key={i}
          aria-hidden="true"
          title={e.text}
          data-testid="event-dot"
          data-reason={e.reason}
          className={`pointer-events-none absolute bottom-0 z-10 size-1.5 -translate-x-1/2 rounded-full ring-1 ring-white dark:ring-zinc-900 ${dotClass[e.severity] ?? 'bg-zinc-600 dark:bg-zinc-300'}`}
          style={{ left: `${pct(domain, e.atMs)}%` }}
        />
      ))}
    </>
  );
}
