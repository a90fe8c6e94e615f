import { describe, expect, it } from 'vitest';
import { kruiseReset, kruiseUpgrade, MOSN_HOOK, mosnPod, samplePod } from './test-fixtures';
import { allRunning, harness, makePod, run, runUntil, withImage } from './test-helpers';

const PULLED = /^Pulled (\S+) Successfully pulled image "[^"]+" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: \d+ bytes\.$/;

describe('Kubelet: starting a pod', () => {
  it('starts the injected sample pod container by container, with the kubelet event sequence, to 3/3 Running', async () => {
    const h = harness();
    const pod = samplePod();
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);

    const lines = h.sink.lines();
    expect(lines).toHaveLength(12);
    const expected = (c: string, image: string): Array<string | RegExp> => [
      `Pulling ${c} Pulling image "${image}"`,
      PULLED,
      `Created ${c} Created container: ${c}`,
      `Started ${c} Started container ${c}`,
    ];
    const want = [
      ...expected('sidecar-1', 'openkruise/hotupgrade-sample:sidecarv1'),
      ...expected('sidecar-2', 'openkruise/hotupgrade-sample:empty'),
      ...expected('busybox', 'openkruise/hotupgrade-sample:busybox'),
    ];
    want.forEach((w, i) => (typeof w === 'string' ? expect(lines[i]).toBe(w) : expect(lines[i]).toMatch(w)));
    expect(h.sink.events.every((e) => e.type === 'Normal')).toBe(true);

    const s = h.sink.last();
    expect(s?.phase).toBe('Running');
    expect(s?.podIP).toBe('10.244.1.2');
    expect(s?.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(s?.hostIP).toBe('172.18.0.3');
    expect(s?.qosClass).toBe('BestEffort');
    expect(s?.startTime).toBe('2026-07-20T08:00:00Z');
    expect(s?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
    expect(s?.containerStatuses?.map((c) => c.name)).toEqual(['busybox', 'sidecar-1', 'sidecar-2']);
    const sc1 = h.sink.container('sidecar-1');
    expect(sc1).toMatchObject({ image: 'docker.io/openkruise/hotupgrade-sample:sidecarv1', restartCount: 0, ready: true, started: true, lastState: {} });
    expect(sc1?.imageID).toMatch(/^docker\.io\/openkruise\/hotupgrade-sample@sha256:[0-9a-f]{64}$/);
    expect(sc1?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(sc1?.state?.running?.startedAt).toMatch(/^2026-07-20T08:00:0\dZ$/);
    // Same image name → same digest, on any node, in any run.
    expect(h.sink.container('sidecar-2')?.imageID).not.toBe(sc1?.imageID);
    expect(harness().runtime.describeImage('openkruise/hotupgrade-sample:sidecarv1')).toMatchObject({ imageID: sc1?.imageID });
  });

  it('writes status only when it changes: Pending while creating, then Running once', async () => {
    const h = harness();
    h.kubelet.syncPod(samplePod());
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);
    await run(h.clock, 30_000);
    expect(h.sink.statuses.map((s) => s.status.phase)).toEqual(['Pending', 'Running']);
    const first = h.sink.statuses[0]?.status;
    expect(first?.containerStatuses?.every((c) => c.state?.waiting?.reason === 'ContainerCreating' && c.imageID === '')).toBe(true);
    expect(first?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [busybox sidecar-1 sidecar-2]',
    });
    const readyAt = (i: number): string | undefined => h.sink.statuses[i]?.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
    const initAt = (i: number): string | undefined => h.sink.statuses[i]?.status.conditions?.find((c) => c.type === 'Initialized')?.lastTransitionTime;
    expect(readyAt(1)).not.toBe(readyAt(0));
    expect(initAt(1)).toBe(initAt(0));
  });

  it('blocks the next container and keeps the old status while postStart runs', async () => {
    const h = harness();
    h.kubelet.syncPod(samplePod());
    await runUntil(h.clock, () => h.sink.lines().some((l) => l.startsWith('Started sidecar-1')), 10_000);
    const startedAt = h.clock.now();
    const writes = h.sink.statuses.length;
    await run(h.clock, 4_900);
    // /migrate.sh is still polling for /result: nothing else happened, no status was written.
    expect(h.sink.statuses.length).toBe(writes);
    expect(h.sink.container('sidecar-1')?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(h.sink.lines().some((l) => l.includes('sidecar-2'))).toBe(false);
    await runUntil(h.clock, () => h.sink.lines().some((l) => l.startsWith('Pulling sidecar-2')), 2_000, 10);
    // The sample writes /result 5 s after it starts serving; the hook sees it on its next 1 s poll.
    expect(h.clock.now() - startedAt).toBe(5_000);
  });

  it('reuses an image already on the node unless imagePullPolicy is Always', async () => {
    const h = harness();
    h.kubelet.syncPod(samplePod('a'));
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);
    const from = h.sink.events.length;
    h.kubelet.syncPod(samplePod('b'));
    await run(h.clock, 15_000);
    const lines = h.sink.lines({ from });
    expect(lines).toContain('Pulled busybox Container image "openkruise/hotupgrade-sample:busybox" already present on machine');
    expect(lines.filter((l) => l.startsWith('Pulling'))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('Pulled sidecar-1'))).toMatch(/ in \d+ms \(/);
    expect(h.sink.statuses.filter((s) => s.pod === 'b').at(-1)?.status.podIP).toBe('10.244.1.3');
  });
});

