/**
 * What the tabs of one browser profile tell each other over a BroadcastChannel (shared-transport.ts). Every tab
 * announces its topics and whether it is hidden, to every tab: so whichever tab becomes leader already knows the
 * union and can reopen at once, without asking around first. The leader rebroadcasts each event of its stream.
 */
import type { Connection, EventName } from './transport';

export const CHANNEL_NAME = 'sidecarset-dashboard:live-stream';
export const LEADER_LOCK = 'sidecarset-dashboard:live-stream-leader';
/** + a tab's id: the lock each tab holds for its lifetime, so the leader learns when it is gone. */
export const TAB_LOCK_PREFIX = 'sidecarset-dashboard:live-stream-tab:';

export interface TabState {
  /** Sorted; empty: status only. */
  topics: readonly string[];
  /** Hidden for longer than HIDDEN_GRACE_MS, or opened in the background. */
  hidden: boolean;
}

export type TabMessage =
  /** A tab's topics or visibility changed; a tab seen for the first time is answered with the others' own. */
  | ({ kind: 'tab'; tab: string } & TabState)
  /** The tab closed: its topics leave the union. */
  | { kind: 'bye'; tab: string }
  /** The cluster context changed (a cookie, so for every tab): the leader reconnects without resuming. */
  | { kind: 'reconnect' }
  | LeaderMessage;

export type LeaderMessage =
  /** One event of the leader's stream, as the server sent it; `id` is its SSE id (`hello` has none). */
  | {
      kind: 'event';
      name: EventName;
      raw: string;
      id?: number;
      receivedAt: number;
      /** On `hello` only: what the new connection carries, where it resumed from and the bus's last id then. */
      hello?: { topics: readonly string[]; from?: number; lastId?: number };
    }
  /**
   * The stream's state, after each change of the union that needed no reopen (so a tab whose topics were already
   * carried may load them) and on every change of connection. `status` is the last status event's envelope, for a
   * tab that joined after it.
   */
  | { kind: 'state'; topics: readonly string[]; connection: Connection; status?: { raw: string; receivedAt: number } };

/** A message from another tab, or undefined for anything else on the channel (another version of the app). */
export function asTabMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const kind = (data as { kind?: unknown }).kind;
  return kind === 'tab' || kind === 'bye' || kind === 'reconnect' || kind === 'event' || kind === 'state' ? (data as TabMessage) : undefined;
}
