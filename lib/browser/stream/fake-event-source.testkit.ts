/**
 * Test support for LiveStream's tests: the browser's EventSource reduced to what LiveStream uses, driven by the
 * test. Nothing in the app imports it.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, Array<(e: { data: string; lastEventId: string }) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(name: string, fn: (e: { data: string; lastEventId: string }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  /** One event as the server frames it; `id` is its SSE id (the server's `hello` has none). */
  emit(name: string, topic: string, data: unknown, id?: number) {
    this.emitRaw(name, JSON.stringify({ topic, data }), id);
  }
  /** The server's `hello`: the status, and the bus's last id when the connection opened. */
  hello(data: unknown, lastId: number) {
    this.emitRaw('hello', JSON.stringify({ topic: 'status', data, lastId }));
  }
  emitRaw(name: string, data: string, id?: number) {
    this.readyState = FakeEventSource.OPEN;
    for (const fn of this.listeners.get(name) ?? []) fn({ data, lastEventId: id === undefined ? '' : String(id) });
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

/** Fake timers and a fresh FakeEventSource as the global EventSource for every test of the calling file. */
export function useFakeEventSource(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.all = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
