/**
 * Child-process entry for the "floor" anchors: a Node HTTPS server (same TLS setup as the embedded cluster:
 * a per-run P-256 CA, keep-alive) that does no work at all. GET answers a pre-built body of `--bytes`; PATCH
 * answers a pre-built ~5 KB pod-sized body. What the embedded cluster achieves is judged against what moving the
 * same bytes over TLS between two Node processes costs on this machine.
 */
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { generateServingCerts } from '@/lib/embedded-cluster/apiserver/tls';

const bytes = Number(process.argv[2] ?? '0');
const listBody = Buffer.alloc(bytes, 'x');
// Carries a resourceVersion because the writers read one from every answer.
const writeBody = Buffer.from(JSON.stringify({ metadata: { resourceVersion: '1' }, pad: 'y'.repeat(4950) }));

const certs = await generateServingCerts(['127.0.0.1']);
const SLAB = 1 << 20;

/** Large bodies go out in 1 MB slabs with backpressure, as the embedded cluster's LIST does, so both pipeline alike. */
async function send(res: ServerResponse, body: Buffer): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  if (body.length === 0) res.end();
  for (let off = 0; off < body.length; off += SLAB) {
    const end = Math.min(off + SLAB, body.length);
    if (end === body.length) res.end(body.subarray(off, end));
    else if (!res.write(body.subarray(off, end))) await once(res, 'drain');
  }
}

const server = createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
  req.resume();
  req.on('end', () => { void send(res, req.method === 'GET' ? listBody : writeBody); });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  process.send?.({ url: `https://127.0.0.1:${port}`, ca: certs.caCert });
});
process.on('disconnect', () => process.exit(0));
