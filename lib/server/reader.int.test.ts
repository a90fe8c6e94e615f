/**
 * The read check on a real session over the embedded seed cluster, in token pass-through mode: the cluster's RBAC,
 * asked as each person, decides what the Reader hands out. The admin sees mosn's pods; the auditor (Kruise's
 * sidecarset-viewer role: SidecarSets, not pods) sees the SidecarSet and the reason instead of the pods, gets
 * 403 for timelines and has the pod topics left out of the stream; a token the cluster does not know gets 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/lib/embedded-cluster/cluster.testkit';
import type { Caller } from './access/caller';
import { accessConfig } from './access/modes';
import { ReadScope } from './access/read-scope';
import { DashboardError } from './http/dashboard-error';
import { createDashboard, type Dashboard } from './live/dashboard';
import { Reader } from './reader';
import { startSessionCluster, type SessionCluster } from './dashboard.testkit';

const passthrough = accessConfig({ NODE_ENV: 'test', DASHBOARD_AUTH_MODE: 'token-passthrough' });
let c: SessionCluster;
let d: Dashboard;

const caller = (userToken?: string): Caller => ({ userToken, hasAccessToken: false, key: `t|${userToken ?? '-'}` });
const reader = async (token?: string) => new Reader(d, await ReadScope.open(d, caller(token), passthrough), caller(token));

async function refusal(p: Promise<unknown>): Promise<{ status: number; message: string } | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (!(e instanceof DashboardError)) throw e;
    return { status: e.status, message: e.message };
  }
}

async function firstFrame(res: Response): Promise<string> {
  const r = res.body?.getReader();
  if (!r) throw new Error('no body');
  let text = '';
  while (!text.includes('event: hello')) {
    const chunk = await r.read();
    if (chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  await r.cancel();
  return text;
}

beforeAll(async () => {
  c = await startSessionCluster();
  d = createDashboard(c.session);
  await waitFor('mosn has its 3 pods', () => (d.views?.detail('mosn')?.pods.length ?? 0) === 3);
});

afterAll(async () => {
  d.views?.stop();
  await c.stop();
});

describe('Reader in token pass-through mode', () => {
  it('refuses before sign-in (401) and when the cluster does not know the token (401)', async () => {
    expect(await refusal(reader(undefined))).toMatchObject({ status: 401 });
    expect(await refusal(reader('not-a-token'))).toMatchObject({ status: 401 });
  });

  it('gives the admin every pod, their timelines and every topic', async () => {
    const r = await reader(c.t.cluster.tokens.admin);
    const detail = JSON.parse(await r.detailJson('mosn')) as { pods: Array<{ name: string }>; podAccess?: unknown };
    expect(detail.pods).toHaveLength(3);
    expect(detail.podAccess).toBeUndefined();
    expect(JSON.parse(await r.timelineJson('mosn'))).toMatchObject({ name: 'mosn' });
    const ctl = new AbortController();
    const hello = await firstFrame(await r.stream(['sidecarsets', 'sidecarset/mosn', 'timeline/mosn'], undefined, ctl.signal));
    ctl.abort();
    expect(hello).not.toContain('refused');
  });

  it('gives the auditor the SidecarSet and the reason, never the pods', async () => {
    const r = await reader(c.t.cluster.tokens.auditor);
    expect(r.summaries().items.map((s) => s.name)).toContain('mosn');
    const text = await r.detailJson('mosn');
    const detail = JSON.parse(text) as { summary: { name: string }; pods: unknown[]; podAccess?: { allowed: boolean; reason: string } };
    expect(detail.summary.name).toBe('mosn');
    expect(detail.pods).toEqual([]);
    expect(detail.podAccess?.reason).toContain('may not list pods in namespace "default"');
    for (const p of d.views?.detail('mosn')?.pods ?? []) expect(text).not.toContain(p.name);

    expect(await refusal(r.timelineJson('mosn'))).toMatchObject({ status: 403 });
    const pod = d.views?.detail('mosn')?.pods[0];
    expect(await refusal(r.podTimeline(pod?.namespace ?? '', pod?.name ?? ''))).toMatchObject({ status: 403 });
    const page = await r.detail('mosn', 500);
    expect(page?.pods).toEqual([]);
    expect(page && 'podAccess' in page ? page.podAccess : undefined).toMatchObject({ allowed: false });

    const ctl = new AbortController();
    const hello = await firstFrame(await r.stream(['sidecarsets', 'sidecarset/mosn', 'timeline/mosn', `pod/${pod?.namespace}/${pod?.name}`], undefined, ctl.signal));
    ctl.abort();
    const refused = (JSON.parse(hello.split('data: ').at(-1) ?? '{}') as { refused?: Array<{ topic: string }> }).refused?.map((x) => x.topic);
    expect(refused).toEqual(['sidecarset/mosn', 'timeline/mosn', `pod/${pod?.namespace}/${pod?.name}`]);
  });

  it('answers 404 for a SidecarSet that does not exist, before any pod check', async () => {
    const r = await reader(c.t.cluster.tokens.auditor);
    expect(await refusal(r.detailJson('nope'))).toMatchObject({ status: 404 });
  });
});
