/**
 * HTTP/1.1 response reader for one long-lived chunked response (a watch): strips the status line, the headers
 * and the chunk framing, and hands the payload bytes on as sub-views of the socket's buffers (no copies).
 * The watch clients use it on a raw TLS socket because node:https's parser and stream machinery cost more
 * per event than the event itself, and 50 watchers share the benchmark's cores with the server.
 */
export class ChunkedResponseReader {
  status = 0;
  private head: Buffer | undefined = Buffer.alloc(0);
  /** Bytes left in the current chunk; -1 while reading a size line. */
  private left = -1;
  private sizeLine = '';
  /** CRLF bytes still to skip after a chunk's data. */
  private skip = 0;
  ended = false;

  constructor(private readonly onPayload: (b: Buffer) => void, private readonly onHead: (status: number) => void) {}

  push(buf: Buffer): void {
    let b = buf;
    if (this.head) {
      const all: Buffer = Buffer.concat([this.head, b]);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) {
        this.head = all;
        return;
      }
      const text = all.toString('latin1', 0, end);
      this.status = Number(text.slice(9, 12));
      this.head = undefined;
      this.onHead(this.status);
      if (!/\r\ntransfer-encoding:\s*chunked/i.test(text)) throw new Error(`expected a chunked response, got: ${text.split('\r\n', 1)[0] ?? ''}`);
      b = all.subarray(end + 4);
    }
    let i = 0;
    while (i < b.length && !this.ended) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, b.length - i);
        this.skip -= n;
        i += n;
      } else if (this.left < 0) {
        const nl = b.indexOf(10, i);
        if (nl < 0) {
          this.sizeLine += b.toString('latin1', i);
          return;
        }
        this.sizeLine += b.toString('latin1', i, nl);
        const size = parseInt(this.sizeLine.trim().split(';', 1)[0] ?? '', 16);
        this.sizeLine = '';
        i = nl + 1;
        if (!Number.isFinite(size)) throw new Error('bad chunk size');
        if (size === 0) this.ended = true;
        else this.left = size;
      } else {
        const n = Math.min(this.left, b.length - i);
        this.onPayload(b.subarray(i, i + n));
        this.left -= n;
        i += n;
        if (this.left === 0) {
          this.left = -1;
          this.skip = 2;
        }
      }
    }
  }
}
