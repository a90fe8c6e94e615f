import { request, type ClientRequest } from 'node:http';
import { epochMs } from './watch-protocol';

export interface SseListener {
  /** Epoch ms at which the first `detail` frame carrying `pod` at `rv` arrived (key `ns/name|rv`). */
  seen: Map<string, number>;
  close(): void;
}

interface DetailFrame {
  data?: { upserts?: Array<{ namespace?: string; name?: string; resourceVersion?: string }> };
}

/**
 * A tab's event stream without the tab: `GET /api/stream?topics=…` read by the benchmark, noting when each pod
 * write's delta reaches a client. Write → here is the server's share (cluster watch, views, SSE); here → DOM
 * (measured in the tabs) is the browser's.
 */
export function listenSse(baseUrl: string, topics: string[]): Promise<SseListener> {
  const seen = new Map<string, number>();
  let req: ClientRequest | undefined;
  return new Promise((resolve, reject) => {
    req = request(`${baseUrl}/api/stream?topics=${encodeURIComponent(topics.join(','))}`, { headers: { Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream: HTTP ${res.statusCode ?? 0}`));
        return;
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = epochMs();
        buf += chunk;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, end);
          buf = buf.slice(end + 2);
          if (!frame.includes('event: detail\n')) continue;
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          for (const u of (JSON.parse(data.slice(6)) as DetailFrame).data?.upserts ?? []) {
            const key = `${u.namespace ?? ''}/${u.name ?? ''}|${u.resourceVersion ?? ''}`;
            if (!seen.has(key)) seen.set(key, at);
          }
        }
      });
      resolve({ seen, close: () => req?.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
