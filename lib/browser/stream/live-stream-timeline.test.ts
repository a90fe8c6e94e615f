import { describe, expect, it, vi } from 'vitest';
import type { Cache, ScopedMutator, State } from 'swr';
import type { DashboardStatus } from '@/lib/api';
import { FakeEventSource, useFakeEventSource } from './fake-event-source.testkit';
import { LiveStream } from './live-stream';
import type { LiveResource } from './resources';

/** A resource whose value is the list of events it was given. */
const logResource = (topic: string, key: string, statusEvents?: string[]): LiveResource<string[]> => ({
  topic,
  key,
  statusEvents,
  reduce: (current, deltas) => [...current, ...deltas.map((d) => `${d.event}:${JSON.stringify(d.data)}`)],
});

const status: DashboardStatus = { phase: 'ready', caches: [], at: 0 };

describe('LiveStream with timeline resources', () => {
  useFakeEventSource();

  function setup() {
    const cache = new Map<string, State>();
    const refetched: string[] = [];
    const mutate = ((key: string, ...args: unknown[]) => {
      if (args.length) cache.set(key, { data: args[0] });
      else refetched.push(key);
      return Promise.resolve(undefined);
    }) as unknown as ScopedMutator;
    const stream = new LiveStream({ mutate, cache: cache as unknown as Cache }, status);
    stream.start();
    return { stream, cache, refetched };
  }

  it('feeds two resources of one topic, and `gap` events of the status topic to those that take them', async () => {
    const { stream, cache } = setup();
    const all = logResource('timeline/mosn', '/all', ['gap']);
    const one = logResource('timeline/mosn', '/one');
    stream.watch(all);
    stream.watch(one);
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeEventSource.all.map((e) => e.url)).toEqual(['/api/stream?topics=timeline%2Fmosn']);
    cache.set('/all', { data: [] });
    cache.set('/one', { data: [] });
    const es = FakeEventSource.all[0] as FakeEventSource;
    es.emit('timeline', 'timeline/mosn', 1);
    es.emit('gap', 'status', { id: 'g' });
    await vi.advanceTimersByTimeAsync(150);
    expect(cache.get('/all')?.data).toEqual(['timeline:1', 'gap:{"id":"g"}']);
    expect(cache.get('/one')?.data).toEqual(['timeline:1']);
  });

  it('loads a resource added on a topic the open stream already carries, without reopening it', async () => {
    const { stream, refetched } = setup();
    const release = stream.watch(logResource('timeline/mosn', '/all'));
    await vi.advanceTimersByTimeAsync(10);
    const es = FakeEventSource.all[0] as FakeEventSource;
    es.emit('hello', 'status', status);
    expect(refetched).toEqual(['/all']);
    // Navigating from the SidecarSet's timeline to one of its pods: same topic, another key.
    release();
    stream.watch(logResource('timeline/mosn', '/pod'));
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeEventSource.all).toHaveLength(1);
    expect(refetched).toEqual(['/all', '/pod']);
  });
});
