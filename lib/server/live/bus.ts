import type { StreamEvents } from '@/lib/api';
/**
 * The hub behind GET /api/stream: each message has a topic and a monotonically increasing id; the last few
 * thousand are kept so a tab that reconnects with Last-Event-ID gets exactly what it missed, or a `reset` when
 * that is no longer possible. Every tab shares it: nothing here opens a watch on the cluster.
 */
/** What the replay ring keeps of a message: its serialised form only, so old views are not kept alive by it. */
export interface SentMessage {
  id: number;
  topic: string;
  event: string;
  /** The data serialised once, for every subscriber. */
  json: string;
}

export interface BusMessage extends SentMessage {
  data: unknown;
}

export type Subscriber = (m: BusMessage) => void;

export interface Replay {
  /** Messages after the given id on the wanted topics, oldest first. */
  messages: SentMessage[];
  /** False when some were already dropped from the ring: the client must refetch. */
  complete: boolean;
}

export class Bus {
  private seq = 0;
  private readonly ring: SentMessage[] = [];
  private ringChars = 0;
  private readonly subscribers = new Set<{ topics: (t: string) => boolean; fn: Subscriber }>();

  /**
   * @param capacity messages kept for replay
   * @param maxChars and at most this much JSON (~2,000 one-pod deltas): one SidecarSet of 2,000 pods appearing
   *   publishes ~4 MB at once, and a reconnecting tab that missed that much is better served by a refetch
   *   (`reset`) than by a replay. What the ring holds stays resident, so it is kept small.
   */
  constructor(private readonly capacity = 5000, private readonly maxChars = 4 * 2 ** 20) {}

  get lastId(): number {
    return this.seq;
  }

  /** Push one of the stream's events; its `data` is checked against the wire contract at compile time. */
  emit<E extends keyof StreamEvents>(topic: string, event: E, data: StreamEvents[E]): BusMessage {
    return this.publish(topic, event, data);
  }

  /** The untyped transport under emit (tests and benchmarks push arbitrary payloads through it). */
  publish(topic: string, event: string, data: unknown): BusMessage {
    const m: BusMessage = { id: ++this.seq, topic, event, data, json: JSON.stringify(data) };
    this.ring.push({ id: m.id, topic, event, json: m.json });
    this.ringChars += m.json.length;
    // Oldest first, always keeping the newest.
    let drop = 0;
    let chars = this.ringChars;
    while (drop < this.ring.length - 1 && (this.ring.length - drop > this.capacity || chars > this.maxChars)) {
      chars -= (this.ring[drop] as SentMessage).json.length;
      drop++;
    }
    if (drop > 0) {
      this.ring.splice(0, drop);
      this.ringChars = chars;
    }
    for (const s of this.subscribers) {
      if (!s.topics(topic)) continue;
      try {
        s.fn(m);
      } catch (err) {
        console.error('[bus] subscriber failed:', err);
      }
    }
    return m;
  }

  subscribe(topics: (t: string) => boolean, fn: Subscriber): () => void {
    const entry = { topics, fn };
    this.subscribers.add(entry);
    return () => this.subscribers.delete(entry);
  }

  subscriberCount(): number {
    return this.subscribers.size;
  }

  replaySince(lastId: number, topics: (t: string) => boolean): Replay {
    if (lastId >= this.seq) return { messages: [], complete: true };
    const oldest = this.ring[0]?.id ?? this.seq + 1;
    const complete = lastId >= oldest - 1;
    return { messages: this.ring.filter((m) => m.id > lastId && topics(m.topic)), complete };
  }
}

/** `sidecarsets`, `sidecarset/<name>`, `status`: what a page subscribes to. */
export function topicMatcher(wanted: readonly string[]): (t: string) => boolean {
  const set = new Set(wanted);
  return (t) => set.has(t) || t === 'status';
}
