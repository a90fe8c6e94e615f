/**
 * One stream per browser profile (issue 14): over HTTP/1.1 a profile has 6 connections per host, so per-tab
 * streams left all but 6 tabs dark. The tabs elect a leader over Web Locks (leader.ts); it alone holds an
 * EventSource (leader-stream.ts) on the union of every tab's topics and rebroadcasts each event over a
 * BroadcastChannel; every tab, the leader included, applies it through its own LiveStream, which takes only the
 * topics it watches. When the leader's tab closes the lock passes to another tab, which already knows every
 * tab's topics and the last event id, and resumes from there: no gap and no refetch.
 */
import { isHidden, onTabVisibility } from './tab-visibility';
import { electLeader, whenReleased } from './leader';
import { LeaderStream } from './leader-stream';
import { asTabMessage, CHANNEL_NAME, LEADER_LOCK, TAB_LOCK_PREFIX, type LeaderMessage, type TabMessage, type TabState } from './tab-channel';
import type { StreamHandlers, Transport } from './transport';

export interface SharedEnv {
  locks: LockManager;
  channel: () => BroadcastChannel;
  /** This tab's id on the channel. */
  id?: string;
  /** The tab's visibility (tab-visibility.ts by default). */
  visibility?: { isHidden: () => boolean; onChange: typeof onTabVisibility };
  /** Where the page's lifecycle events fire: pagehide/pageshow on window, freeze/resume on document by default. */
  lifecycle?: { window?: EventTarget; document?: EventTarget };
}

/** The shared transport when this browser has what it needs (Web Locks and BroadcastChannel), else undefined. */
export function sharedTransportIfSupported(on: StreamHandlers): SharedTransport | undefined {
  if (typeof BroadcastChannel !== 'function' || typeof navigator === 'undefined' || !('locks' in navigator) || !navigator.locks) return undefined;
  const locks = navigator.locks;
  return new SharedTransport(on, { locks, channel: () => new BroadcastChannel(CHANNEL_NAME) });
}

export class SharedTransport implements Transport {
  private readonly id: string;
  private channel: BroadcastChannel | undefined;
  /** Every other tab's topics and visibility, as they announced them. */
  private readonly tabs = new Map<string, TabState>();
  private mine: TabState = { topics: [], hidden: false };
  /** Id of the last event this tab received: a new leader resumes from it, and replays up to it are dropped. */
  private lastSeen: number | undefined;
  /** What the leader's stream carries to this tab, from its last `hello` or state. */
  private carried: ReadonlySet<string> = new Set();
  /** The leader's stream is open (its last word was a `hello` or an open state). */
  private live = false;
  private hasStatus = false;
  private leader: LeaderStream | undefined;
  private resign: (() => void) | undefined;
  private stopVisibility: (() => void) | undefined;
  /** This tab's own lock, held while it lives: announcing only then, so no leader takes it for gone. */
  private holdsTabLock = false;
  private releaseTabLock: (() => void) | undefined;
  /** As leader: per other tab, stops waiting for its lock (granted when that tab is gone). */
  private readonly watchers = new Map<string, () => void>();
  /** The page said what it wants (first open): only then is it a candidate and does it announce itself. */
  private opened = false;
  private readonly unlisten: Array<() => void> = [];

  constructor(private readonly on: StreamHandlers, private readonly env: SharedEnv) {
    this.id = env.id ?? crypto.randomUUID();
  }

  start(): void {
    const channel = this.env.channel();
    this.channel = channel;
    channel.onmessage = (ev: MessageEvent<unknown>) => {
      const message = asTabMessage(ev.data);
      if (message) this.receive(message);
    };
    const visibility = this.env.visibility ?? { isHidden, onChange: onTabVisibility };
    this.mine = { topics: [], hidden: visibility.isHidden() };
    // A hidden tab keeps receiving (and, as leader, keeps the stream for the others); it only says it is hidden.
    this.stopVisibility = visibility.onChange(() => this.setHidden(true), () => this.setHidden(false));
    this.listenToLifecycle();
    this.releaseTabLock = electLeader(this.env.locks, TAB_LOCK_PREFIX + this.id, () => {
      this.holdsTabLock = true;
      if (this.opened) this.announce();
      return () => {
        this.holdsTabLock = false;
      };
    });
  }

  stop(): void {
    this.stopVisibility?.();
    for (const off of this.unlisten.splice(0)) off();
    this.post({ kind: 'bye', tab: this.id });
    this.resign?.();
    this.resign = undefined;
    this.opened = false;
    this.releaseTabLock?.();
    this.releaseTabLock = undefined;
    this.channel?.close();
    this.channel = undefined;
  }

  open(topics: readonly string[], fresh: boolean): void {
    const first = !this.opened;
    this.opened = true;
    const changed = first || topics.join(',') !== this.mine.topics.join(',');
    this.mine = { ...this.mine, topics };
    if (changed) this.announce();
    // Candidate only once the page said what it wants: a leader elected earlier would open a stream for nothing.
    if (first) this.stand();
    if (fresh) {
      if (this.leader) this.leader.reconcile(true);
      else this.post({ kind: 'reconnect' });
    }
  }

  private stand(): void {
    this.resign ??= electLeader(this.env.locks, LEADER_LOCK, () => this.lead());
  }

