/**
 * Issue 2, "Done when" #3: a probe sending a request every 100 ms through the pod proxy
 * (`GET /api/v1/namespaces/default/pods/<pod>:2045/proxy/`) during a hot upgrade sees no failure and the version
 * switch; with the seed article's `postStar:` typo (no hook) the old MOSN is reset before its connection migrated
 * and the probe sees the failure as a 503 from the proxy (spec §7.4).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiException } from '@kubernetes/client-node';
import {
  counters, getSidecarSet, listPods, setMosnImage, startTestCluster, waitFor, type TestCluster, type WireStatus,
} from './cluster.testkit';

interface Sample {
  pod: string;
  at: number;
  version?: string;
  container?: string;
  code?: number;
  status?: WireStatus;
}

/** One request every 100 ms to each pod's MOSN port through the API server's pod proxy, until stopped. */
function probe(t: TestCluster, pods: string[]): { samples: Sample[]; stop(): Promise<void> } {
  const samples: Sample[] = [];
  let running = true;
  const loops = pods.map(async (pod) => {
    while (running) {
      const at = Date.now();
      try {
        const body = await t.core.connectGetNamespacedPodProxyWithPath({ namespace: 'default', name: `${pod}:2045`, path: '' }) as unknown as { version?: string; container?: string };
        samples.push({ pod, at, version: body.version, container: body.container });
      } catch (e) {
        if (!(e instanceof ApiException)) throw e;
        samples.push({ pod, at, code: e.code, status: JSON.parse(String(e.body)) as WireStatus });
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - at))));
    }
  });
  return { samples, stop: async () => { running = false; await Promise.all(loops); } };
}

/** Upgrade mosn to v2 with the probe running, until every pod is done; return what the probe saw per pod. */
async function probeDuringUpgrade(t: TestCluster): Promise<Map<string, Sample[]>> {
  await t.cluster.waitForReadyPods(3, 30_000);
  const pods = (await listPods(t.core)).map((p) => p.metadata?.name ?? '');
  const p = probe(t, pods);
  await waitFor('a first answer from every pod', () => pods.every((n) => p.samples.some((s) => s.pod === n && s.version)));
  const patched = await setMosnImage(t.custom, 'tinyqian/mosn:v2');
  await waitFor('rollout to finish', async () => {
    const ss = await getSidecarSet(t.custom);
    return ss.status?.observedGeneration === patched.metadata.generation && counters(ss).join() === '3,3,3,3';
  }, 60_000);
  // Keep probing a little past the last reset, so a late failure would be seen.
  await new Promise((r) => setTimeout(r, 500));
  await p.stop();
  const byPod = new Map<string, Sample[]>();
  for (const s of p.samples) byPod.set(s.pod, [...(byPod.get(s.pod) ?? []), s]);
  return byPod;
}

/** The versions answered, consecutive duplicates removed. */
const switches = (xs: Sample[]): string[] => xs.filter((s) => s.version).map((s) => s.version as string).filter((x, i, a) => i === 0 || a[i - 1] !== x);

let t: TestCluster | undefined;
afterEach(async () => { await t?.stop(); t = undefined; });

describe('traffic through the pod proxy during a hot upgrade (spec §7.4)', () => {
  it('loses no request when postStart covers the migration, and sees v1 switch to v2 once per pod', async () => {
    t = await startTestCluster({ speed: 10 });
    const byPod = await probeDuringUpgrade(t);
    expect(byPod.size).toBe(3);
    for (const [pod, samples] of byPod) {
      expect(samples.filter((s) => s.code), `${pod} failures`).toEqual([]);
      expect(switches(samples)).toEqual(['v1', 'v2']);
      // The same proxied connection moved from the old slot to the new one.
      expect(samples.find((s) => s.version === 'v1')?.container).toBe('mosn-1');
      expect(samples.at(-1)?.container).toBe('mosn-2');
      expect(samples.length).toBeGreaterThan(20);
    }
  });

  it('fails requests with HTTP 503 from the proxy in the poststar-typo scenario (old MOSN reset before migration)', async () => {
    t = await startTestCluster({ speed: 10, scenario: 'poststar-typo' });
    const byPod = await probeDuringUpgrade(t);
    expect(byPod.size).toBe(3);
    for (const [pod, samples] of byPod) {
      const failures = samples.filter((s) => s.code);
      expect(failures.length, `${pod} failures`).toBeGreaterThan(0);
      for (const f of failures) {
        expect(f.code).toBe(503);
        expect(f.status).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'ServiceUnavailable', code: 503 });
        expect(f.status?.message).toMatch(/^error trying to reach service: read tcp [\d.]+:\d+->[\d.]+:2045: read: connection reset by peer$/);
      }
      // The client reconnects and lands on v2.
      expect(switches(samples)).toEqual(['v1', 'v2']);
      const firstFailure = samples.indexOf(failures[0] as Sample);
      expect(samples.slice(0, firstFailure).every((s) => s.version === 'v1')).toBe(true);
      expect(samples.slice(firstFailure + 1).every((s) => s.version === 'v2')).toBe(true);
    }
  });
});
