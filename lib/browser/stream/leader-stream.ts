/**
 * The leader tab's EventSource: the one connection of the browser profile. It carries the union of every tab's
 * topics and rebroadcasts every event (shared-transport.ts delivers it to each tab, the leader's own included).
 * When the union changes it reopens resuming from the last id the tabs have seen (`?lastEventId=`), so the topics
 * that stay lose nothing and only the new ones need a load; the server answers `reset` when its ring no longer
 * holds that far back, and every tab refetches.
 */
import { FIRST_RETRY_MS, MAX_RETRY_MS } from './direct-transport';
import type { LeaderMessage } from './tab-channel';
import { EVENTS, streamUrl, type Connection, type EventName } from './transport';

export interface LeaderDeps {
  /** Sends to every tab, this one included. */
  publish(message: LeaderMessage): void;
  /** What the tabs want now: the union of their topics, and whether all of them are hidden. */
  wanted(): { topics: readonly string[]; allHidden: boolean };
  /** The id of the last event the tabs have seen, or undefined before any. */
  lastSeen(): number | undefined;
}

export class LeaderStream {
  private es: EventSource | undefined;
  private openTopics: readonly string[] = [];
  /** The id this connection resumed from (or the browser's own retry will), undefined for a fresh one. */
  private from: number | undefined;
  private connection: Connection = 'connecting';
  private status: { raw: string; receivedAt: number } | undefined;
  private scheduled = false;
  private fresh = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;

  constructor(private readonly deps: LeaderDeps) {
    // Taking over a live stream (the tabs have seen events): to them this is a reopen, not an outage.
    if (deps.lastSeen() !== undefined) this.connection = 'open';
  }

  /**
   * Bring the stream in line with what the tabs want, once for everything that changes within this task (a page
   * swap withdraws and announces topics in one go): a microtask, never a timer.
   */
  reconcile(fresh = false): void {
    if (fresh) this.fresh = true;
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.stopped) this.apply();
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.close();
  }

  private apply(): void {
    const { topics, allHidden } = this.deps.wanted();
    if (allHidden) {
      // Nobody looks: give the connection back; the first tab shown brings it back, resuming.
      this.close();
      this.setConnection('paused');
      return;
    }
    const same = topics.join(',') === this.openTopics.join(',');
    if (!this.fresh && this.es && this.es.readyState !== EventSource.CLOSED && same) {
      this.publishState();
      return;
    }
    const fresh = this.fresh;
    this.fresh = false;
    const reopening = this.es !== undefined && !fresh;
    this.close();
    clearTimeout(this.retryTimer);
    this.from = fresh ? undefined : this.deps.lastSeen();
    const es = new EventSource(streamUrl(topics, this.from));
    this.es = es;
    this.openTopics = topics;
    // A reopen for other topics is no outage (the header stays Live); a first connection or a resume is.
    if (!reopening && this.connection !== 'open') this.setConnection('connecting');
    for (const name of EVENTS) {
      es.addEventListener(name, (ev) => {
        if (this.es === es) this.forward(name, ev as MessageEvent<string>);
      });
    }
    es.onerror = () => {
      if (this.es !== es) return;
      this.setConnection('reconnecting');
      // CONNECTING: the browser retries by itself with Last-Event-ID, i.e. resumes. CLOSED (an HTTP error): it
      // gave up, so reopen after a back-off, resuming from the last id seen.
      this.from = this.deps.lastSeen();
      if (es.readyState === EventSource.CLOSED) {
        this.close();
        this.retryTimer = setTimeout(() => this.reconcile(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      }
    };
  }

  private forward(name: EventName, ev: MessageEvent<string>): void {
    const receivedAt = Date.now();
    const raw = ev.data;
    if (name === 'hello') {
      this.retryMs = FIRST_RETRY_MS;
      this.connection = 'open';
      this.status = { raw, receivedAt };
      this.deps.publish({ kind: 'event', name, raw, receivedAt, hello: { topics: this.openTopics, from: this.from, lastId: lastIdOf(raw) } });
      return;
    }
    if (name === 'status') this.status = { raw, receivedAt };
    // `hello` carries no SSE id, so the browser's lastEventId there is the previous event's; every other one has its own.
    const id = ev.lastEventId ? Number(ev.lastEventId) : undefined;
    this.deps.publish({ kind: 'event', name, raw, receivedAt, ...(id !== undefined && Number.isFinite(id) ? { id } : {}) });
  }

  private setConnection(connection: Connection): void {
    if (connection === this.connection && connection !== 'connecting') return;
    this.connection = connection;
    this.publishState();
  }

  private publishState(): void {
    const carried = this.connection === 'open' ? this.openTopics : [];
    this.deps.publish({ kind: 'state', topics: carried, connection: this.connection, ...(this.status ? { status: this.status } : {}) });
  }

  private close(): void {
    this.es?.close();
    this.es = undefined;
    this.openTopics = [];
  }
}

function lastIdOf(raw: string): number | undefined {
  try {
    const lastId = (JSON.parse(raw) as { lastId?: unknown }).lastId;
    return typeof lastId === 'number' ? lastId : undefined;
  } catch {
    return undefined;
  }
}
