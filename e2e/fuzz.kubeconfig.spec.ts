import { expect, test, type APIRequestContext } from '@playwright/test';
import { clusterClient } from './support/cluster';

/**
 * Malformed requests to every mutating route: random JSON, wrong types, huge strings, broken encodings, bad
 * methods, foreign origins. None may crash the server (5xx) or change the cluster.
 */
test.describe.configure({ mode: 'serial' });

const PER_ROUTE = 1000;

/** mulberry32: a seeded PRNG, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gen(r: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const str = (max = 40): string => Array.from({ length: Math.floor(r() * max) }, () => String.fromCharCode(Math.floor(r() * 0xffff))).join('');
  const value = (depth = 0): unknown => {
    const k = Math.floor(r() * (depth > 3 ? 6 : 9));
    switch (k) {
      case 0: return null;
      case 1: return r() < 0.5;
      case 2: return (r() - 0.5) * 1e12;
      case 3: return str();
      case 4: return pick(['mosn', 'Mosn', '../etc', 'a/b', '', ' ', 'tinyqian/mosn:v2', 'x'.repeat(5000), '%00', '{{7*7}}']);
      case 5: return Number.NaN;
      case 6: return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < 1 + Math.floor(r() * 4); i++) o[pick(['container', 'image', 'fromImage', 'context', 'token', '__proto__', 'constructor', str(8)])] = value(depth + 1);
        return o;
      }
    }
  };
  /** Never a valid request: the mutation must not happen. */
  const body = (): { data: string | Buffer; type?: string } => {
    switch (Math.floor(r() * 8)) {
      case 0: return { data: '{"container": "mosn", "image": ', type: 'application/json' };
      case 1: return { data: JSON.stringify({ container: 'mosn', image: pick(['', 'UPPER/Case', 'a b', 'x'.repeat(300), 'img@sha256:short', ':tag', 'repo::x']) }), type: 'application/json' };
      case 2: return { data: JSON.stringify({ container: value(), image: value(), extra: value() }), type: 'application/json' };
      case 3: return { data: JSON.stringify({ huge: 'y'.repeat(20_000 + Math.floor(r() * 10_000)) }), type: 'application/json' };
      case 4: return { data: Buffer.from(Array.from({ length: 64 }, () => Math.floor(r() * 256))), type: pick(['application/json', 'application/octet-stream']) };
      case 5: return { data: JSON.stringify(value()) || 'null', type: pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', '']) };
      case 6: return { data: JSON.stringify({ [str(6)]: value(), token: value() }), type: 'application/json' };
      default: {
        const v = value();
        // Plain `{}` is a valid pause/resume: replace it with something that is not.
        const s = JSON.stringify(v);
        return { data: s === '{}' || s === undefined ? '[]' : s, type: 'application/json' };
      }
    }
  };
  const method = (): string => pick(['POST', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'GET']);
  const origins: Array<Record<string, string>> = [{}, {}, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { origin: 'null' }, { 'sec-fetch-site': 'same-site' }];
  const origin = (): Record<string, string> => pick(origins);
  return { body, method, origin };
}

const ROUTES = [
  '/api/sidecarsets/mosn/upgrade',
  '/api/sidecarsets/mosn/pause',
  '/api/sidecarsets/mosn/resume',
  '/api/cluster/context',
  '/api/cluster/retry',
  '/api/session',
  '/api/sidecarsets/no-such/upgrade',
];

async function clusterFingerprint(): Promise<string> {
  const ss = (await clusterClient().getMosn()) as { metadata?: { generation?: number; annotations?: Record<string, string> }; spec?: unknown };
  return JSON.stringify({ generation: ss.metadata?.generation, annotations: ss.metadata?.annotations, spec: ss.spec });
}

async function fire(api: APIRequestContext, path: string, seed: number): Promise<Map<number, number>> {
  const r = rng(seed);
  const g = gen(r);
  const statuses = new Map<number, number>();
  for (let batch = 0; batch < PER_ROUTE / 20; batch++) {
    const results = await Promise.all(Array.from({ length: 20 }, async () => {
      const { data, type } = g.body();
      const headers: Record<string, string> = { ...g.origin(), ...(type ? { 'content-type': type } : {}) };
      const m = g.method();
      const res = await api.fetch(path, { method: m, headers, data: m === 'GET' ? undefined : data, failOnStatusCode: false });
      return res.status();
    }));
    for (const s of results) statuses.set(s, (statuses.get(s) ?? 0) + 1);
  }
  return statuses;
}

for (const [i, path] of ROUTES.entries()) {
  test(`fuzz ${path}: ${PER_ROUTE} malformed requests, no 5xx, no cluster change`, async ({ request }) => {
    const before = await clusterFingerprint();
    const statuses = await fire(request, path, 1000 + i);
    const counted = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(counted).toBe(PER_ROUTE);
    const fiveHundreds = [...statuses.entries()].filter(([s]) => s >= 500);
    expect(fiveHundreds, `statuses: ${JSON.stringify(Object.fromEntries(statuses))}`).toEqual([]);
    expect(await clusterFingerprint()).toBe(before);
  });
}
