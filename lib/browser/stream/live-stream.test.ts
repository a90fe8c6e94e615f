import { describe, expect, it, vi } from 'vitest';
import type { Cache, ScopedMutator, State } from 'swr';
import type { DashboardStatus, SidecarSetListResponse } from '@/lib/api';
import { FakeEventSource, useFakeEventSource } from './fake-event-source.testkit';
import { LiveStream } from './live-stream';
import { HIDDEN_GRACE_MS } from './tab-visibility';
import { sidecarSetResource, sidecarSetsResource } from './resources';

const status = (phase: DashboardStatus['phase'] = 'ready'): DashboardStatus => ({ phase, caches: [], at: 0 });
const summary = (name: string, inFlight = 0) => ({ name, inFlight }) as unknown as SidecarSetListResponse['items'][number];
const names = (v: unknown) => (v as SidecarSetListResponse).items.map((s) => `${s.name}:${s.inFlight}`);

/** SWR's cache and mutate, with a mounted hook for the list key whose fetcher is the stream's load. */
function fakeSwr() {
  const cache = new Map<string, State>();
  const calls: Array<{ key: string; data?: unknown }> = [];
  let stream: LiveStream | undefined;
  const mutate = ((key: string, ...args: unknown[]) => {
    calls.push(args.length ? { key, data: args[0] } : { key });
    if (args.length) cache.set(key, { data: args[0] });
    else if (stream) void stream.load(sidecarSetsResource).then((data) => cache.set(key, { data }), () => undefined);
    return Promise.resolve(undefined);
  }) as unknown as ScopedMutator;
  return { cache, calls, mutate, attach: (s: LiveStream) => (stream = s) };
}