  private listenToLifecycle(): void {
    const win = this.env.lifecycle?.window ?? (typeof window === 'undefined' ? undefined : window);
    const doc = this.env.lifecycle?.document ?? (typeof document === 'undefined' ? undefined : document);
    const on = (target: EventTarget | undefined, type: string, fn: (ev: Event) => void): void => {
      target?.addEventListener(type, fn);
      this.unlisten.push(() => target?.removeEventListener(type, fn));
    };
    // Closing (or leaving for the back/forward cache): take this tab's topics out of the union now.
    on(win, 'pagehide', () => this.post({ kind: 'bye', tab: this.id }));
    on(win, 'pageshow', (ev) => {
      if (!(ev as PageTransitionEvent).persisted) return;
      // Back from the back/forward cache: nothing reached it meanwhile, so it reloads what it shows.
      this.announce();
      this.on.event('reset', JSON.stringify({ topic: 'status', data: { reason: 'restored from the back/forward cache' } }), {});
    });
    // A frozen tab runs no code, so a frozen leader would leave every tab without events: hand over first.
    on(doc, 'freeze', () => {
      this.resign?.();
      this.resign = undefined;
    });
    on(doc, 'resume', () => {
      if (this.opened) this.stand();
    });
  }

  carries(topic: string): boolean {
    return this.live && (topic === 'status' || this.carried.has(topic));
  }

  /** This tab got the lock: open the profile's stream from what every tab announced. */
  private lead(): () => void {
    const leader = new LeaderStream({
      publish: (m) => {
        this.post(m);
        this.accept(m);
      },
      wanted: () => this.wanted(),
      lastSeen: () => this.lastSeen,
    });
    this.leader = leader;
    for (const tab of this.tabs.keys()) this.watch(tab);
    leader.reconcile();
    return () => {
      leader.stop();
      if (this.leader === leader) this.leader = undefined;
      for (const stop of this.watchers.values()) stop();
      this.watchers.clear();
    };
  }

  /** As leader: drop a tab from the union once it is gone, even if it could not say bye (crashed, killed). */
  private watch(tab: string): void {
    if (this.watchers.has(tab)) return;
    this.watchers.set(
      tab,
      whenReleased(this.env.locks, TAB_LOCK_PREFIX + tab, () => {
        this.watchers.delete(tab);
        if (this.tabs.delete(tab)) this.leader?.reconcile();
      }),
    );
  }

  private wanted(): { topics: readonly string[]; allHidden: boolean } {
    const all = new Set(this.mine.topics);
    let allHidden = this.mine.hidden;
    for (const t of this.tabs.values()) {
      for (const topic of t.topics) all.add(topic);
      allHidden &&= t.hidden;
    }
    return { topics: [...all].sort(), allHidden };
  }

  private setHidden(hidden: boolean): void {
    if (hidden === this.mine.hidden) return;
    this.mine = { ...this.mine, hidden };
    this.announce();
  }

  private announce(): void {
    if (this.holdsTabLock) this.post({ kind: 'tab', tab: this.id, ...this.mine });
    this.leader?.reconcile();
  }

  private post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  private receive(m: TabMessage): void {
    switch (m.kind) {
      case 'tab': {
        const known = this.tabs.has(m.tab);
        this.tabs.set(m.tab, { topics: m.topics, hidden: m.hidden });
        // A newcomer learns every tab's topics, in case it is the next leader.
        if (!known && this.holdsTabLock && this.opened) this.post({ kind: 'tab', tab: this.id, ...this.mine });
        if (this.leader) this.watch(m.tab);
        this.leader?.reconcile();
        return;
      }
      case 'bye':
        this.tabs.delete(m.tab);
        this.watchers.get(m.tab)?.();
        this.watchers.delete(m.tab);
        this.leader?.reconcile();
        return;
      case 'reconnect':
        this.leader?.reconcile(true);
        return;
      default:
        this.accept(m);
    }
  }

  /** An event or state from the leader (this tab's own stream too, when it leads). */
  private accept(m: LeaderMessage): void {
    if (m.kind === 'state') {
      this.carried = new Set(m.topics);
      this.live = m.connection === 'open';
      if (m.status && !this.hasStatus) {
        this.hasStatus = true;
        this.on.event('status', m.status.raw, { receivedAt: m.status.receivedAt });
      }
      this.on.connection(m.connection);
      return;
    }
    const { hello } = m;
    if (hello) {
      const { from, lastId } = hello;
      // Resumed where this tab stopped, from a server whose bus goes that far (a restarted one starts again at 0).
      const continuous = from !== undefined && this.lastSeen !== undefined && this.lastSeen >= from && (lastId === undefined || lastId >= from);
      this.lastSeen = continuous ? Math.max(this.lastSeen ?? 0, lastId ?? 0) : lastId;
      this.carried = new Set(hello.topics);
      this.live = true;
      this.hasStatus = true;
      this.on.event(m.name, m.raw, { continuous, receivedAt: m.receivedAt });
      return;
    }
    if (m.id !== undefined) {
      // A new leader resumes from its own last id; what this tab already has is not applied twice.
      if (m.name !== 'reset' && this.lastSeen !== undefined && m.id <= this.lastSeen) return;
      this.lastSeen = m.id;
    }
    if (m.name === 'status') this.hasStatus = true;
    this.on.event(m.name, m.raw, { receivedAt: m.receivedAt });
  }
}
