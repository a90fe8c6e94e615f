// Preloaded into the benchmarked `next start` (node --import) so the benchmark can read what only the server
// process knows, without adding a debug route to the product: its heap after a forced GC (needs --expose-gc) and
// the shared dashboard state that context.ts keeps on globalThis (open SSE streams, timeline entries).
// Serves plain HTTP on the Unix socket named by BENCH_PROBE_SOCKET; nothing listens on a TCP port.
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';

const socket = process.env.BENCH_PROBE_SOCKET;
const DASHBOARDS = Symbol.for('sidecarset-dashboard.dashboards');

function memory(collect) {
  // Two passes: the first can leave weakly reachable objects that the second frees.
  if (collect && typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  return { ...process.memoryUsage(), gcForced: collect && typeof globalThis.gc === 'function' };
}

function dashboards() {
  const map = globalThis[DASHBOARDS];
  if (!(map instanceof Map)) return [];
  return [...map.values()].map((d) => ({
    context: d.session?.context,
    phase: d.session?.state?.phase,
    streams: typeof d.bus?.subscriberCount === 'function' ? d.bus.subscriberCount() : undefined,
    busLastId: d.bus?.lastId,
    timelineEntries: typeof d.timeline?.entryCount === 'function' ? d.timeline.entryCount() : undefined,
  }));
}

if (socket) {
  rmSync(socket, { force: true });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://probe');
    let body;
    if (url.pathname === '/memory') body = memory(url.searchParams.get('gc') === '1');
    else if (url.pathname === '/dashboards') body = dashboards();
    else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  server.listen(socket);
  // Never keep the dashboard alive on our account.
  server.unref();
}