describe('Kubelet: readiness', () => {
  it('honours readinessProbe.initialDelaySeconds: running at once, ready after the delay', async () => {
    const h = harness();
    h.kubelet.syncPod(makePod('slow-ready', [{ name: 'app', image: 'nginx:1.20', readinessProbe: { initialDelaySeconds: 8, httpGet: { path: '/', port: 80 } } }]));
    await runUntil(h.clock, () => !!h.sink.container('app')?.state?.running, 5_000);
    const started = h.clock.now();
    expect(h.sink.container('app')).toMatchObject({ ready: false, started: true });
    expect(h.sink.last()?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    await runUntil(h.clock, () => h.sink.container('app')?.ready === true, 10_000, 10);
    expect(h.clock.now() - started).toBeGreaterThanOrEqual(7_990);
    expect(h.clock.now() - started).toBeLessThanOrEqual(8_010);
    expect(h.sink.last()?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });
});

describe('Kubelet: an image change (what Kruise writes)', () => {
  it('restarts only the changed container, restartCount+1, with Killing/Pulling/Pulled/Created/Started', async () => {
    const h = harness();
    let pod = mosnPod('mosn-app', { hook: MOSN_HOOK });
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);
    const before = Object.fromEntries((h.sink.last()?.containerStatuses ?? []).map((c) => [c.name, c.containerID]));
    const from = h.sink.events.length;

    pod = kruiseUpgrade(pod, 'mosn', 'mosn-1', 'mosn-2', 'tinyqian/mosn:v2');
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.lines().some((l, i) => i >= from && l.startsWith('Started mosn-2')), 5_000);
    const lines = h.sink.lines({ from });
    expect(lines[0]).toBe('Killing mosn-2 Container mosn-2 definition changed, will be restarted');
    expect(lines[1]).toBe('Pulling mosn-2 Pulling image "tinyqian/mosn:v2"');
    expect(lines[2]).toMatch(PULLED);
    expect(lines.slice(3)).toEqual(['Created mosn-2 Created container: mosn-2', 'Started mosn-2 Started container mosn-2']);

    // The 15 s postStart is running: the status still shows the empty container.
    await run(h.clock, 10_000);
    expect(h.sink.container('mosn-2')).toMatchObject({ image: 'docker.io/openkruise/hotupgrade-sample:empty', restartCount: 0 });

    await runUntil(h.clock, () => h.sink.container('mosn-2')?.image === 'docker.io/tinyqian/mosn:v2', 10_000);
    const m2 = h.sink.container('mosn-2');
    expect(m2).toMatchObject({ restartCount: 1, ready: true, started: true, lastState: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(m2?.imageID).toMatch(/^docker\.io\/tinyqian\/mosn@sha256:[0-9a-f]{64}$/);
    expect(m2?.containerID).not.toBe(before['mosn-2']);
    expect(h.sink.container('mosn-1')).toMatchObject({ restartCount: 0, containerID: before['mosn-1'] });
    expect(h.sink.container('test-app')).toMatchObject({ restartCount: 0, containerID: before['test-app'] });

    pod = kruiseReset(pod, 'mosn-1', 'mosn-2');
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.container('mosn-1')?.image === 'docker.io/openkruise/hotupgrade-sample:empty', 10_000);
    const restarts = (h.sink.last()?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
    expect(restarts).toBe(2); // "3/3 Running 2"
    expect(allRunning(h.sink, 3)).toBe(true);
  });

  it('handles several changed containers in one sync: kill all, then start in order', async () => {
    const h = harness();
    let pod = makePod('two', [{ name: 'a', image: 'busybox:1.36' }, { name: 'b', image: 'busybox:1.36' }]);
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 2), 10_000);
    const from = h.sink.events.length;
    pod = withImage(withImage(pod, 'a', 'busybox:1.37'), 'b', 'busybox:1.37');
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.container('b')?.image === 'docker.io/library/busybox:1.37', 10_000);
    expect(h.sink.reasons({ from })).toEqual(['Killing a', 'Killing b', 'Pulling a', 'Pulled a', 'Created a', 'Started a', 'Pulled b', 'Created b', 'Started b']);
    expect(h.sink.lines({ from })).toContain('Pulled b Container image "busybox:1.37" already present on machine');
  });

  it('resolves downward-API env at container start; a running container keeps its values', async () => {
    const h = harness();
    let pod = mosnPod('env-app', { hook: MOSN_HOOK });
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);
    const idOf = (c: string): string => (h.sink.container(c)?.containerID ?? '').replace('containerd://', '');
    const echo = async (c: string): Promise<string> =>
      (await h.runtime.exec(idOf(c), ['sh', '-c', 'echo "$SIDECARSET_VERSION/$SIDECARSET_VERSION_ALT/$IS_INJECTED/$HOSTNAME"'])).stdout.trim();
    expect(await echo('mosn-1')).toBe('1/0/true/env-app');
    expect(await echo('mosn-2')).toBe('0/1/true/env-app');

    pod = kruiseUpgrade(pod, 'mosn', 'mosn-1', 'mosn-2', 'tinyqian/mosn:v2', '1500');
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.container('mosn-2')?.image === 'docker.io/tinyqian/mosn:v2', 30_000);
    expect(await echo('mosn-2')).toBe('1500/1/true/env-app');
    // mosn-1's annotations changed too (versionalt = 1500) but it was not restarted.
    expect(await echo('mosn-1')).toBe('1/0/true/env-app');
  });
});

