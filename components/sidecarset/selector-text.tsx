import type { SidecarSetSummary } from '@/lib/sidecarset/views';

/** The pod selector and the namespace selector, as kubectl prints them. */
export function SelectorText({ summary }: { summary: SidecarSetSummary }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
      <dt className="text-zinc-600 dark:text-zinc-400">pods</dt>
      <dd className="font-mono break-all">{summary.selectorText || '<none>'}</dd>
      <dt className="text-zinc-600 dark:text-zinc-400">namespaces</dt>
      <dd className="font-mono break-all">{summary.namespaceSelectorText}</dd>
    </dl>
  );
}
