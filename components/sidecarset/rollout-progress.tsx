import type { SidecarSetSummary } from '@/lib/sidecarset/views';
import { ProgressBar } from '@/components/ui/progress-bar';

/**
 * Two bars, because they diverge during a rollout: "updated" counts pods Kruise has assigned the new revision
 * (updatedPods/matchedPods), "ready" those that run it and are ready again (updatedReadyPods/matchedPods).
 */
export function RolloutProgress({ summary, className }: { summary: SidecarSetSummary; className?: string }) {
  const { assigned, completed } = summary.progress;
  const rows = [
    { label: 'Updated', f: assigned, tone: 'assigned' as const },
    { label: 'Ready', f: completed, tone: 'completed' as const },
  ];
  return (
    <div className={className}>
      {rows.map(({ label, f, tone }) => (
        <div key={label} className="grid grid-cols-[4.5rem_1fr_3rem] items-center gap-2 text-xs">
          <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
          <ProgressBar label={`${label} pods of ${summary.name}`} value={f.count} max={f.total} valueText={`${f.count} of ${f.total} pods`} tone={tone} />
          <span className="text-right tabular-nums">
            {f.count}/{f.total}
          </span>
        </div>
      ))}
    </div>
  );
}