describe('Kubelet: deletion', () => {
  it('stops every container, writes a final status, then removes the pod', async () => {
    const h = harness();
    const pod = mosnPod('gone', { hook: MOSN_HOOK });
    const uid = pod.metadata?.uid ?? '';
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);
    const from = h.sink.events.length;
    h.kubelet.syncPod({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: h.clock.nowISO(), deletionGracePeriodSeconds: 30 } });
    await runUntil(h.clock, () => h.sink.removed.includes('gone'), 5_000);
    expect(h.sink.lines({ from }).sort()).toEqual([
      'Killing mosn-1 Stopping container mosn-1',
      'Killing mosn-2 Stopping container mosn-2',
      'Killing test-app Stopping container test-app',
    ]);
    const s = h.sink.last();
    expect(s?.phase).toBe('Succeeded');
    expect(s?.containerStatuses?.every((c) => c.state?.terminated?.reason === 'Completed' && !c.ready)).toBe(true);
    expect(s?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(h.runtime.inspectPod(uid)).toBeUndefined();
    h.kubelet.forgetPod(uid);
    expect(h.kubelet.podUids()).toEqual([]);
  });

  it('SIGKILLs a container that ignores SIGTERM when the grace period ends', async () => {
    const h = harness();
    const pod = makePod('stubborn', [{ name: 'app', image: 'busybox:slowstop' }]);
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 1), 10_000);
    const t0 = h.clock.now();
    h.kubelet.syncPod({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: h.clock.nowISO(), deletionGracePeriodSeconds: 5 } });
    const took = await runUntil(h.clock, () => h.sink.removed.includes('stubborn'), 10_000, 10);
    expect(h.clock.now() - t0).toBe(took);
    expect(took).toBeGreaterThanOrEqual(5_000);
    expect(took).toBeLessThan(5_100);
    expect(h.sink.container('app')?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(h.sink.last()?.phase).toBe('Failed');
  });

  it('interrupts a blocking postStart when the pod is deleted', async () => {
    const h = harness();
    const pod = makePod('hooked', [{ name: 'app', image: 'busybox:1.36', lifecycle: { postStart: { exec: { command: ['sleep', '600'] } } } }]);
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.lines().some((l) => l.startsWith('Started app')), 5_000);
    h.kubelet.syncPod({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: h.clock.nowISO(), deletionGracePeriodSeconds: 30 } });
    const took = await runUntil(h.clock, () => h.sink.removed.includes('hooked'), 5_000);
    expect(took).toBeLessThan(1_000);
    expect(h.sink.lines()).toContain('Killing app Stopping container app');
    expect(h.sink.lines().some((l) => l.startsWith('FailedPostStartHook'))).toBe(false);
  });

  it('kills what is left at once after a force delete (forgetPod)', async () => {
    const h = harness();
    const pod = makePod('forced', [{ name: 'app', image: 'nginx:1.20' }]);
    const uid = pod.metadata?.uid ?? '';
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 1), 10_000);
    h.kubelet.forgetPod(uid);
    expect(h.sink.lines().at(-1)).toBe('Killing app Stopping container app');
    expect(h.runtime.inspectPod(uid)).toBeUndefined();
    await expect(h.runtime.proxy(uid, 80, { method: 'GET', path: '/' })).rejects.toThrow(/connection refused/);
  });
});
