import { cx, focusRing } from '@/components/ui/cx';

/** Downloads the API response itself (same origin, so `download` names the file): what the page was drawn from. */
export function ExportJson({ href, filename }: { href: string; filename: string }) {
  return (
    <a
      href={href}
      download={filename}
      data-testid="export-json"
      className={cx(
        'inline-flex h-8 shrink-0 items-center rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-medium whitespace-nowrap text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
        focusRing,
      )}
    >
      Export JSON
    </a>
  );
}
