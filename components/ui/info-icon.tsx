/** The small "i" used as a Hint trigger; decorative (the Hint's triggerLabel names it). */
export function InfoIcon() {
  return (
    <span
      aria-hidden="true"
      className="inline-flex size-4 items-center justify-center rounded-full border border-current text-[10px] leading-none font-semibold text-zinc-500 dark:text-zinc-400"
    >
      i
    </span>
  );
}
