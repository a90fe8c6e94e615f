import type { UpgradeImpact } from '@/lib/browser/upgrade-impact';
import type { SidecarSetSummary } from '@/lib/sidecarset/views';

const pods = (n: number) => `${n} pod${n === 1 ? '' : 's'}`;
/** "1 pod … stays", "2 pods … stay". */
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** What confirming will do, before it is done: how many pods, how fast, and what holds any of them back. */
export function ImpactSummary({ impact, summary, hot }: { impact: UpgradeImpact; summary: SidecarSetSummary; hot: boolean }) {
  const s = summary.updateStrategy;
  return (
    <section aria-labelledby="impact-title" className="rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-950" data-testid="impact">
      <h3 id="impact-title" className="mb-2 font-semibold">
        Impact
      </h3>
      <ul className="flex list-disc flex-col gap-1 pl-5">
        <li>
          <strong>{pods(impact.pods)}</strong> will be upgraded
          {impact.members !== impact.pods && ` (of ${pods(impact.members)} with the sidecar)`}.
          {hot && ' Hot upgrade: each pod starts the new sidecar in its standby slot, migrates to it, then resets the old one to the empty image; the app keeps running.'}
        </li>
        <li>
          maxUnavailable {s.maxUnavailable ?? 1}: at most <strong>{pods(impact.maxUnavailable)}</strong> upgrading at a time.
        </li>
        <li>
          Partition {s.partition ?? 0}: {impact.heldByPartition > 0 ? `${pods(impact.heldByPartition)} ${verb(impact.heldByPartition, 'stays', 'stay')} on the current image.` : 'no pods are held back.'}
        </li>
        {impact.outsideUpdateSelector > 0 && (
          <li>
            {pods(impact.outsideUpdateSelector)} outside the update selector {verb(impact.outsideUpdateSelector, 'stays', 'stay')} as{' '}
            {verb(impact.outsideUpdateSelector, 'it is', 'they are')}.
          </li>
        )}
        {impact.notUpgradable > 0 && <li>{pods(impact.notUpgradable)} cannot be upgraded in place (the SidecarSet changed more than images).</li>}
        {impact.notInjected > 0 && (
          <li>
            {pods(impact.notInjected)} selected but without the sidecar {verb(impact.notInjected, 'is', 'are')} not affected.
          </li>
        )}
        {impact.notUpdate && <li className="font-medium">updateStrategy.type is NotUpdate: existing pods are not upgraded; only new pods get the image.</li>}
        {impact.paused && (
          <li className="font-medium text-amber-900 dark:text-amber-200" data-testid="impact-paused">
            The rollout is paused: nothing rolls out until you resume it.
          </li>
        )}
        {!impact.paused && <li>Not paused: the rollout starts as soon as you confirm.</li>}
      </ul>
    </section>
  );
}
