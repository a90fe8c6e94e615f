/** Table look shared by the plain and the virtualized tables, so both read as one design. */
export const tableClass = 'w-full border-separate border-spacing-0 text-left text-sm';
export const theadClass = 'sticky top-0 z-10 bg-zinc-50 dark:bg-zinc-900';
export const thClass =
  'border-b border-zinc-200 px-3 py-2 text-xs font-semibold whitespace-nowrap text-zinc-600 dark:border-zinc-700 dark:text-zinc-400';
export const tdClass = 'border-b border-zinc-100 px-3 py-2 align-middle dark:border-zinc-800';
export const monoClass = 'font-mono text-xs';
