import { expect, test } from '@playwright/test';
import { clusterToken } from './support/cluster';
import { clusterMarkers, leaked, readStream, streamPath } from './support/leak';
import { noLeakBeforeSignIn } from './support/no-leak';

/** Token pass-through: nothing of the cluster before sign-in; after it, only what the person's RBAC allows. */
noLeakBeforeSignIn({ readsNeedSignIn: true, reader: () => ({ authorization: `Bearer ${clusterToken('admin')}` }) });

test('someone whose RBAC forbids listing pods sees the SidecarSet and the reason, not the pods', async ({ page, request, baseURL }) => {
  if (!baseURL) throw new Error('no baseURL');
  const markers = await clusterMarkers(request, { authorization: `Bearer ${clusterToken('admin')}` });
  const auditor = { authorization: `Bearer ${clusterToken('auditor')}` };

  const detail = await request.get('/api/sidecarsets/mosn', { headers: auditor });
  expect(detail.status()).toBe(200);
  const body = (await detail.json()) as { summary: { name: string }; pods: unknown[]; podAccess?: { allowed: boolean; reason?: string } };
  expect(body.summary.name).toBe('mosn');
  expect(body.pods).toEqual([]);
  expect(body.podAccess).toMatchObject({ allowed: false, reason: expect.stringContaining('may not list pods') });
  for (const path of ['/api/sidecarsets/mosn/timeline', `/api/pods/${markers.pod.namespace}/${markers.pod.name}/timeline`]) {
    const res = await request.get(path, { headers: auditor });
    expect(res.status(), path).toBe(403);
    expect(leaked(await res.text(), markers, path)).toEqual([]);
  }
  const stream = await readStream(baseURL, streamPath(markers), auditor);
  expect(stream.status).toBe(200);
  expect(stream.text).toContain('"refused"');
  // The auditor may see SidecarSets (their images, their selector), never pods. The refused topics are named
  // back, the requested pod's name with them: that one is the caller's own input (in the URL), not a leak.
  const podNames = markers.all.filter((m) => m.startsWith('test-app'));
  const podsOnly = { ...markers, all: podNames };
  expect(leaked(stream.text, podsOnly, streamPath(markers))).toEqual([]);

  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('Kubernetes token').fill(clusterToken('auditor'));
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-control')).toContainText('Signed in as auditor');
  await expect(page.getByRole('link', { name: 'mosn' })).toBeVisible();
  await page.goto('/sidecarsets/mosn');
  await expect(page.getByTestId('pods-hidden')).toContainText('may not list pods in namespace "default"');
  await expect(page.getByTestId('pod-row')).toHaveCount(0);
  const html = await page.content();
  expect(podNames.filter((n) => html.includes(n))).toEqual([]);
});
