import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Disposable } from './types';

/** Debian's Chromium, without the background traffic (updates, sync, QUIC probes) that would add noise. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const VIEWPORT = { width: 1280, height: 900 };

export interface Tab {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export interface Tabs extends Disposable {
  browser: Browser;
  /**
   * A tab with its own browser context. Chromium allows 6 HTTP/1.1 connections per host *per profile*, and every
   * dashboard tab holds one for its event stream: a 7th tab of the same profile cannot even load its page (see
   * `sameProfileLive`). Separate contexts are separate network contexts, like separate people or browsers.
   */
  open(url: string): Promise<Tab>;
  /** `n` tabs of ONE profile on `url`, as one person opening many tabs; resolves after `waitMs` with how many went live. */
  sameProfileLive(url: string, n: number, waitMs: number): Promise<number>;
  /**
   * `n - 1` tabs of one profile opened in the background, then one in front: how many background tabs hold a
   * stream, whether the front one goes live, and how long a background tab takes to go live once shown.
   */
  sameProfileBackground(url: string, n: number, waitMs: number): Promise<BackgroundTabs>;
}

export interface BackgroundTabs {
  backgroundLive: number;
  frontLive: boolean;
  /** Shown → live, ms, for each background tab brought to the front in turn (the previous one sent back). */
  showToLiveMs: number[];
}

/**
 * Headless Chromium reports every page visible; this makes a page report `hidden` until the benchmark calls
 * `__benchShow(bool)`, which flips the state and fires `visibilitychange` as a real tab switch does.
 */
const BACKGROUND_TAB = `(() => {
  let state = 'hidden';
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state === 'hidden' });
  window.__benchShow = (shown) => { state = shown ? 'visible' : 'hidden'; document.dispatchEvent(new Event('visibilitychange')); };
})();`;

/** The live indicator says "live": the tab's event stream is open and the dashboard's caches are live. */
export async function waitLive(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('[data-testid="freshness"][data-level="live"]').first().waitFor({ state: 'attached', timeout: timeoutMs });
}

async function isLive(page: Page): Promise<boolean> {
  return (await page.locator('[data-testid="freshness"][data-level="live"]').count().catch(() => 0)) > 0;
}

export async function launchTabs(): Promise<Tabs> {
  const browser = await chromium.launch(CHROMIUM);
  return {
    browser,
    async open(url) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      return { page, context, close: () => context.close() };
    },
    async sameProfileLive(url, n, waitMs) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const pages = await Promise.all(Array.from({ length: n }, () => context.newPage()));
        // Navigations that never get a connection never finish: start them all, do not wait for them.
        for (const p of pages) void p.goto(url, { waitUntil: 'commit', timeout: waitMs }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, waitMs));
        let live = 0;
        for (const p of pages) if (await isLive(p)) live++;
        return live;
      } finally {
        await context.close();
      }
    },
    async sameProfileBackground(url, n, waitMs) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const background: Page[] = [];
        for (let i = 0; i < n - 1; i++) {
          const p = await context.newPage();
          await p.addInitScript(BACKGROUND_TAB);
          await p.goto(url, { waitUntil: 'load', timeout: waitMs });
          background.push(p);
        }
        const front = await context.newPage();
        await front.goto(url, { waitUntil: 'commit', timeout: waitMs });
        const frontLive = await waitLive(front, waitMs).then(() => true, () => false);
        let backgroundLive = 0;
        for (const p of background) if (await isLive(p)) backgroundLive++;
        await front.close();
        const showToLiveMs: number[] = [];
        for (const p of background.slice(0, 5)) {
          const t0 = performance.now();
          await p.evaluate(() => (window as unknown as { __benchShow(shown: boolean): void }).__benchShow(true));
          if (await waitLive(p, waitMs).then(() => true, () => false)) showToLiveMs.push(performance.now() - t0);
          await p.evaluate(() => (window as unknown as { __benchShow(shown: boolean): void }).__benchShow(false));
          // Sent back: it gives its connection back after the grace period, as a tab the user left does.
          await p.locator('[data-testid="freshness"][data-level="paused"]').first().waitFor({ state: 'attached', timeout: 15_000 });
        }
        return { backgroundLive, frontLive, showToLiveMs };
      } finally {
        await context.close();
      }
    },
    dispose: () => browser.close(),
  };
}
