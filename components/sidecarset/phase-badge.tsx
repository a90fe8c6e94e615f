import { phaseInfo } from '@/lib/sidecarset/views';
import type { PodView } from '@/lib/sidecarset/views';
import { Badge } from '@/components/ui/badge';
import { Hint } from '@/components/ui/hint';

/** The pod's upgrade phase (spec §8.4) with why, on hover or focus; `Pending` says what it waits for. */
export function PhaseBadge({ pod }: { pod: PodView }) {
  const info = phaseInfo(pod.upgradePhase);
  return (
    <span className="inline-flex items-center gap-1.5">
      <Hint
        trigger={
          <Badge severity={pod.severity} className="max-w-full">
            <span data-testid="phase" data-phase={pod.upgradePhase}>
              {pod.phaseLabel}
            </span>
          </Badge>
        }
      >
        {info.description}
        {info.step && <span className="mt-1 block text-zinc-600 dark:text-zinc-300">Step {info.step} of the hot upgrade.</span>}
        {pod.pending && <span className="mt-1 block">{pod.pending.detail}</span>}
      </Hint>
      {pod.pending && <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">{pod.pending.label}</span>}
    </span>
  );
}
