import { connect, type TLSSocket } from 'node:tls';
import type { ApiEndpoint, ApiResponse } from './https-client';

const HEADER_END = Buffer.from('\r\n\r\n');

interface Waiting {
  resolve(r: ApiResponse): void;
  reject(e: Error): void;
  startedAt: number;
}

/**
 * One keep-alive HTTP/1.1 connection over TLS (CA-verified, like any client) that carries one request at a
 * time and reads Content-Length responses. The write benchmark's load generator runs on the same 2 cores as
 * the server; node:https spends ~300 µs of client CPU per request there, which would make the client, not the
 * server, the bottleneck. This does the same protocol work with a fraction of the overhead.
 */
export class LeanConnection {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: Waiting | undefined;
  private readonly hostHeader: string;

  private constructor(private readonly socket: TLSSocket, private readonly ep: ApiEndpoint) {
    const u = new URL(ep.url);
    this.hostHeader = u.host;
    socket.on('data', (c: Buffer) => this.onData(c));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static open(ep: ApiEndpoint): Promise<LeanConnection> {
    const u = new URL(ep.url);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: u.hostname, port: Number(u.port), ca: ep.ca, ALPNProtocols: ['http/1.1'] }, () => resolve(new LeanConnection(socket, ep)));
      socket.once('error', reject);
      socket.setNoDelay(true);
    });
  }

  request(method: string, path: string, body: string, contentType: string): Promise<ApiResponse> {
    if (this.waiting) return Promise.reject(new Error('LeanConnection carries one request at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject, startedAt: performance.now() };
      this.socket.write(
        `${method} ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nAuthorization: Bearer ${this.ep.token}\r\n` +
        `Accept: application/json\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const w = this.waiting;
    if (!w) return;
    const end = this.buf.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buf.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const len = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!len?.[1]) {
      this.fail(new Error(`response without Content-Length: ${head.split('\r\n', 1)[0] ?? ''}`));
      return;
    }
    const total = end + HEADER_END.length + Number(len[1]);
    if (this.buf.length < total) return;
    const body = this.buf.subarray(end + HEADER_END.length, total);
    this.buf = this.buf.subarray(total);
    this.waiting = undefined;
    w.resolve({ status, headers: {}, body, startedAt: w.startedAt, endedAt: performance.now() });
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(e);
  }
}

/** `size` LeanConnections; a request waits for a free one (FIFO), as a client with a bounded connection pool does. */
export class LeanPool {
  private readonly idle: LeanConnection[] = [];
  private readonly queue: Array<(c: LeanConnection) => void> = [];

  private constructor(private readonly all: LeanConnection[]) {
    this.idle.push(...all);
  }

  static async open(ep: ApiEndpoint, size: number): Promise<LeanPool> {
    return new LeanPool(await Promise.all(Array.from({ length: size }, () => LeanConnection.open(ep))));
  }

  async request(method: string, path: string, body: string, contentType: string): Promise<ApiResponse> {
    const conn = this.idle.pop() ?? await new Promise<LeanConnection>((r) => this.queue.push(r));
    try {
      return await conn.request(method, path, body, contentType);
    } finally {
      const next = this.queue.shift();
      if (next) next(conn);
      else this.idle.push(conn);
    }
  }

  close(): void {
    for (const c of this.all) c.close();
  }
}
