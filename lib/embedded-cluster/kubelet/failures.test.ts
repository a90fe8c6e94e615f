import { describe, expect, it } from 'vitest';
import { kruiseUpgrade, MOSN_HOOK, mosnPod } from './test-fixtures';
import { allRunning, harness, makePod, run, runUntil, withImage, type RecordedEvent } from './test-helpers';

const at = (events: RecordedEvent[], pred: (e: RecordedEvent) => boolean): number[] => events.filter(pred).map((e) => e.at);

describe('Kubelet: image pull failures', () => {
  it('goes ErrImagePull → ImagePullBackOff, doubles the back-off, keeps the old slot serving, and is rescued by a new image', async () => {
    const h = harness();
    let pod = mosnPod('bad-image', { hook: MOSN_HOOK });
    const uid = pod.metadata?.uid ?? '';
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);
    const from = h.sink.events.length;

    pod = kruiseUpgrade(pod, 'mosn', 'mosn-1', 'mosn-2', 'tinyqian/mosn:v3-notfound');
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.container('mosn-2')?.state?.waiting?.reason === 'ErrImagePull', 5_000);
    const notFound =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/tinyqian/mosn:v3-notfound": ' +
      'failed to resolve reference "docker.io/tinyqian/mosn:v3-notfound": docker.io/tinyqian/mosn:v3-notfound: not found';
    expect(h.sink.lines({ from })).toEqual([
      'Killing mosn-2 Container mosn-2 definition changed, will be restarted',
      'Pulling mosn-2 Pulling image "tinyqian/mosn:v3-notfound"',
      `Failed mosn-2 Failed to pull image "tinyqian/mosn:v3-notfound": ${notFound}`,
      'Failed mosn-2 Error: ErrImagePull',
    ]);
    expect(h.sink.events.slice(from + 2).every((e) => e.type === 'Warning')).toBe(true);
    const m2 = h.sink.container('mosn-2');
    expect(m2?.state?.waiting).toEqual({ reason: 'ErrImagePull', message: notFound });
    // The last instance (the empty image) still names the image and imageID: Kruise sees it as inconsistent.
    expect(m2).toMatchObject({ image: 'docker.io/openkruise/hotupgrade-sample:empty', restartCount: 0, ready: false });
    expect(m2?.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(h.sink.last()?.phase).toBe('Running');
    expect(h.sink.last()?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', message: 'containers with unready status: [mosn-2]' });

    await runUntil(h.clock, () => h.sink.container('mosn-2')?.state?.waiting?.reason === 'ImagePullBackOff', 2_000);
    expect(h.sink.container('mosn-2')?.state?.waiting?.message).toBe(`Back-off pulling image "tinyqian/mosn:v3-notfound": ErrImagePull: ${notFound}`);
    expect(h.sink.lines({ from }).slice(4, 6)).toEqual(['BackOff mosn-2 Back-off pulling image "tinyqian/mosn:v3-notfound"', 'Failed mosn-2 Error: ImagePullBackOff']);

    await run(h.clock, 320_000, 100);
    const events = h.sink.events.slice(from);
    const failures = at(events, (e) => e.message.startsWith('Failed to pull image'));
    const pulls = at(events, (e) => e.reason === 'Pulling');
    const gaps = failures.slice(0, -1).map((f, i) => (pulls[i + 1] ?? 0) - f);
    expect(gaps.slice(0, 5)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);

    // Meanwhile the old MOSN in mosn-1 serves as if nothing happened.
    const res = await h.runtime.proxy(uid, 2045, { method: 'GET', path: '/' });
    expect(JSON.parse(res.body)).toMatchObject({ version: 'v1', container: 'mosn-1' });

    // Rescue (spec §3.4): Kruise publishes another image into the same, not-ready slot.
    const rescueFrom = h.sink.events.length;
    const t0 = h.clock.now();
    pod = kruiseUpgrade(pod, 'mosn', 'mosn-1', 'mosn-2', 'tinyqian/mosn:v3', '1600');
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.lines({ from: rescueFrom }).some((l) => l.startsWith('Pulling mosn-2')), 1_000, 10);
    expect(h.clock.now() - t0).toBeLessThan(50);
    await runUntil(h.clock, () => h.sink.container('mosn-2')?.image === 'docker.io/tinyqian/mosn:v3', 30_000);
    expect(h.sink.container('mosn-2')).toMatchObject({ restartCount: 1, ready: true });
    expect(h.sink.lines({ from: rescueFrom }).some((l) => l.startsWith('Killing'))).toBe(false);
  });

  it('reports an unknown registry host and an invalid reference', async () => {
    const h = harness();
    h.kubelet.syncPod(makePod('nohost', [{ name: 'app', image: 'invalid.example/mosn:v2' }, { name: 'bad', image: 'Nginx:UPPER' }]));
    await run(h.clock, 3_000);
    expect(h.sink.lines({ container: 'app' })[1]).toMatch(/^Failed app Failed to pull image "invalid\.example\/mosn:v2": .*lookup invalid\.example: no such host$/);
    // Like the kubelet, every sync of the pod repeats the event (the API server aggregates them with a count).
    expect(new Set(h.sink.lines({ container: 'bad' }))).toEqual(
      new Set(['InspectFailed bad Failed to apply default image tag "Nginx:UPPER": couldn\'t parse image name "Nginx:UPPER": invalid reference format']),
    );
    expect(h.sink.container('bad')?.state?.waiting?.reason).toBe('InvalidImageName');
    expect(h.sink.last()?.phase).toBe('Pending');
  });
});

