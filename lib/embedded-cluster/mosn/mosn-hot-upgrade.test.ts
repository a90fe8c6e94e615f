import { describe, expect, it } from 'vitest';
import { MOSN_HOOK, mosnPod } from '../kubelet/test-fixtures';
import { allRunning, harness, runUntil } from '../kubelet/test-helpers';
import { MOSN_DRAIN_EXTRA_MS, MOSN_DUAL_ACCEPT_MS, MOSN_FD_HANDOVER_MS, MOSN_GRACEFUL_TIMEOUT_MS, MOSN_PORT } from './constants';
import { driveHotUpgrade, parseMosn, probeOnce, versionSequence } from '../kubelet/test-hot-upgrade';

const T = MOSN_GRACEFUL_TIMEOUT_MS;
const upgrade = { sidecar: 'mosn', from: 'mosn-1', to: 'mosn-2', newImage: 'tinyqian/mosn:v2', newImageStatus: 'docker.io/tinyqian/mosn:v2', port: MOSN_PORT, path: '/', parse: parseMosn };

async function runningMosnPod(name: string, opts: Parameters<typeof mosnPod>[1]) {
  const h = harness();
  const pod = mosnPod(name, opts);
  h.kubelet.syncPod(pod);
  await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);
  return { h, pod, uid: pod.metadata?.uid ?? '' };
}

const startedAt = (h: ReturnType<typeof harness>, container: string, after: number): number =>
  h.sink.events.find((e) => e.at >= after && e.reason === 'Started' && e.fieldPath === `spec.containers{${container}}`)?.at ?? NaN;

