import type { Page } from '@playwright/test';
import { epochMs } from './watch-protocol';

/** `[data-testid, data-pod, data-rv, epoch ms]`: when an element first showed that pod at that resourceVersion. */
export type Sighting = [string, string, string, number];

/**
 * Installed in a tab: a MutationObserver that notes, for every element carrying `data-pod` and `data-rv` (the pod
 * table's rows, the timeline's rows), when each (element kind, pod, rv) first appears, as wall-clock time
 * (`performance.timeOrigin + now()`, the same clock as the writer's). Observers run right after the DOM change,
 * before the frame is painted. A string, not a function: the TS loader's helpers would not exist in the page.
 */
const OBSERVER = `(() => {
  const seen = [];
  const keys = new Set();
  window.__benchSeen = seen;
  const check = (el, t) => {
    const pod = el.getAttribute('data-pod');
    const rv = el.getAttribute('data-rv');
    if (!pod || !rv) return;
    const kind = el.getAttribute('data-testid') || el.tagName;
    const k = kind + '|' + pod + '|' + rv;
    if (keys.has(k)) return;
    keys.add(k);
    seen.push([kind, pod, rv, t]);
  };
  new MutationObserver((records) => {
    const t = performance.timeOrigin + performance.now();
    for (const m of records) {
      if (m.type === 'attributes') check(m.target, t);
      else for (const n of m.addedNodes) {
        if (!(n instanceof Element)) continue;
        check(n, t);
        for (const e of n.querySelectorAll('[data-rv]')) check(e, t);
      }
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rv'] });
  const t0 = performance.timeOrigin + performance.now();
  for (const e of document.querySelectorAll('[data-rv]')) check(e, t0);
})()`;

export async function installObserver(page: Page): Promise<void> {
  await page.evaluate(OBSERVER);
}

/** Everything the tab's observer noted since it was installed (or since the last `take`), then forgets it. */
export async function takeSightings(page: Page): Promise<Sighting[]> {
  return page.evaluate('(() => { const s = window.__benchSeen.splice(0); return s; })()') as Promise<Sighting[]>;
}

/**
 * Offset of the tab's clock from ours (ms, tab − bench), from the round trip with the smallest delay. Both are
 * wall-clock-based on one machine, so it should be ~0; it is measured so the report can show that it is.
 */
export async function clockOffset(page: Page, rounds = 10): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: Number.NaN, rttMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < rounds; i++) {
    const a = epochMs();
    const t = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
    const b = epochMs();
    if (b - a < best.rttMs) best = { offsetMs: t - (a + b) / 2, rttMs: b - a };
  }
  return best;
}

/** `data-pod` of the elements of one kind (`pod-row`, `pod-timeline`) the tab has in its DOM: both lists are virtualised. */
export async function renderedRows(page: Page, testId: string): Promise<string[]> {
  const sel = JSON.stringify(`[data-testid="${testId}"][data-pod]`);
  return page.evaluate(`Array.from(document.querySelectorAll(${sel})).map((e) => e.getAttribute('data-pod') || '')`) as Promise<string[]>;
}
