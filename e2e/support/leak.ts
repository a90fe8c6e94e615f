/**
 * "Cluster data" for the leak checks: strings that only the cluster's objects contain (images, the selector's key,
 * the names of pods), read through the API as someone who may read them, so the check follows the cluster's state.
 * The cluster's and context's names, and what the caller typed into the URL, are not cluster data.
 */
import { expect, type APIRequestContext } from '@playwright/test';

export interface Markers {
  /** Every distinctive string of the mosn SidecarSet and its pods. */
  all: string[];
  /** A pod of mosn, for the per-pod URLs. */
  pod: { namespace: string; name: string };
}

interface Detail {
  summary: { containers: Array<{ image?: string; emptyImage?: string }>; selectorText: string };
  pods: Array<{ namespace: string; name: string; containers?: Array<{ image?: string }> }>;
}

export async function clusterMarkers(api: APIRequestContext, headers: Record<string, string> = {}): Promise<Markers> {
  const res = await api.get('/api/sidecarsets/mosn', { headers });
  expect(res.status(), 'a reader must see mosn to know what must not leak').toBe(200);
  const d = (await res.json()) as Detail;
  const pod = d.pods[0];
  if (!pod) throw new Error('mosn selects no pods');
  const all = new Set<string>();
  for (const c of d.summary.containers) {
    if (c.image) all.add(c.image);
    if (c.emptyImage) all.add(c.emptyImage);
  }
  all.add(d.summary.selectorText.split('=')[0] ?? d.summary.selectorText);
  for (const p of d.pods) all.add(p.name);
  return { all: [...all].filter((m) => m.length >= 6), pod: { namespace: pod.namespace, name: pod.name } };
}

/** The markers found in `text`, except the ones the URL itself carries. */
export function leaked(text: string, markers: Markers, url: string): string[] {
  return markers.all.filter((m) => !url.includes(m) && text.includes(m));
}

export function pagePaths(m: Markers): string[] {
  return ['/', '/sidecarsets/mosn', `/sidecarsets/mosn/pods/${m.pod.namespace}/${m.pod.name}`];
}

export function apiPaths(m: Markers): string[] {
  return [
    '/api/sidecarsets', '/api/sidecarsets/mosn', '/api/sidecarsets/mosn/timeline', '/api/sidecarsets/mosn/audit',
    '/api/sidecarsets/mosn/permissions', `/api/pods/${m.pod.namespace}/${m.pod.name}/timeline`, '/api/cluster', '/api/session',
  ];
}

export function streamPath(m: Markers): string {
  return `/api/stream?topics=sidecarsets,status,sidecarset/mosn,timeline/mosn,pod/${m.pod.namespace}/${m.pod.name}`;
}

/** The status and the first second of a stream (an SSE response never ends by itself). */
export async function readStream(baseURL: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const ctl = new AbortController();
  const res = await fetch(new URL(path, baseURL), { headers, signal: ctl.signal });
  let text = '';
  if (res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const until = Date.now() + 1000;
    try {
      while (Date.now() < until) {
        const chunk = await Promise.race([reader.read(), new Promise<undefined>((r) => setTimeout(() => r(undefined), until - Date.now()))]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } finally {
      ctl.abort();
    }
  }
  return { status: res.status, text };
}