describe('MOSN hot upgrade through a SidecarSet (spec §7)', () => {
  it('loses nothing when postStart blocks ≥ 2T after the handover: the proxied connection migrates to v2', async () => {
    const { h, pod, uid } = await runningMosnPod('lossless', { hook: MOSN_HOOK });

    // Look inside while the handover is under way: 1 s after the new MOSN started, and after the dual-accept window.
    const views: Array<ReturnType<typeof h.runtime.inspectPod>> = [];
    const onTick = (): void => {
      const starts = h.sink.events.filter((e) => e.reason === 'Started' && e.fieldPath === 'spec.containers{mosn-2}');
      if (starts.length < 2) return;
      const since = h.clock.now() - (starts[1]?.at ?? 0);
      if ((views.length === 0 && since >= 1_000) || (views.length === 1 && since >= 1_000 + MOSN_DUAL_ACCEPT_MS)) views.push(h.runtime.inspectPod(uid));
    };
    const r = await driveHotUpgrade(h, pod, { ...upgrade, durationMs: 40_000, onTick });

    const failures = r.probes.filter((p) => p.error);
    expect(failures).toEqual([]);
    expect(versionSequence(r.probes)).toEqual(['v1', 'v2']);
    const handover = startedAt(h, 'mosn-2', r.upgradedAt);
    const firstV2 = r.probes.find((p) => p.version === 'v2')?.at ?? NaN;
    expect(firstV2 - handover).toBeGreaterThanOrEqual(T);
    expect(firstV2 - handover).toBeLessThan(2 * T + 100);
    expect(r.probes.filter((p) => p.version === 'v2').every((p) => p.container === 'mosn-2')).toBe(true);
    // The hook held the new slot back 15 s, Kruise reset the old one 5 s after it was ready.
    expect((r.resetAt ?? NaN) - handover).toBeGreaterThanOrEqual(20_000);

    // During the dual-accept window both processes hold and accept on :2045; afterwards only the new one.
    const [during, after] = views;
    const l1 = during?.listeners.find((l) => l.port === MOSN_PORT);
    expect(l1?.acceptors.map((a) => a.container).sort()).toEqual(['mosn-1', 'mosn-2']);
    expect(during?.processes.find((p) => p.container === 'mosn-1' && p.state !== 'exited')?.state).toBe('handingOver');
    const proxied = during?.connections.find((c) => c.proxied);
    expect(proxied?.owner.container).toBe('mosn-1');
    expect(proxied?.migrateAt).toBeDefined();
    const l2 = after?.listeners.find((l) => l.port === MOSN_PORT);
    expect(l2?.acceptors.map((a) => a.container)).toEqual(['mosn-2']);
    expect(after?.processes.find((p) => p.container === 'mosn-1' && p.model === 'mosn')?.state).toBe('draining');

    // End state: 3/3 Running, each slot restarted once.
    expect(h.sink.container('mosn-1')).toMatchObject({ image: 'docker.io/openkruise/hotupgrade-sample:empty', restartCount: 1, ready: true });
    expect(h.sink.container('mosn-2')).toMatchObject({ image: 'docker.io/tinyqian/mosn:v2', restartCount: 1, ready: true });
    const end = h.runtime.inspectPod(uid);
    const conn = end?.connections.find((c) => c.proxied);
    expect(conn?.history.map((x) => x.container)).toEqual(['mosn-1', 'mosn-2']);
  });

  it('drops requests when the old slot is reset before its connections migrate (the `postStar` typo: no hook)', async () => {
    const { h, pod } = await runningMosnPod('typo', {});
    const r = await driveHotUpgrade(h, pod, { ...upgrade, durationMs: 30_000 });
    const handover = startedAt(h, 'mosn-2', r.upgradedAt);
    // Kruise reset the old slot ~5 s after the new one was ready: inside [0, T), before any migration.
    expect((r.resetAt ?? NaN) - handover).toBeLessThan(T);
    const failures = r.probes.filter((p) => p.error);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]?.error).toMatch(/read tcp 10\.244\.0\.1:\d+->10\.244\.1\.2:2045: read: connection reset by peer/);
    expect(failures[0]?.at).toBeGreaterThanOrEqual(r.resetAt ?? NaN);
    // The next request dials again and lands on v2.
    const after = r.probes.filter((p) => p.at > (failures[0]?.at ?? 0));
    expect(after.every((p) => p.version === 'v2')).toBe(true);
    expect(versionSequence(r.probes)).toEqual(['v1', 'v2']);
  });

  it('the old MOSN exits by itself ≈ 3 s + 2T + 30 s after the handover when nobody resets it', async () => {
    const { h, pod, uid } = await runningMosnPod('paused', { hook: MOSN_HOOK });
    const r = await driveHotUpgrade(h, pod, { ...upgrade, reset: false, durationMs: 50_000 });
    const old = h.runtime.inspectPod(uid)?.processes.find((p) => p.container === 'mosn-1' && p.model === 'mosn' && p.exitedAt);
    const handover = startedAt(h, 'mosn-2', r.upgradedAt);
    expect(old?.exitCode).toBe(0);
    expect(Date.parse(old?.exitedAt ?? '') - handover).toBe(MOSN_FD_HANDOVER_MS + MOSN_DUAL_ACCEPT_MS + 2 * T + MOSN_DRAIN_EXTRA_MS);
    expect(r.probes.filter((p) => p.error && p.at < Date.parse(old?.exitedAt ?? ''))).toEqual([]);
  });

  it('-devshm images: the new slot cannot start (supervisord socket clash) and crash-loops; the old keeps serving', async () => {
    const { h, pod, uid } = await runningMosnPod('devshm', { hook: MOSN_HOOK, image: 'tinyqian/mosn:v1-devshm' });
    const r = await driveHotUpgrade(h, pod, {
      ...upgrade, newImage: 'tinyqian/mosn:v2-devshm', newImageStatus: 'docker.io/tinyqian/mosn:v2-devshm', durationMs: 40_000,
    });
    expect(r.probes.filter((p) => p.error)).toEqual([]);
    expect(versionSequence(r.probes)).toEqual(['v1-devshm']);
    expect(r.resetAt).toBeUndefined();
    const m2 = h.sink.container('mosn-2');
    expect(m2?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(m2?.restartCount).toBeGreaterThanOrEqual(2);
    expect(m2?.lastState?.terminated?.exitCode).toBe(1);
    expect(h.sink.lines()).toContain('FailedPostStartHook mosn-2 PostStartHook failed');
    expect(h.sink.last()?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    const view = h.runtime.inspectPod(uid);
    expect(view?.shm).toContain('supervisor.sock (socket)');
    expect(view?.processes.filter((p) => p.container === 'mosn-2' && p.model === 'mosn').at(-1)?.logs.join('\n')).toContain('Another program is already listening');
  });

  it('without a shared uds_dir the new MOSN finds no reconfig.sock and hits the port conflict', async () => {
    const { h, pod, uid } = await runningMosnPod('no-uds', { hook: MOSN_HOOK, sharedUdsDir: false });
    const r = await driveHotUpgrade(h, pod, { ...upgrade, durationMs: 20_000 });
    expect(r.probes.filter((p) => p.error)).toEqual([]);
    expect(versionSequence(r.probes)).toEqual(['v1']);
    expect(h.sink.container('mosn-2')?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    const logs = h.runtime.inspectPod(uid)?.processes.filter((p) => p.container === 'mosn-2' && p.model === 'mosn').flatMap((p) => p.logs) ?? [];
    expect(logs.join('\n')).toContain('bind: address already in use (port conflict');
  });

  it('answers with its version, image, container and pod; a pod without MOSN refuses :2045', async () => {
    const { h, uid } = await runningMosnPod('hello', { hook: MOSN_HOOK });
    const res = await h.runtime.proxy(uid, MOSN_PORT, { method: 'GET', path: '/anything' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ version: 'v1', image: 'tinyqian/mosn:v1', container: 'mosn-1', pod: 'hello' });
    const nginx = await h.runtime.proxy(uid, 80, { method: 'GET', path: '/' });
    expect(nginx.body).toContain('<title>Welcome to nginx!</title>');
    const p = await probeOnce(h, uid, 9091, '/', parseMosn);
    expect(p.error).toBe('dial tcp 10.244.1.2:9091: connect: connection refused');
  });
});