describe('Kubelet: crash loops', () => {
  it('restarts a crashing container at once, then with back-off 10s, 20s, 40s (CrashLoopBackOff)', async () => {
    const h = harness();
    const pod = makePod('crashy', [{ name: 'app', image: 'nginx:crash' }]);
    const uid = pod.metadata?.uid ?? '';
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.container('app')?.state?.waiting?.reason === 'CrashLoopBackOff', 10_000);
    const c = h.sink.container('app');
    expect(c?.state?.waiting?.message).toBe(`back-off 10s restarting failed container=app pod=crashy_default(${uid})`);
    expect(c).toMatchObject({ restartCount: 1, ready: false, lastState: { terminated: { exitCode: 1, reason: 'Error' } } });
    expect(h.sink.lines()).toContain(`BackOff app Back-off restarting failed container app in pod crashy_default(${uid})`);
    expect(h.sink.events.find((e) => e.reason === 'BackOff')?.type).toBe('Warning');

    await run(h.clock, 120_000, 100);
    const starts = at(h.sink.events, (e) => e.reason === 'Started');
    // Each instance crashes 1 s after it starts. The first restart happens as soon as PLEG notices (1 s), then
    // the back-off holds each next start 10, 20, 40 s after the crash.
    const waits = starts.slice(1).map((s, i) => s - ((starts[i] ?? 0) + 1_000));
    expect(waits.slice(0, 4)).toEqual([1_000, 10_000, 20_000, 40_000]);
    expect(h.sink.container('app')?.restartCount).toBe(starts.length - 1);
    const messages = h.sink.statuses.map((s) => s.status.containerStatuses?.[0]?.state?.waiting?.message ?? '').filter((m) => m.startsWith('back-off'));
    expect([...new Set(messages.map((m) => m.split(' ')[1]))]).toEqual(['10s', '20s', '40s', '1m20s']);
    // A pod whose only container crash-loops after having run is Running (not Pending), but not Ready.
    expect(h.sink.last()?.phase).toBe('Running');
  });
});

