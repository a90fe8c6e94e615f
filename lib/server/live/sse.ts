import type { Bus, SentMessage } from './bus';
import { topicMatcher } from './bus';

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

function frame(m: SentMessage): Uint8Array {
  return encoder.encode(`id: ${m.id}\nevent: ${m.event}\ndata: {"topic":${JSON.stringify(m.topic)},"data":${m.json}}\n\n`);
}

/**
 * A Server-Sent Events response fed by the bus: replays what a reconnecting tab missed (Last-Event-ID), or tells
 * it to refetch (`reset`) when the ring no longer holds it; comments keep proxies from timing the stream out.
 */
export function sseResponse(
  bus: Bus, topics: string[], lastEventId: number | undefined, signal: AbortSignal, initial: () => unknown,
  refused: ReadonlyArray<{ topic: string; reason: string }> = [],
): Response {
  const wants = topicMatcher(topics);
  let cleanup = (): void => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array): void => {
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      send(encoder.encode(`retry: 1000\n\n`));
      if (lastEventId !== undefined) {
        const replay = bus.replaySince(lastEventId, wants);
        if (!replay.complete) send(encoder.encode(`id: ${bus.lastId}\nevent: reset\ndata: {"topic":"status","data":{"reason":"missed too much; refetch"}}\n\n`));
        else for (const m of replay.messages) send(frame(m));
      }
      send(encoder.encode(`event: hello\ndata: ${JSON.stringify({ topic: 'status', data: initial(), lastId: bus.lastId, ...(refused.length ? { refused } : {}) })}\n\n`));
      const unsubscribe = bus.subscribe(wants, (m) => send(frame(m)));
      const beat = setInterval(() => send(encoder.encode(`: keep-alive ${Date.now()}\n\n`)), HEARTBEAT_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(beat);
      };
      signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps `next start`'s compression (and proxies) from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
