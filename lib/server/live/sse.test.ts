/**
 * The bus's ring and the SSE stream it feeds, read as a browser would read /api/stream: frames parsed off the
 * Response body. A tab that reconnects with Last-Event-ID gets exactly the messages it missed on its topics (and
 * `status`), in order, then live ones with no gap or repeat; when the ring no longer holds them it gets `reset`.
 */
import { describe, expect, it } from 'vitest';
import { Bus, topicMatcher } from './bus';
import { sseResponse } from './sse';

interface Frame {
  id?: string;
  event?: string;
  data?: { topic: string; data: unknown; lastId?: number };
}

/** Read frames off an SSE body until `until` says enough (the stream itself never ends on its own). */
async function readFrames(res: Response, until: (frames: Frame[]) => boolean): Promise<Frame[]> {
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buf = '';
  while (!until(frames)) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const f: Frame = {};
      for (const line of block.split('\n')) {
        const m = /^(id|event|data): (.*)$/.exec(line);
        if (m?.[1] === 'id') f.id = m[2];
        else if (m?.[1] === 'event') f.event = m[2];
        else if (m?.[1] === 'data') f.data = JSON.parse(m[2] ?? 'null') as Frame['data'];
      }
      // `retry:` and `: keep-alive` blocks carry no event.
      if (f.event) frames.push(f);
    }
  }
  reader.releaseLock();
  return frames;
}

const helloIndex = (fs: Frame[]): number => fs.findIndex((f) => f.event === 'hello');
const summary = (fs: Frame[]): string[] => fs.map((f) => `${f.id ?? '-'} ${f.event ?? ''} ${f.data?.topic ?? ''}`);

/** Seven messages: ids 1..7 over the topics a page may or may not want. */
function busWithHistory(capacity?: number): Bus {
  const bus = new Bus(capacity);
  bus.publish('sidecarsets', 'summaries', { n: 1 });
  bus.publish('sidecarset/a', 'detail', { n: 2 });
  bus.publish('sidecarset/b', 'detail', { n: 3 });
  bus.publish('status', 'status', { n: 4 });
  bus.publish('sidecarset/a', 'detail', { n: 5 });
  bus.publish('timeline/a', 'timeline', { n: 6 });
  bus.publish('sidecarset/a', 'removed', { n: 7 });
  return bus;
}

describe('Bus.replaySince', () => {
  it('returns what came after the id on the wanted topics plus status, and says whether that is everything', () => {
    const bus = busWithHistory();
    const r = bus.replaySince(2, topicMatcher(['sidecarset/a']));
    expect(r.complete).toBe(true);
    expect(r.messages.map((m) => m.id)).toEqual([4, 5, 7]);
    expect(bus.replaySince(7, topicMatcher(['sidecarset/a']))).toEqual({ messages: [], complete: true });
    // An id from the future (a server restart reset the sequence) has nothing to replay.
    expect(bus.replaySince(99, () => true)).toEqual({ messages: [], complete: true });
  });

  it('is complete only while the ring still holds the message right after the id', () => {
    const bus = busWithHistory(3);
    expect(bus.replaySince(4, () => true)).toMatchObject({ complete: true });
    expect(bus.replaySince(4, () => true).messages.map((m) => m.id)).toEqual([5, 6, 7]);
    expect(bus.replaySince(3, () => true).complete).toBe(false);
    expect(bus.replaySince(0, () => true).complete).toBe(false);
  });

  it('keeps at most maxChars of JSON (always the newest message) and only the JSON, not the data', () => {
    const bus = new Bus(100, 30);
    const big = { s: 'x'.repeat(20) };
    for (let i = 0; i < 3; i++) bus.publish('x', 'e', big);
    // 28 chars each: only the newest fits.
    expect(bus.replaySince(0, () => true).messages.map((m) => m.id)).toEqual([3]);
    bus.publish('x', 'e', { s: 'y'.repeat(40) });
    expect(bus.replaySince(3, () => true)).toMatchObject({ complete: true, messages: [{ id: 4 }] });
    expect(bus.replaySince(2, () => true).complete).toBe(false);
    bus.publish('x', 'e', 1);
    // The 48-char message alone is over the cap, so the next one pushes it out.
    expect(bus.replaySince(3, () => true)).toEqual({ complete: false, messages: [{ id: 5, topic: 'x', event: 'e', json: '1' }] });
    expect(bus.replaySince(0, () => true).messages.every((m) => !('data' in m))).toBe(true);
  });

  it('serialises each message once and survives a failing subscriber', () => {
    const bus = new Bus();
    const got: number[] = [];
    bus.subscribe(() => true, () => { throw new Error('a broken tab'); });
    bus.subscribe((t) => t === 'x', (m) => got.push(m.id));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const m = bus.publish('x', 'e', { a: [1, 2] });
      expect(m.json).toBe('{"a":[1,2]}');
    } finally {
      console.error = quiet;
    }
    expect(got).toEqual([1]);
    expect(bus.lastId).toBe(1);
  });
});