describe('Kubelet: rescue from a crash loop', () => {
  it('starts a new image at once even while the old definition is in back-off', async () => {
    const h = harness();
    let pod = makePod('rescue', [{ name: 'app', image: 'nginx:crash' }]);
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.container('app')?.state?.waiting?.reason === 'CrashLoopBackOff', 10_000);
    const from = h.sink.events.length;
    const t0 = h.clock.now();
    pod = withImage(pod, 'app', 'nginx:1.20');
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 1), 5_000);
    expect((h.sink.events[from]?.at ?? NaN) - t0).toBe(0);
    expect(h.sink.reasons({ from })).toEqual(['Pulling app', 'Pulled app', 'Created app', 'Started app']);
    expect(h.sink.container('app')).toMatchObject({ restartCount: 2, image: 'docker.io/library/nginx:1.20' });
  });
});

describe('Kubelet: failing postStart hooks', () => {
  it('records FailedPostStartHook, kills the container, and restarts it with back-off', async () => {
    const h = harness();
    const pod = makePod('hooky', [{ name: 'app', image: 'busybox:1.36', lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'echo migrating; exit 3'] } } } }]);
    const uid = pod.metadata?.uid ?? '';
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.container('app')?.state?.waiting?.reason === 'CrashLoopBackOff', 10_000);
    expect(h.sink.lines().slice(0, 6)).toEqual([
      'Pulling app Pulling image "busybox:1.36"',
      expect.stringMatching(/^Pulled app Successfully pulled image/),
      'Created app Created container: app',
      'Started app Started container app',
      'FailedPostStartHook app PostStartHook failed',
      'Killing app FailedPostStartHook',
    ]);
    expect(h.sink.events.find((e) => e.reason === 'FailedPostStartHook')?.type).toBe('Warning');
    const hookError = h.sink.statuses.map((s) => s.status.containerStatuses?.[0]?.state?.waiting).find((w) => w?.reason === 'PostStartHookError');
    expect(hookError?.message).toBe(
      `Exec lifecycle hook ([/bin/sh -c echo migrating; exit 3]) for Container "app" in Pod "hooky_default(${uid})" failed - error: command '/bin/sh -c echo migrating; exit 3' exited with 3: , message: "migrating\\n"`,
    );
    expect(h.sink.container('app')).toMatchObject({ restartCount: 1, state: { waiting: { message: expect.stringContaining('back-off 10s') } } });
  });

  it('fails like the runtime for executables that do not exist', async () => {
    const h = harness();
    h.kubelet.syncPod(
      makePod('nobin', [
        { name: 'direct', image: 'busybox:1.36', lifecycle: { postStart: { exec: { command: ['mosn-check', '--ready'] } } } },
        { name: 'viash', image: 'busybox:1.36', lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'mosn-check --ready'] } } } },
      ]),
    );
    await run(h.clock, 3_000);
    const waiting = (c: string): string =>
      h.sink.statuses.map((s) => s.status.containerStatuses?.find((x) => x.name === c)?.state?.waiting).find((w) => w?.reason === 'PostStartHookError')?.message ?? '';
    expect(waiting('direct')).toMatch(/rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "mosn-check": executable file not found in \$PATH: unknown, message: ""$/);
    expect(waiting('viash')).toContain(`command '/bin/sh -c mosn-check --ready' exited with 127: sh: mosn-check: not found\n`);
  });

  it('a /migrate.sh that never sees /result times out after 60 s', async () => {
    const h = harness();
    // An idle image that ships /migrate.sh (the sample's app image) never writes /result.
    h.kubelet.syncPod(
      makePod('timeout', [{ name: 'app', image: 'openkruise/hotupgrade-sample:busybox', env: [{ name: 'SIDECARSET_VERSION', value: '2' }], lifecycle: { postStart: { exec: { command: ['/bin/sh', '/migrate.sh'] } } } }]),
    );
    await runUntil(h.clock, () => h.sink.lines().some((l) => l.startsWith('FailedPostStartHook')), 70_000, 100);
    const started = h.sink.events.find((e) => e.reason === 'Started')?.at ?? 0;
    const failed = h.sink.events.find((e) => e.reason === 'FailedPostStartHook')?.at ?? 0;
    expect(failed - started).toBe(60_000);
  });
});
