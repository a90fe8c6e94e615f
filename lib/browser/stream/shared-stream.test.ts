import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource, useFakeEventSource } from './fake-event-source.testkit';
import { LiveStream } from './live-stream';
import { logResource, profile, ready, settle } from './shared-transport.testkit';

const live = () => FakeEventSource.all.filter((e) => e.readyState !== FakeEventSource.CLOSED);
const only = () => {
  const open = live();
  expect(open).toHaveLength(1);
  return open[0] as FakeEventSource;
};
const query = (es: FakeEventSource) => new URL(es.url, 'http://tab').searchParams;

describe('one stream per browser profile', () => {
  useFakeEventSource();
  let closeAll: (() => void) | undefined;
  afterEach(() => closeAll?.());

  function setup() {
    const p = profile();
    closeAll = p.closeAll;
    return p;
  }

  it('elects one leader whose single stream carries every tab its topics and status', async () => {
    const { open } = setup();
    const a = open(logResource('sidecarsets'));
    const b = open();
    const c = open();
    await settle();
    expect(live().map((e) => e.url)).toEqual(['/api/stream?topics=sidecarsets']);
    b.stream.watch(logResource('sidecarset/mosn'));
    c.stream.watch(logResource('sidecarset/mosn'));
    await settle();
    const es = only();
    expect(query(es).get('topics')).toBe('sidecarset/mosn,sidecarsets');
    es.hello(ready, 7);
    await settle();
    for (const t of [a, b, c]) expect(t.stream.getSnapshot().connection).toBe('open');
    expect(a.refetched).toEqual(['/sidecarsets']);
    expect(b.refetched).toEqual(['/sidecarset/mosn']);
    for (const t of [a, b, c]) t.cache.set(t.refetched[0] as string, { data: [] });
    es.emit('detail', 'sidecarset/mosn', 1, 8);
    es.emit('status', 'status', { ...ready, at: 5 }, 9);
    await settle();
    // Each tab applies only its own topics; status reaches every tab.
    expect(a.cache.get('/sidecarsets')?.data).toEqual([]);
    expect(b.cache.get('/sidecarset/mosn')?.data).toEqual(['detail:1']);
    expect(c.cache.get('/sidecarset/mosn')?.data).toEqual(['detail:1']);
    for (const t of [a, b, c]) expect(t.stream.getSnapshot().status?.at).toBe(5);
    // One reopen for b's topic; c's (the same) changed nothing.
    expect(FakeEventSource.all).toHaveLength(2);
  });

  it('reopens once per change of the union, resuming from the last id, and loads only what is new', async () => {
    const { open } = setup();
    const a = open(logResource('sidecarsets'));
    const b = open();
    await settle();
    only().hello(ready, 3);
    only().emit('summaries', 'sidecarsets', 1, 4);
    await settle();
    a.refetched.length = 0;
    // A page swap in one tab: the old topic goes and two new ones come in one task.
    const release = b.stream.watch(logResource('sidecarset/mosn'));
    await settle();
    const second = only();
    expect(FakeEventSource.all).toHaveLength(2);
    expect(query(second).get('topics')).toBe('sidecarset/mosn,sidecarsets');
    expect(query(second).get('lastEventId')).toBe('4');
    release();
    b.stream.watch(logResource('timeline/mosn'));
    b.stream.watch(logResource('sidecarset/busybox'));
    await settle();
    expect(FakeEventSource.all).toHaveLength(3);
    const third = only();
    expect(query(third).get('topics')).toBe('sidecarset/busybox,sidecarsets,timeline/mosn');
    third.hello(ready, 9);
    await settle();
    // The resumed stream lost nothing of `sidecarsets`: tab a does not refetch; tab b loads its new keys.
    expect(a.refetched).toEqual([]);
    expect(b.refetched.sort()).toEqual(['/sidecarset/busybox', '/timeline/mosn']);
    expect(query(third).get('lastEventId')).toBe('4');
  });

  it('loads a key on a topic another tab already has carried, with no reopen', async () => {
    const { open } = setup();
    open(logResource('sidecarset/mosn', '/a'));
    const b = open();
    await settle();
    only().hello(ready, 1);
    await settle();
    b.stream.watch(logResource('sidecarset/mosn', '/b'));
    await settle();
    expect(FakeEventSource.all).toHaveLength(1);
    expect(b.refetched).toEqual(['/b']);
    expect(b.stream.getSnapshot().connection).toBe('open');
  });

  it('hands over when the leader tab closes: the next leader resumes from the last id, no tab refetches', async () => {
    const { open, crash } = setup();
    const a = open(logResource('sidecarsets'));
    const b = open(logResource('sidecarset/mosn'));
    const c = open(logResource('sidecarset/mosn'));
    await settle();
    const first = only();
    first.hello(ready, 10);
    await settle();
    for (const t of [b, c]) t.cache.set('/sidecarset/mosn', { data: [] });
    first.emit('detail', 'sidecarset/mosn', 'x', 11);
    await settle();
    for (const t of [a, b, c]) t.refetched.length = 0;
    crash(a);
    await settle();
    const next = only();
    expect(next).not.toBe(first);
    // The closed tab said no bye, but its lock went with it: its topic left the union.
    expect(query(next).get('topics')).toBe('sidecarset/mosn');
    expect(query(next).get('lastEventId')).toBe('11');
    next.emit('detail', 'sidecarset/mosn', 'x', 11); // the server replays nothing older; a duplicate is dropped
    next.emit('detail', 'sidecarset/mosn', 'y', 12);
    next.hello(ready, 12);
    await settle();
    for (const t of [b, c]) {
      expect(t.cache.get('/sidecarset/mosn')?.data).toEqual(['detail:"x"', 'detail:"y"']);
      expect(t.refetched).toEqual([]);
      expect(t.stream.getSnapshot().connection).toBe('open');
    }
  });

  it('a leader tab about to be frozen hands the stream over; back, it stands again without taking it back', async () => {
    const { open } = setup();
    const a = open(logResource('sidecarsets'));
    const b = open(logResource('sidecarsets'));
    await settle();
    const first = only();
    first.hello(ready, 30);
    await settle();
    b.refetched.length = 0;
    a.lifecycle('freeze');
    await settle();
    const next = only();
    expect(next).not.toBe(first);
    expect(query(next).get('lastEventId')).toBe('30');
    next.hello(ready, 30);
    await settle();
    expect(b.refetched).toEqual([]);
    a.lifecycle('resume');
    await settle();
    expect(only()).toBe(next);
  });

  it('a closing tab that says bye takes its topics out of the union', async () => {
    const { open } = setup();
    open(logResource('sidecarsets'));
    const b = open(logResource('sidecarset/mosn'));
    await settle();
    only().hello(ready, 1);
    await settle();
    b.stream.stop();
    await settle();
    expect(query(only()).get('topics')).toBe('sidecarsets');
  });

  it('takes a tab that closed without a word out of the union when its lock goes', async () => {
    const { open, crash } = setup();
    open(logResource('sidecarsets'));
    const b = open(logResource('sidecarset/mosn'));
    await settle();
    expect(query(only()).get('topics')).toBe('sidecarset/mosn,sidecarsets');
    crash(b);
    await settle();
    expect(query(only()).get('topics')).toBe('sidecarsets');
  });

  it('makes every tab refetch on reset, and after a fresh reconnect (another cluster context)', async () => {
    const { open } = setup();
    const a = open(logResource('sidecarsets'));
    const b = open(logResource('sidecarset/mosn'));
    await settle();
    only().hello(ready, 1);
    await settle();
    for (const t of [a, b]) t.refetched.length = 0;
    only().emit('reset', 'status', { reason: 'missed too much; refetch' }, 6000);
    await settle();
    expect(a.refetched).toEqual(['/sidecarsets']);
    expect(b.refetched).toEqual(['/sidecarset/mosn']);
    // The follower switched context: the leader reopens without resuming, and every tab reloads on the hello.
    b.stream.reconnect();
    await settle();
    const fresh = only();
    expect(query(fresh).get('lastEventId')).toBeNull();
    fresh.hello(ready, 2);
    await settle();
    expect(a.refetched).toEqual(['/sidecarsets', '/sidecarsets']);
    expect(b.refetched).toEqual(['/sidecarset/mosn', '/sidecarset/mosn']);
    // Ids restart with the other bus: they are not taken for replays.
    b.cache.set('/sidecarset/mosn', { data: [] });
    fresh.emit('detail', 'sidecarset/mosn', 'z', 3);
    await settle();
    expect(b.cache.get('/sidecarset/mosn')?.data).toEqual(['detail:"z"']);
  });

  it('refetches everything when the resumed server is younger than the id (it restarted)', async () => {
    const { open } = setup();
    const a = open(logResource('sidecarsets'));
    await settle();
    only().hello(ready, 500);
    only().emit('summaries', 'sidecarsets', 1, 501);
    await settle();
    a.refetched.length = 0;
    a.stream.watch(logResource('sidecarset/mosn'));
    await settle();
    expect(query(only()).get('lastEventId')).toBe('501');
    only().hello(ready, 3);
    await settle();
    expect(a.refetched.sort()).toEqual(['/sidecarset/mosn', '/sidecarsets']);
  });

  it('keeps the stream while any tab is visible, gives it back when all are hidden, resumes when one is shown', async () => {
    const { open } = setup();
    const a = open(logResource('sidecarsets'));
    const b = open();
    await settle();
    only().hello(ready, 4);
    await settle();
    a.setHidden(true); // the leader is hidden, b still looks
    await settle();
    expect(live()).toHaveLength(1);
    b.setHidden(true);
    await settle();
    expect(live()).toHaveLength(0);
    for (const t of [a, b]) expect(t.stream.getSnapshot().connection).toBe('paused');
    a.refetched.length = 0;
    b.setHidden(false);
    await settle();
    expect(query(only()).get('lastEventId')).toBe('4');
    only().hello(ready, 4);
    await settle();
    expect(a.refetched).toEqual([]);
    for (const t of [a, b]) expect(t.stream.getSnapshot().connection).toBe('open');
  });

  it('shows every tab the leader reconnecting, and resumes after the browser gives up, with back-off', async () => {
    const { open } = setup();
    const a = open(logResource('sidecarsets'));
    const b = open(logResource('sidecarset/mosn'));
    await settle();
    only().hello(ready, 20);
    only().emit('detail', 'sidecarset/mosn', 1, 21);
    await settle();
    for (const t of [a, b]) t.refetched.length = 0;
    // CONNECTING: the browser retries by itself (Last-Event-ID); its hello resumed, so nobody refetches.
    only().fail(false);
    await settle();
    for (const t of [a, b]) expect(t.stream.getSnapshot().connection).toBe('reconnecting');
    only().hello(ready, 21);
    await settle();
    for (const t of [a, b]) expect([t.stream.getSnapshot().connection, t.refetched]).toEqual(['open', []]);
    // CLOSED (an HTTP error): reopened after a second, from the last id.
    const count = FakeEventSource.all.length;
    only().fail(true);
    await settle();
    expect(live()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(FakeEventSource.all).toHaveLength(count + 1);
    expect(query(only()).get('lastEventId')).toBe('21');
  });

  it('falls back to a stream per tab where Web Locks are missing', async () => {
    expect(typeof BroadcastChannel).toBe('function');
    const swr = () => ({ mutate: vi.fn(() => Promise.resolve(undefined)) as never, cache: new Map() as never });
    const tabs = [new LiveStream(swr(), ready), new LiveStream(swr(), ready)];
    for (const t of tabs) {
      t.start();
      t.watch(logResource('sidecarsets'));
    }
    await settle();
    expect(live().map((e) => e.url)).toEqual(['/api/stream?topics=sidecarsets', '/api/stream?topics=sidecarsets']);
    for (const t of tabs) t.stop();
  });
});
