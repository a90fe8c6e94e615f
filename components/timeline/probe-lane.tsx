import { cx } from '@/components/ui/cx';
import type { Placed } from './layout';
import { box } from './layout';
import { LaneRow } from './lane-row';
import { probeFailedClass, probeOkClass } from './styles';
import type { ProbeSpan, VersionSwitch } from './probe';
import { clock, pct, span, type Domain } from './time-scale';
import { TimelineItem } from './timeline-item';

interface Props {
  spans: readonly Placed<ProbeSpan>[];
  switches: readonly Placed<VersionSwitch>[];
  domain: Domain;
  target: string;
}

/** The traffic probe under the containers: answered spans (by version), failed spans, and version switches. */
export function ProbeLane({ spans, switches, domain, target }: Props) {
  return (
    <LaneRow label={<span className="truncate" title={`Traffic probe to ${target}`}>Probe <span className="font-mono text-[10px]">{target}</span></span>} data={{ 'data-lane-kind': 'probe' }}>
      {spans.map((p) => {
        const s = p.item;
        const lines = [
          span(p.startMs, p.endMs, false),
          `${s.count} request${s.count === 1 ? '' : 's'}${s.ok ? `, answered by ${s.version ?? 'an unknown version'}` : ' failed'}`,
          `slowest ${s.maxLatencyMs} ms`,
          ...s.errors.map((e) => `error: ${e}`),
          ...(p.cut ? ['then a gap: the dashboard lost sight of the cluster'] : []),
        ];
        return (
          <TimelineItem
            key={p.key}
            navKey={p.key}
            title={s.ok ? `Probe OK (${s.version ?? '?'})` : `Probe FAILED (${s.count})`}
            lines={lines}
            // Failures stay on top (above the version label) and never thinner than a visible tick.
            style={{ ...box(domain, p.startMs, p.endMs), minWidth: s.ok ? undefined : 4 }}
            className={cx(
              'my-[3px] rounded-[2px] px-0.5 text-[10px] leading-[14px] whitespace-nowrap',
              s.ok ? probeOkClass : cx('z-[15] font-bold', probeFailedClass),
            )}
            data={{ 'data-testid': 'probe-span', 'data-ok': s.ok, 'data-version': s.version, 'data-count': s.count, 'data-start': s.startMs }}
          >
            {s.ok ? s.version : `✕${s.count}`}
          </TimelineItem>
        );
      })}
      {switches.map((p) => (
        <TimelineItem
          key={p.key}
          navKey={p.key}
          title={`Version switch ${p.item.from} → ${p.item.to}`}
          lines={[`${clock(p.item.atMs, true)} UTC: the first answer from ${p.item.to}`]}
          style={{ left: `${pct(domain, p.item.atMs)}%`, width: 'auto' }}
          className="z-10 my-[2px] rounded-r-full border border-l-2 border-zinc-900 bg-white px-1 text-[10px] leading-[14px] font-semibold text-zinc-900 dark:border-zinc-100 dark:bg-zinc-900 dark:text-zinc-100"
          data={{ 'data-testid': 'version-switch', 'data-from': p.item.from, 'data-to': p.item.to, 'data-at': p.item.atMs }}
        >
          {p.item.from}→{p.item.to}
        </TimelineItem>
      ))}
    </LaneRow>
  );
}
