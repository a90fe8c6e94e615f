/**
 * Child-process entry: holds N watch connections, so their TLS decryption and line scanning run on their own
 * event loop, apart from the load generator and from the server. Started by watchers.ts; speaks watch-protocol.
 */
import { connect, type TLSSocket } from 'node:tls';
import { ChunkedResponseReader } from './chunked-decoder';
import { firstResourceVersion } from './https-client';
import { epochMs, type AgentReport, type FromAgent, type ToAgent } from './watch-protocol';

const NL = 10;

class Watcher {
  rvs: number[] = [];
  latencies: number[] = [];
  bytes = 0;
  lastRv = 0;
  closed = false;
  error: string | undefined;
  firstAt = Number.POSITIVE_INFINITY;
  lastAt = 0;
  private partial: Buffer | undefined;

  constructor(private readonly marker: Buffer) {}

  reset(): void {
    this.rvs = [];
    this.latencies = [];
    this.bytes = 0;
    this.firstAt = Number.POSITIVE_INFINITY;
    this.lastAt = 0;
  }

  /** Scan a chunk line by line with Buffer.indexOf: parsing 5 KB of JSON per event would make the client the bottleneck. */
  onChunk(chunk: Buffer): void {
    const now = epochMs();
    this.bytes += chunk.length;
    let start = 0;
    if (this.partial) {
      // Only the straddling line is copied, not the whole chunk.
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.partial = Buffer.concat([this.partial, chunk]);
        return;
      }
      const line = Buffer.concat([this.partial, chunk.subarray(0, nl + 1)]);
      this.partial = undefined;
      this.onLine(line, 0, line.length - 1, now);
      start = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(NL, start);
      if (nl < 0) break;
      this.onLine(chunk, start, nl, now);
      start = nl + 1;
    }
    if (start < chunk.length) this.partial = Buffer.from(chunk.subarray(start));
  }

  private onLine(buf: Buffer, from: number, to: number, now: number): void {
    const rv = firstResourceVersion(buf, from, to);
    if (rv === undefined) return;
    this.rvs.push(rv);
    this.lastRv = Math.max(this.lastRv, rv);
    if (now < this.firstAt) this.firstAt = now;
    this.lastAt = now;
    const at = buf.subarray(from, to).indexOf(this.marker);
    if (at < 0) return;
    const start = from + at + this.marker.length;
    const end = buf.indexOf(34 /* '"' */, start);
    const ts = Number(buf.toString('latin1', start, end));
    if (Number.isFinite(ts)) this.latencies.push(now - ts);
  }
}

let watchers: Watcher[] = [];
let cpuAtReset = process.cpuUsage();
const sockets: TLSSocket[] = [];
const send = (m: FromAgent): void => { process.send?.(m); };

/** One watch per raw TLS connection (CA-verified), read with ChunkedResponseReader; see there for why. */
function open(m: Extract<ToAgent, { type: 'open' }>): void {
  const url = new URL(m.path, m.endpoint.url);
  const failed: string[] = [];
  let pending = m.count;
  const settle = (): void => { if (--pending === 0) send({ type: 'opened', ok: m.count - failed.length, failed }); };
  const marker = Buffer.from(m.marker);
  watchers = Array.from({ length: m.count }, () => new Watcher(marker));
  for (const w of watchers) {
    let settled = false;
    const once = (err?: string): void => {
      if (settled) return;
      settled = true;
      if (err) failed.push(err);
      settle();
    };
    const reader = new ChunkedResponseReader((b) => w.onChunk(b), (status) => once(status === 200 ? undefined : `HTTP ${status}`));
    const socket = connect({ host: url.hostname, port: Number(url.port), ca: m.endpoint.ca, ALPNProtocols: ['http/1.1'] }, () => {
      socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${m.endpoint.token}\r\nAccept: application/json\r\n\r\n`);
    });
    sockets.push(socket);
    socket.on('data', (c: Buffer) => {
      try {
        reader.push(c);
        if (reader.ended) w.closed = true;
      } catch (e) {
        w.closed = true;
        w.error = (e as Error).message;
        socket.destroy();
      }
    });
    socket.on('error', (e) => { w.error = e.message; once(e.message); });
    socket.on('close', () => { w.closed = true; once('connection closed before the response'); });
  }
}

function check(expect: Set<number>): AgentReport {
  let complete = 0;
  let missingTotal = 0;
  let outOfOrderTotal = 0;
  let duplicateTotal = 0;
  let delivered = 0;
  let bytes = 0;
  let firstAt = Number.POSITIVE_INFINITY;
  let lastAt = 0;
  const latencies: number[] = [];
  for (const w of watchers) {
    const seen = new Set<number>();
    let prev = 0;
    let outOfOrder = 0;
    let dup = 0;
    for (const rv of w.rvs) {
      if (rv <= prev) outOfOrder++;
      prev = rv;
      if (!expect.has(rv)) continue;
      if (seen.has(rv)) dup++;
      seen.add(rv);
    }
    const missing = expect.size - seen.size;
    if (missing === 0 && outOfOrder === 0 && dup === 0) complete++;
    missingTotal += missing;
    outOfOrderTotal += outOfOrder;
    duplicateTotal += dup;
    delivered += seen.size;
    bytes += w.bytes;
    firstAt = Math.min(firstAt, w.firstAt);
    lastAt = Math.max(lastAt, w.lastAt);
    for (const l of w.latencies) latencies.push(l);
  }
  return {
    watchers: watchers.length, complete, missingTotal, outOfOrderTotal, duplicateTotal,
    closed: watchers.filter((w) => w.closed).length,
    errors: [...new Set(watchers.flatMap((w) => (w.error ? [w.error] : [])))],
    delivered, bytes, latencies: Float64Array.from(latencies), firstReceiveEpoch: firstAt, lastReceiveEpoch: lastAt, timedOut: false,
    clientCpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpuAtReset)),
  };
}

async function drain(m: Extract<ToAgent, { type: 'drain' }>): Promise<void> {
  const lastRv = m.expectRvs.reduce((a, b) => Math.max(a, b), 0);
  const deadline = performance.now() + m.timeoutMs;
  const caughtUp = (): boolean => watchers.every((w) => w.closed || w.lastRv >= lastRv);
  while (!caughtUp() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const report = check(new Set(m.expectRvs));
  report.timedOut = !caughtUp();
  send({ type: 'report', report });
}

process.on('message', (raw) => {
  const m = raw as ToAgent;
  try {
    if (m.type === 'open') open(m);
    else if (m.type === 'reset') {
      watchers.forEach((w) => w.reset());
      cpuAtReset = process.cpuUsage();
      send({ type: 'reset-done' });
    }
    else if (m.type === 'drain') void drain(m).catch((e: unknown) => send({ type: 'error', message: String(e) }));
    else if (m.type === 'close') {
      for (const sock of sockets) sock.destroy();
      send({ type: 'closed' });
      process.disconnect();
    }
  } catch (e) {
    send({ type: 'error', message: (e as Error).message });
  }
});
