/**
 * Test support for the shared stream: simulated tabs of one browser profile in one process, each a LiveStream on a
 * SharedTransport, joined by Node's real BroadcastChannel and by FakeLockBroker's Web Locks. Nothing in the app
 * imports it.
 */
import { vi } from 'vitest';
import type { Cache, ScopedMutator, State } from 'swr';
import type { DashboardStatus } from '@/lib/api';
import { FakeLockBroker, type FakeTabLocks } from './fake-locks.testkit';
import { LiveStream } from './live-stream';
import type { LiveResource } from './resources';
import { SharedTransport } from './shared-transport';

export const ready: DashboardStatus = { phase: 'ready', caches: [], at: 0 };

/** A resource whose value is the list of events it was given. */
export const logResource = (topic: string, key = `/${topic}`): LiveResource<string[]> => ({
  topic,
  key,
  reduce: (current, deltas) => [...current, ...deltas.map((d) => `${d.event}:${JSON.stringify(d.data)}`)],
});

// Taken before any test fakes the timers: BroadcastChannel delivers on the real event loop.
const realSetTimeout = globalThis.setTimeout;

/** Let the channel deliver and the fake timers run until the tabs are quiet. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => realSetTimeout(resolve, 2));
    await vi.advanceTimersByTimeAsync(5);
  }
}

export interface Tab {
  stream: LiveStream;
  cache: Map<string, State>;
  /** Keys refetched (SWR's `mutate(key)`), in order. */
  refetched: string[];
  locks: FakeTabLocks;
  /** The tab can no longer send (its document is going away). */
  mute(): void;
  /** Fires a page lifecycle event (`freeze`, `resume`, `pagehide`) where the browser would. */
  lifecycle(type: 'freeze' | 'resume' | 'pagehide'): void;
  setHidden(hidden: boolean): void;
}

let profiles = 0;

/** One browser profile: `open()` adds a tab. */
export function profile() {
  const channelName = `test-profile-${++profiles}`;
  const broker = new FakeLockBroker();
  const tabs: Tab[] = [];
  /** A tab whose page watches `resources` from the start (hooks' effects run before the provider's). */
  const open = (...resources: Array<LiveResource<string[]>>): Tab => {
    const cache = new Map<string, State>();
    const refetched: string[] = [];
    const mutate = ((key: string, ...args: unknown[]) => {
      if (args.length) cache.set(key, { data: args[0] });
      else refetched.push(key);
      return Promise.resolve(undefined);
    }) as unknown as ScopedMutator;
    const locks = broker.tab();
    let channel: BroadcastChannel | undefined;
    let hidden = false;
    const page = { window: new EventTarget(), document: new EventTarget() };
    let visibilityListeners: { onHiddenLong: () => void; onShown: () => void } | undefined;
    const stream = new LiveStream({ mutate, cache: cache as unknown as Cache }, ready, {
      transport: (h) =>
        new SharedTransport(h, {
          locks: locks.asLockManager,
          channel: () => (channel = new BroadcastChannel(channelName)),
          lifecycle: page,
          visibility: {
            isHidden: () => hidden,
            onChange: (onHiddenLong, onShown) => {
              visibilityListeners = { onHiddenLong, onShown };
              return () => (visibilityListeners = undefined);
            },
          },
        }),
    });
    for (const r of resources) stream.watch(r);
    stream.start();
    const tab: Tab = {
      stream,
      cache,
      refetched,
      locks,
      mute: () => {
        if (channel) channel.postMessage = () => undefined;
      },
      lifecycle: (type) => (type === 'freeze' || type === 'resume' ? page.document : page.window).dispatchEvent(new Event(type)),
      setHidden: (h) => {
        hidden = h;
        if (h) visibilityListeners?.onHiddenLong();
        else visibilityListeners?.onShown();
      },
    };
    tabs.push(tab);
    return tab;
  };
  /** Closing a tab as the browser does, without a word to the others: its locks go, its stream and channel close. */
  const crash = (tab: Tab): void => {
    tab.mute();
    tab.locks.crash();
    tab.stream.stop();
  };
  const closeAll = (): void => {
    for (const t of tabs) t.stream.stop();
  };
  return { open, crash, closeAll };
}