function respondWith(...bodies: unknown[]) {
  const pending: Array<() => void> = [];
  const fetchMock = vi.fn(
    () =>
      new Promise<Response>((resolve) => {
        const body = bodies.shift();
        pending.push(() => resolve(new Response(JSON.stringify(body), { status: 200 })));
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, release: () => pending.shift()?.() };
}

const settle = () => vi.advanceTimersByTimeAsync(150);

describe('LiveStream', () => {
  useFakeEventSource();

  function setup() {
    const swr = fakeSwr();
    const stream = new LiveStream({ mutate: swr.mutate, cache: swr.cache as unknown as Cache }, status());
    swr.attach(stream);
    stream.start();
    return { swr, stream };
  }

  it('opens one stream for the tab, reopening only when the set of topics changes', async () => {
    const { stream } = setup();
    await settle();
    expect(FakeEventSource.all.map((e) => e.url)).toEqual(['/api/stream?topics=status']);
    const release = stream.watch(sidecarSetsResource);
    const again = stream.watch(sidecarSetsResource);
    await settle();
    expect(FakeEventSource.all.map((e) => e.url)).toEqual(['/api/stream?topics=status', '/api/stream?topics=sidecarsets']);
    release();
    await settle();
    expect(FakeEventSource.all).toHaveLength(2);
    again();
    await settle();
    expect(FakeEventSource.all.at(-1)?.url).toBe('/api/stream?topics=status');
    expect(FakeEventSource.all.filter((e) => e.readyState !== FakeEventSource.CLOSED)).toHaveLength(1);
  });

  it('refetches on hello, then applies pushed deltas to the cache without refetching', async () => {
    const { swr, stream } = setup();
    const { fetchMock, release } = respondWith({ items: [summary('a')], status: status() });
    stream.watch(sidecarSetsResource);
    await settle();
    const es = FakeEventSource.all.at(-1)!;
    es.emit('hello', 'status', status());
    expect(swr.calls).toEqual([{ key: '/api/sidecarsets' }]);
    release();
    await settle();
    es.emit('summaries', 'sidecarsets', { upserts: [summary('b', 2)] });
    es.emit('summaries', 'sidecarsets', { upserts: [summary('a', 1)] });
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(swr.calls.slice(1).map((c) => names(c.data))).toEqual([['a:1', 'b:2']]);
    expect(stream.getSnapshot().connection).toBe('open');
  });

  it('applies deltas at the next frame, never after a fixed delay, coalescing those of one frame', async () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
    try {
      const { swr, stream } = setup();
      const { release } = respondWith({ items: [summary('a')], status: status() });
      stream.watch(sidecarSetsResource);
      await settle();
      const es = FakeEventSource.all.at(-1)!;
      es.emit('hello', 'status', status());
      release();
      await settle();
      const before = swr.calls.length;
      es.emit('summaries', 'sidecarsets', { upserts: [summary('b', 2)] });
      es.emit('summaries', 'sidecarsets', { upserts: [summary('a', 1)] });
      // No timer is involved: however long nothing paints, nothing is applied; one frame applies both.
      await vi.advanceTimersByTimeAsync(1000);
      expect(swr.calls.length).toBe(before);
      expect(frames).toHaveLength(1);
      frames.shift()?.();
      expect(swr.calls.slice(before).map((c) => names(c.data))).toEqual([['a:1', 'b:2']]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('replays deltas that arrive during a load on top of its result instead of touching the cache', async () => {
    const { swr, stream } = setup();
    swr.cache.set('/api/sidecarsets', { data: { items: [summary('old')], status: status() } });
    const { release } = respondWith({ items: [summary('a')], status: status() });
    stream.watch(sidecarSetsResource);
    await settle();
    const es = FakeEventSource.all.at(-1)!;
    es.emit('hello', 'status', status());
    es.emit('summaries', 'sidecarsets', { upserts: [summary('a', 5)] });
    await settle();
    expect(swr.calls.filter((c) => 'data' in c)).toEqual([]);
    release();
    await settle();
    expect(names(swr.cache.get('/api/sidecarsets')?.data)).toEqual(['a:5']);
  });

  it('refetches on reset and when the cluster becomes ready, not on every status beat', async () => {
    const { swr, stream } = setup();
    respondWith({ items: [], status: status() }, { items: [], status: status() }, { items: [], status: status() });
    stream.watch(sidecarSetsResource);
    await settle();
    const es = FakeEventSource.all.at(-1)!;
    es.emit('hello', 'status', status('connecting'));
    es.emit('status', 'status', status('connecting'));
    expect(swr.calls).toEqual([]);
    es.emit('status', 'status', status('ready'));
    es.emit('status', 'status', status('ready'));
    expect(swr.calls).toHaveLength(1);
    es.emit('reset', 'status', {});
    expect(swr.calls).toHaveLength(2);
  });

  it('reopens with back-off after the browser gives up, and refetches on the new hello', async () => {
    const { swr, stream } = setup();
    respondWith({ items: [], status: status() }, { items: [], status: status() });
    stream.watch(sidecarSetsResource);
    await settle();
    // CONNECTING: the browser retries by itself (with Last-Event-ID); no second EventSource.
    FakeEventSource.all.at(-1)!.fail(false);
    expect(stream.getSnapshot().connection).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeEventSource.all).toHaveLength(1);
    // CLOSED (an HTTP error): the browser gave up, so the stream reopens after a back-off.
    FakeEventSource.all.at(-1)!.fail(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeEventSource.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeEventSource.all).toHaveLength(2);
    FakeEventSource.all.at(-1)!.emit('hello', 'status', status());
    expect(stream.getSnapshot().connection).toBe('open');
    expect(swr.calls).toEqual([{ key: '/api/sidecarsets' }]);
  });

  it('gives its connection back after a while hidden, opens none in the background, and catches up when shown', async () => {
    const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
    doc.visibilityState = 'visible';
    vi.stubGlobal('document', doc);
    const show = (state: DocumentVisibilityState) => {
      doc.visibilityState = state;
      doc.dispatchEvent(new Event('visibilitychange'));
    };
    const { swr, stream } = setup();
    respondWith({ items: [], status: status() });
    stream.watch(sidecarSetsResource);
    await settle();
    const first = FakeEventSource.all.at(-1)!;
    first.emit('hello', 'status', status());
    swr.calls.length = 0;
    // A quick look at another tab keeps the stream.
    show('hidden');
    await vi.advanceTimersByTimeAsync(HIDDEN_GRACE_MS - 1);
    show('visible');
    await vi.advanceTimersByTimeAsync(HIDDEN_GRACE_MS);
    expect(first.readyState).not.toBe(FakeEventSource.CLOSED);
    show('hidden');
    await vi.advanceTimersByTimeAsync(HIDDEN_GRACE_MS);
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(stream.getSnapshot().connection).toBe('paused');
    // A page change while hidden does not connect either.
    stream.watch(sidecarSetResource('mosn'));
    await settle();
    expect(FakeEventSource.all).toHaveLength(1);
    show('visible');
    expect(FakeEventSource.all).toHaveLength(2);
    expect(FakeEventSource.all.at(-1)?.url).toContain('sidecarsets');
    expect(stream.getSnapshot().connection).toBe('connecting');
    FakeEventSource.all.at(-1)!.emit('hello', 'status', status());
    expect(stream.getSnapshot().connection).toBe('open');
    expect(swr.calls.map((c) => c.key).sort()).toEqual([sidecarSetResource('mosn').key, '/api/sidecarsets'].sort());
    stream.stop();
  });
});
