/**
 * The per-tab fallback: this tab's own EventSource, for browsers without Web Locks or BroadcastChannel. Over
 * HTTP/1.1 each holds one of the profile's 6 connections per host, so a tab hidden for a while gives it back
 * (tab-visibility.ts) and reconnects when shown; the `hello` refetch brings it current.
 */
import { EVENTS, streamUrl, type StreamHandlers, type Transport } from './transport';
import { isHidden, onTabVisibility } from './tab-visibility';

export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_MS = 30_000;

export class DirectTransport implements Transport {
  private es: EventSource | undefined;
  private openTopics: readonly string[] | undefined;
  private wanted: readonly string[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopVisibility: (() => void) | undefined;
  private started = false;
  private paused = false;

  constructor(private readonly on: StreamHandlers) {}

  start(): void {
    this.started = true;
    this.stopVisibility = onTabVisibility(() => this.pause(), () => this.resume());
  }

  stop(): void {
    this.started = false;
    this.stopVisibility?.();
    clearTimeout(this.retryTimer);
    this.close();
  }

  open(topics: readonly string[], fresh: boolean): void {
    this.wanted = topics;
    if (!this.started) return;
    clearTimeout(this.retryTimer);
    if (isHidden() && !this.es) {
      // Opened in the background, or paused: connect when the tab is shown (resume).
      this.setPaused();
      return;
    }
    const same = this.openTopics !== undefined && this.openTopics.join(',') === topics.join(',');
    if (!fresh && this.es && this.es.readyState !== EventSource.CLOSED && same) return;
    this.close();
    this.paused = false;
    const es = new EventSource(streamUrl(topics));
    this.es = es;
    this.openTopics = topics;
    for (const name of EVENTS) {
      es.addEventListener(name, (ev) => {
        if (this.es !== es) return;
        if (name === 'hello') this.retryMs = FIRST_RETRY_MS;
        this.on.event(name, (ev as MessageEvent<string>).data, {});
      });
    }
    es.onerror = () => {
      if (this.es !== es) return;
      if (isHidden() && es.readyState === EventSource.CLOSED) {
        // Do not retry in the background: resume reconnects.
        this.close();
        this.setPaused();
        return;
      }
      this.on.connection('reconnecting');
      // CONNECTING: the browser retries by itself with Last-Event-ID. CLOSED (an HTTP error): it gave up, we retry.
      if (es.readyState === EventSource.CLOSED) {
        this.retryTimer = setTimeout(() => this.open(this.wanted, false), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      }
    };
  }

  carries(topic: string): boolean {
    if (this.es?.readyState !== EventSource.OPEN) return false;
    return topic === 'status' || (this.openTopics?.includes(topic) ?? false);
  }

  /** Hidden long enough: give the connection back. */
  private pause(): void {
    if (!this.es) return;
    this.close();
    this.setPaused();
  }

  private resume(): void {
    if (!this.started || this.es) return;
    this.paused = false;
    this.on.connection('connecting');
    this.open(this.wanted, true);
  }

  private setPaused(): void {
    if (this.paused) return;
    this.paused = true;
    this.on.connection('paused');
  }

  private close(): void {
    this.es?.close();
    this.es = undefined;
    this.openTopics = undefined;
  }
}
