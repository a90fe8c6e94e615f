import { cx } from '@/components/ui/cx';
import type { Interval } from './gaps';
import { box } from './layout';
import { LABEL_WIDTH, hatchClass } from './styles';
import { intersects, pct, type Domain } from './time-scale';

/**
 * Drawn once over every row's tracks: the hatched gaps (where no lane may pretend to know anything) and the
 * live "now" cursor. Decorative; the axis holds the focusable gap markers.
 */
export function TimelineOverlay({ domain, now, gaps }: { domain: Domain; now: number; gaps: readonly Interval[] }) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 z-20" style={{ left: LABEL_WIDTH }}>
      {gaps
        .filter((g) => intersects(domain, g.startMs, g.endMs))
        .map((g) => (
          <div key={g.startMs} className={cx('absolute inset-y-0 border-x border-zinc-500/60', hatchClass)} style={box(domain, g.startMs, g.endMs)} />
        ))}
      {now >= domain.startMs && now <= domain.endMs && (
        <div data-testid="now-cursor" data-at={now} className="absolute inset-y-0 w-0 border-l-2 border-sky-600 dark:border-sky-400" style={{ left: `${pct(domain, now)}%` }} />
      )}
    </div>
  );
}
