import type { Page } from '@playwright/test';

export interface PodRowState {
  pod: string;
  phase: string | null;
  workingSlot: string;
  workingImage: string;
  /** Image of the slot that is not the working one, and whether the page marks it as the empty image. */
  otherImage: string;
  otherRole: string | null;
}

/** What the pod table shows for each hot-upgrade pod, read from the DOM (the user's view, not the API). */
export async function readPodRows(page: Page): Promise<PodRowState[]> {
  return page.getByTestId('pod-row').evaluateAll((rows) =>
    rows.map((row) => {
      const text = (sel: string) => row.querySelector(sel)?.textContent?.trim() ?? '';
      const other = row.querySelector('[data-slot-role]:not([data-slot-role="working"])');
      return {
        pod: row.getAttribute('data-pod') ?? '',
        phase: row.querySelector('[data-testid="phase"]')?.getAttribute('data-phase') ?? null,
        workingSlot: text('[data-testid="working-slot"]'),
        workingImage: text('[data-slot-role="working"] [data-testid="slot-image"]'),
        otherImage: other?.querySelector('[data-testid="slot-image"]')?.textContent?.trim() ?? '',
        otherRole: other?.getAttribute('data-slot-role') ?? null,
      };
    }),
  );
}
