import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { clusterClient, currentMosnImage, setMosnImageDirectly } from './support/cluster';

/**
 * The JSON API against a dashboard that reaches `npm run cluster` through a kubeconfig, as it would a real
 * cluster: bad input is refused with the right status before anything changes, and a concurrent writer is
 * never overwritten.
 */
test.describe.configure({ mode: 'serial' });

interface ErrorBody {
  error: { status: number; reason: string; message: string };
}

async function post(api: APIRequestContext, path: string, data: unknown, headers: Record<string, string> = {}) {
  return api.post(path, { data: typeof data === 'string' ? data : JSON.stringify(data), headers: { 'content-type': 'application/json', ...headers } });
}

test('lists the SidecarSets and the pods mosn selects', async ({ request }) => {
  const list = await request.get('/api/sidecarsets');
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { items: Array<{ name: string; containers: Array<{ name: string; upgradeType: string }> }> };
  const mosn = body.items.find((s) => s.name === 'mosn');
  expect(mosn?.containers[0]).toMatchObject({ name: 'mosn', upgradeType: 'HotUpgrade' });

  const detail = await request.get('/api/sidecarsets/mosn');
  expect(detail.status()).toBe(200);
  const d = (await detail.json()) as { pods: Array<{ name: string; member: boolean; hotSidecars: Array<{ workingSlot: string }> }> };
  expect(d.pods.length).toBe(3);
  for (const p of d.pods) {
    expect(p.member).toBe(true);
    expect(p.hotSidecars[0]?.workingSlot).toMatch(/^mosn-[12]$/);
  }
});

test('refuses a malformed image with 400 and changes nothing', async ({ request }) => {
  const before = await currentMosnImage();
  const res = await post(request, '/api/sidecarsets/mosn/upgrade', { container: 'mosn', image: 'Not An Image!' });
  expect(res.status()).toBe(400);
  expect(((await res.json()) as ErrorBody).error.reason).toBe('BadRequest');
  expect(await currentMosnImage()).toBe(before);
});

test('refuses an unknown container with 422', async ({ request }) => {
  const res = await post(request, '/api/sidecarsets/mosn/upgrade', { container: 'envoy', image: 'tinyqian/mosn:v9' });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as ErrorBody).error.message).toContain('no container "envoy"');
});

test('answers 404 for an unknown SidecarSet and 400 for a bad name', async ({ request }) => {
  const missing = await post(request, '/api/sidecarsets/no-such-set/upgrade', { container: 'mosn', image: 'tinyqian/mosn:v9' });
  expect(missing.status()).toBe(404);
  expect((await request.get('/api/sidecarsets/no-such-set')).status()).toBe(404);
  for (const bad of ['Mosn', 'a%2Fb', 'mosn.x', `m${'o'.repeat(70)}`]) {
    expect((await post(request, `/api/sidecarsets/${bad}/upgrade`, { container: 'mosn', image: 'tinyqian/mosn:v9' })).status()).toBe(400);
  }
  // `..`, even encoded, is a dot-segment that URL parsing resolves before routing: it addresses another path.
  const dots = await post(request, '/api/sidecarsets/%2E%2E/upgrade', { container: 'mosn', image: 'tinyqian/mosn:v9' });
  expect(dots.status()).toBe(404);
  expect(((await dots.json()) as ErrorBody).error.reason).toBe('NotFound');
});

test('refuses a malformed JSON body with 400, a wrong content type with 415, and a huge body with 413', async ({ request }) => {
  expect((await post(request, '/api/sidecarsets/mosn/upgrade', '{"container": "mosn", ')).status()).toBe(400);
  const text = await request.post('/api/sidecarsets/mosn/upgrade', { data: 'container=mosn', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(text.status()).toBe(415);
  expect((await post(request, '/api/sidecarsets/mosn/upgrade', { container: 'mosn', image: `x${'a'.repeat(20_000)}` })).status()).toBe(413);
});

test('refuses a cross-origin POST with 403', async ({ request }) => {
  const res = await post(request, '/api/sidecarsets/mosn/pause', {}, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
  expect(res.status()).toBe(403);
  expect((await clusterClient().getMosn()).spec?.updateStrategy?.paused ?? false).toBe(false);
});

test('a concurrent change gives 409 and the other writer\'s image survives', async ({ request }) => {
  const seen = await currentMosnImage();
  const otherWriter = seen === 'tinyqian/mosn:v7' ? 'tinyqian/mosn:v8' : 'tinyqian/mosn:v7';
  await setMosnImageDirectly(otherWriter);
  const res = await post(request, '/api/sidecarsets/mosn/upgrade', { container: 'mosn', image: 'tinyqian/mosn:v6', fromImage: seen });
  expect(res.status()).toBe(409);
  expect(((await res.json()) as ErrorBody).error.message).toContain(otherWriter);
  expect(await currentMosnImage()).toBe(otherWriter);
});

test('an upgrade patches the cluster, and pause/resume flip updateStrategy.paused', async ({ request }) => {
  const from = await currentMosnImage();
  const to = from === 'tinyqian/mosn:v2' ? 'tinyqian/mosn:v3' : 'tinyqian/mosn:v2';
  const res = await post(request, '/api/sidecarsets/mosn/upgrade', { container: 'mosn', image: to, fromImage: from });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ name: 'mosn', container: 'mosn', from, to });
  expect(await currentMosnImage()).toBe(to);
  expect((await post(request, '/api/sidecarsets/mosn/pause', {})).status()).toBe(200);
  expect((await clusterClient().getMosn()).spec?.updateStrategy?.paused).toBe(true);
  expect((await post(request, '/api/sidecarsets/mosn/resume', {})).status()).toBe(200);
  // Kruise's Go types carry `paused,omitempty`: false is stored as absent.
  expect((await clusterClient().getMosn()).spec?.updateStrategy?.paused ?? false).toBe(false);
});

test('a read-only identity gets the cluster\'s 403 and the cluster does not change', async ({ baseURL }) => {
  const viewer = await playwrightRequest.newContext({ baseURL });
  try {
    const switched = await post(viewer, '/api/cluster/context', { context: 'embedded-viewer' });
    expect(switched.status()).toBe(200);
    const cluster = (await (await viewer.get('/api/cluster')).json()) as { cluster: { context: string } };
    expect(cluster.cluster.context).toBe('embedded-viewer');
    const before = await currentMosnImage();
    const res = await post(viewer, '/api/sidecarsets/mosn/upgrade', { container: 'mosn', image: 'tinyqian/mosn:v5', fromImage: before });
    expect(res.status()).toBe(403);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toContain('User "viewer" cannot patch resource "sidecarsets"');
    expect((await post(viewer, '/api/sidecarsets/mosn/pause', {})).status()).toBe(403);
    expect(await currentMosnImage()).toBe(before);
    expect((await clusterClient().getMosn()).spec?.updateStrategy?.paused ?? false).toBe(false);
  } finally {
    await viewer.dispose();
  }
});
