/**
 * How a tab's LiveStream receives the server's events. Two ways: its own EventSource (direct-transport.ts, the
 * fallback where Web Locks or BroadcastChannel are missing), or the one stream its browser profile shares
 * (shared-transport.ts: a leader tab holds it and rebroadcasts every event to all tabs). LiveStream applies
 * what arrives either way through the same delta/merge path.
 */

export const EVENTS = ['hello', 'status', 'reset', 'summaries', 'removed', 'detail', 'timeline', 'probe', 'gap'] as const;
export type EventName = (typeof EVENTS)[number];

/** `paused`: no tab is visible and the stream was given back (see tab-visibility.ts). */
export type Connection = 'connecting' | 'open' | 'reconnecting' | 'paused';

export interface EventMeta {
  /**
   * On `hello`: the connection resumed exactly where this tab's events stopped (a handover or a reopen for another
   * set of topics, replayed from the last id by the server), so what is loaded is still current and only keys
   * not loaded yet need a fetch. False for a fresh connection: everything is refetched.
   */
  continuous?: boolean;
  /** Client clock when the event reached the tab that holds the stream (the same machine's clock). */
  receivedAt?: number;
}

export interface StreamHandlers {
  /** One event; `raw` is its JSON envelope `{topic, data}` as the server sent it. */
  event(name: EventName, raw: string, meta: EventMeta): void;
  connection(connection: Connection): void;
}

export interface Transport {
  start(): void;
  stop(): void;
  /**
   * This tab now wants `topics` (sorted, deduplicated; empty: status only). `fresh`: the cluster context changed,
   * so the current stream and its ids belong to another bus: reconnect without resuming.
   */
  open(topics: readonly string[], fresh: boolean): void;
  /** Whether the stream delivers `topic` to this tab right now, so a key on it may be loaded without a `hello`. */
  carries(topic: string): boolean;
}

export function streamUrl(topics: readonly string[], lastEventId?: number): string {
  const url = `/api/stream?topics=${encodeURIComponent(topics.join(',') || 'status')}`;
  return lastEventId === undefined ? url : `${url}&lastEventId=${lastEventId}`;
}
