import { describe, expect, it } from 'vitest';
import type { DashboardStatus, Freshness } from '@/lib/api';
import { computeFreshness, formatAgo } from './freshness';
import type { LiveSnapshot } from './live-stream';

const cache = (over: Partial<Freshness> = {}): Freshness => ({ kind: 'pods', state: 'live', relists: 0, reconnects: 0, lastContactAt: 1_000, ...over });
const status = (caches: Freshness[]): DashboardStatus => ({ phase: 'ready', caches, at: 1_000 });
/** Server and client clocks agree here: status taken at 1 000 and received at 1 000. */
const snap = (over: Partial<LiveSnapshot> = {}): LiveSnapshot => ({
  connection: 'open',
  status: status([cache()]),
  statusReceivedAt: 1_000,
  lastMessageAt: 1_000,
  ...over,
});

describe('computeFreshness', () => {
  it('says Connecting… before the clock or the first message', () => {
    expect(computeFreshness(snap(), undefined).level).toBe('connecting');
    expect(computeFreshness(snap({ lastMessageAt: undefined }), 2_000).level).toBe('connecting');
  });

  it('is Live with the stream open and every cache live', () => {
    expect(computeFreshness(snap(), 5_000)).toMatchObject({ level: 'live', label: 'Live' });
  });

  it('is Reconnecting… when the stream is down or a cache reconnects', () => {
    expect(computeFreshness(snap({ connection: 'reconnecting' }), 5_000).label).toBe('Reconnecting…');
    expect(computeFreshness(snap({ status: status([cache(), cache({ kind: 'events', state: 'reconnecting' })]) }), 5_000).level).toBe('reconnecting');
  });

  it('is Stale after 30 s without a message, with the age', () => {
    expect(computeFreshness(snap(), 31_000).level).toBe('live');
    expect(computeFreshness(snap({ lastMessageAt: 1_000 }), 32_000)).toMatchObject({ level: 'stale', label: 'Stale · last update 31s ago' });
  });

  it('tolerates quiet watches (bookmarks only) but not a silent cluster', () => {
    const quiet = snap({ lastMessageAt: 80_000, status: status([cache({ lastContactAt: 1_000 })]), statusReceivedAt: 1_000 });
    expect(computeFreshness(quiet, 85_000).level).toBe('live');
    expect(computeFreshness(quiet, 95_000)).toMatchObject({ level: 'stale', label: 'Stale · last update 1m 34s ago' });
  });

  it('names the cluster problem instead of a freshness when there is no data to be fresh', () => {
    expect(computeFreshness(snap({ status: { ...status([]), phase: 'unreachable' } }), 5_000)).toMatchObject({ level: 'down', label: 'Cluster unreachable' });
    expect(computeFreshness(snap({ status: { ...status([]), phase: 'no-openkruise' } }), 5_000)).toMatchObject({ level: 'down', label: 'No OpenKruise' });
  });

  it('maps server times onto the client clock', () => {
    // Server clock 10 minutes behind: contact at server 1 000 = client 601 000.
    const skewed = snap({ status: status([cache()]), statusReceivedAt: 601_000, lastMessageAt: 601_000 });
    expect(computeFreshness(skewed, 605_000).level).toBe('live');
    expect(computeFreshness(skewed, 605_000).details).toEqual(['pods: live, last contact 4s ago']);
  });
});

describe('formatAgo', () => {
  it('reads naturally', () => {
    expect([formatAgo(999), formatAgo(61_000), formatAgo(3_725_000)]).toEqual(['0s', '1m 1s', '1h 2m']);
  });
});
