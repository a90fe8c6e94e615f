import type { SidecarContainerSummary } from '@/lib/sidecarset/views';
import { UpgradeTypeBadge } from './upgrade-type-badge';

/** Each sidecar container: name, image, hot or cold, and for hot ones the empty image the standby slot runs. */
export function ContainerImages({ containers }: { containers: readonly SidecarContainerSummary[] }) {
  return (
    <ul className="flex flex-col gap-1.5">
      {containers.map((c) => (
        <li key={c.name} className="flex flex-col gap-0.5">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{c.name}</span>
            <UpgradeTypeBadge type={c.upgradeType} />
          </span>
          <span className="font-mono text-xs break-all" data-testid={`image-${c.name}`}>
            {c.image}
          </span>
          {c.emptyImage && <span className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">empty: {c.emptyImage}</span>}
        </li>
      ))}
    </ul>
  );
}