describe('sseResponse', () => {
  it('replays exactly the missed messages after Last-Event-ID, then hello, then live messages without a gap or repeat', async () => {
    const bus = busWithHistory();
    const ctrl = new AbortController();
    const res = sseResponse(bus, ['sidecarset/a'], 2, ctrl.signal, () => ({ phase: 'ready' }));
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    // Published after the replay was taken but before anything was read: must arrive once, after hello.
    bus.publish('sidecarset/a', 'detail', { n: 8 });
    bus.publish('sidecarset/b', 'detail', { n: 9 });
    bus.publish('status', 'gap', { n: 10 });
    const frames = await readFrames(res, (fs) => fs.some((f) => f.id === '10'));
    ctrl.abort();
    expect(summary(frames)).toEqual([
      '4 status status', '5 detail sidecarset/a', '7 removed sidecarset/a',
      '- hello status',
      '8 detail sidecarset/a', '10 gap status',
    ]);
    expect(frames[1]?.data?.data).toEqual({ n: 5 });
    expect(frames[helloIndex(frames)]?.data).toEqual({ topic: 'status', data: { phase: 'ready' }, lastId: 7 });
  });

  it('starts with hello and no replay when the browser sends no Last-Event-ID', async () => {
    const bus = busWithHistory();
    const ctrl = new AbortController();
    const frames = await readFrames(sseResponse(bus, ['sidecarsets'], undefined, ctrl.signal, () => 'init'), (fs) => helloIndex(fs) >= 0);
    ctrl.abort();
    expect(summary(frames)).toEqual(['- hello status']);
    expect(frames[0]?.data).toEqual({ topic: 'status', data: 'init', lastId: 7 });
  });

  it('sends one reset (with the current id, so the next resume starts from now) when the ring lost what was missed', async () => {
    const bus = busWithHistory(3);
    const ctrl = new AbortController();
    const res = sseResponse(bus, ['sidecarset/a'], 2, ctrl.signal, () => ({}));
    bus.publish('sidecarset/a', 'detail', { n: 8 });
    const frames = await readFrames(res, (fs) => fs.some((f) => f.id === '8'));
    ctrl.abort();
    expect(summary(frames)).toEqual(['7 reset status', '- hello status', '8 detail sidecarset/a']);
    expect(frames[0]?.data).toEqual({ topic: 'status', data: { reason: 'missed too much; refetch' } });
  });

  it('unsubscribes from the bus when the request is aborted or the reader cancels', async () => {
    const bus = busWithHistory();
    const aborted = new AbortController();
    const a = sseResponse(bus, ['sidecarsets'], undefined, aborted.signal, () => ({}));
    const b = sseResponse(bus, ['sidecarsets'], undefined, new AbortController().signal, () => ({}));
    expect(bus.subscriberCount()).toBe(2);
    aborted.abort();
    expect(bus.subscriberCount()).toBe(1);
    await b.body?.cancel();
    expect(bus.subscriberCount()).toBe(0);
    // The aborted stream ends for its reader after what was queued before the abort; nothing later reaches it.
    bus.publish('sidecarsets', 'summaries', { n: 8 });
    expect(summary(await readFrames(a, () => false))).toEqual(['- hello status']);
  });
});
