/**
 * The same check in every access mode: a page never shows what the API would refuse. Asked without any
 * credentials: where the API refuses reads (401/403), no page, API route or stream may carry cluster data; where
 * the mode lets anyone read, the pages and the API agree.
 */
import { expect, test } from '@playwright/test';
import { apiPaths, clusterMarkers, leaked, pagePaths, readStream, streamPath, type Markers } from './leak';

export function noLeakBeforeSignIn(opts: { readsNeedSignIn: boolean; reader: () => Record<string, string> }): void {
  test('before sign-in: no page, API route or stream shows what the API refuses', async ({ request, baseURL }) => {
    if (!baseURL) throw new Error('no baseURL');
    const anonymous = await request.get('/api/sidecarsets');
    expect([200, 401, 403]).toContain(anonymous.status());
    expect(anonymous.status() !== 200, 'reads refused before sign-in').toBe(opts.readsNeedSignIn);
    const markers: Markers = await clusterMarkers(request, opts.reader());
    expect(markers.all.length).toBeGreaterThan(3);

    for (const path of pagePaths(markers)) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const html = await res.text();
      if (opts.readsNeedSignIn) expect(leaked(html, markers, path), `cluster data in the HTML of ${path}`).toEqual([]);
    }
    for (const path of apiPaths(markers)) {
      const res = await request.get(path);
      const body = await res.text();
      if (opts.readsNeedSignIn) {
        expect(leaked(body, markers, path), `cluster data in ${path} (${res.status()})`).toEqual([]);
        if (!['/api/cluster', '/api/session'].includes(path)) expect(res.status(), path).toBe(401);
      } else {
        expect(res.status(), path).toBe(200);
      }
    }
    const stream = await readStream(baseURL, streamPath(markers));
    if (opts.readsNeedSignIn) {
      expect(stream.status).toBe(401);
      expect(leaked(stream.text, markers, streamPath(markers))).toEqual([]);
    } else {
      expect(stream.status).toBe(200);
      expect(stream.text).toContain('event: hello');
    }
  });

  if (!opts.readsNeedSignIn) {
    test('reads are open in this mode: the pages show what the API shows', async ({ page, request }) => {
      const markers = await clusterMarkers(request);
      await page.goto('/sidecarsets/mosn');
      await expect(page.getByTestId('pod-row').first()).toBeVisible();
      const html = await (await request.get('/sidecarsets/mosn')).text();
      expect(markers.all.some((m) => html.includes(m))).toBe(true);
    });
  }
}
