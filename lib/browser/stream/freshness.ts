/**
 * How much to trust what the page shows, from the stream's state and the server's cache freshness. Pure, so
 * the header can recompute it on a clock tick without touching data.
 */
import type { LiveSnapshot } from './live-stream';

/** `down`: the server answers but has no cluster data to give (unreachable, or no OpenKruise). */
export type FreshnessLevel = 'connecting' | 'live' | 'reconnecting' | 'stale' | 'down' | 'paused';

export interface FreshnessView {
  level: FreshnessLevel;
  label: string;
  /** One line per server cache, for the details popover. */
  details: string[];
}

/** The server pushes a status every 5 s: 30 s of silence means the link to the dashboard is broken. */
export const STREAM_SILENCE_MS = 30_000;
/**
 * A quiet watch only hears bookmarks (Kubernetes sends one about every minute; the embedded cluster every
 * 30 s), so silence from the cluster counts only beyond that.
 */
export const CLUSTER_SILENCE_MS = 90_000;

export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** Latest contact with the cluster across the caches, on the client's clock; undefined if unknown. */
function clusterContactAt(s: LiveSnapshot): number | undefined {
  if (!s.status || s.statusReceivedAt === undefined) return undefined;
  const contacts = s.status.caches.map((c) => c.lastContactAt).filter((t): t is number => t !== undefined);
  if (contacts.length === 0) return undefined;
  return Math.max(...contacts) + (s.statusReceivedAt - s.status.at);
}

function cacheDetails(s: LiveSnapshot, now: number): string[] {
  if (!s.status || s.statusReceivedAt === undefined) return [];
  const skew = s.statusReceivedAt - s.status.at;
  return s.status.caches.map((c) => {
    const contact = c.lastContactAt === undefined ? 'no contact yet' : `last contact ${formatAgo(now - (c.lastContactAt + skew))} ago`;
    return `${c.kind}: ${c.state}, ${contact}${c.error ? ` (${c.error})` : ''}`;
  });
}

export function computeFreshness(s: LiveSnapshot, now: number | undefined): FreshnessView {
  if (s.connection === 'paused') return { level: 'paused', label: 'Paused while the tab is hidden', details: [] };
  if (now === undefined || s.lastMessageAt === undefined) return { level: 'connecting', label: 'Connecting…', details: [] };
  const details = cacheDetails(s, now);
  if (s.status?.phase === 'unreachable') return { level: 'down', label: 'Cluster unreachable', details };
  if (s.status?.phase === 'no-openkruise') return { level: 'down', label: 'No OpenKruise', details };
  const cluster = clusterContactAt(s);
  const streamSilent = now - s.lastMessageAt > STREAM_SILENCE_MS;
  const clusterSilent = cluster !== undefined && now - cluster > CLUSTER_SILENCE_MS;
  if (streamSilent || clusterSilent) {
    const last = streamSilent ? s.lastMessageAt : (cluster ?? s.lastMessageAt);
    return { level: 'stale', label: `Stale · last update ${formatAgo(now - last)} ago`, details };
  }
  const cachesLive = (s.status?.caches ?? []).every((c) => c.state === 'live');
  if (s.connection !== 'open' || !cachesLive) return { level: 'reconnecting', label: 'Reconnecting…', details };
  return { level: 'live', label: 'Live', details };
}
