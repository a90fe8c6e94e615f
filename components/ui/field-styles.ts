/** Shared look of text inputs and selects. */
export const fieldClass =
  'h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-600 dark:bg-zinc-950 dark:text-zinc-100';

export const labelClass = 'text-sm font-medium text-zinc-800 dark:text-zinc-200';
