import { describe, expect, it } from 'vitest';
import { driveHotUpgrade, parseSample, versionSequence } from '../../test-hot-upgrade';
import { samplePod } from '../../test-fixtures';
import { allRunning, harness, runUntil } from '../../test-helpers';

describe('OpenKruise hotupgrade sample sidecar', () => {
  it('hands its listener over via /dev/shm/migrate.sock; /migrate.sh holds the new slot ~5 s; no request fails', async () => {
    const h = harness();
    const pod = samplePod();
    const uid = pod.metadata?.uid ?? '';
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => allRunning(h.sink, 3), 30_000);

    let sawHandover = false;
    const r = await driveHotUpgrade(h, pod, {
      sidecar: 'sidecar', from: 'sidecar-1', to: 'sidecar-2',
      newImage: 'openkruise/hotupgrade-sample:sidecarv2', newImageStatus: 'docker.io/openkruise/hotupgrade-sample:sidecarv2',
      port: 9091, path: '/serve', parse: parseSample, durationMs: 25_000,
      onTick: () => {
        const v = h.runtime.inspectPod(uid);
        const old = v?.processes.find((p) => p.container === 'sidecar-1' && p.model === 'sample-sidecar');
        const l = v?.listeners.find((x) => x.port === 9091);
        if (old?.state === 'draining' && l?.holders.map((x) => x.container).join() === 'sidecar-2') sawHandover = true;
      },
    });
    expect(sawHandover).toBe(true);
    expect(r.probes.filter((p) => p.error)).toEqual([]);
    // The proxy's keep-alive connection stays with the old process until it is stopped; then it redials.
    expect(versionSequence(r.probes)).toEqual(['v1', 'v2']);
    const firstV2 = r.probes.find((p) => p.version === 'v2')?.at ?? NaN;
    expect(firstV2).toBeGreaterThanOrEqual(r.resetAt ?? NaN);

    const started = h.sink.events.filter((e) => e.reason === 'Started' && e.fieldPath === 'spec.containers{sidecar-2}').at(-1)?.at ?? NaN;
    const reported = h.sink.statuses.find((s) => s.at > started && s.status.containerStatuses?.some((c) => c.name === 'sidecar-2' && c.image?.endsWith('sidecarv2')))?.at ?? NaN;
    // /result appears 5 s after serving began (which waited ~50 ms for the fd); the 1 s poll sees it at 6 s.
    expect(reported - started).toBe(6_000);
    expect(h.sink.container('sidecar-1')).toMatchObject({ image: 'docker.io/openkruise/hotupgrade-sample:empty', restartCount: 1, ready: true });
    const res = await h.runtime.proxy(uid, 9091, { method: 'GET', path: '/serve' });
    expect(res.body).toBe('This is version(v2) sidecar');
  });

  it('an older sidecar restarted mid-upgrade (VERSION < ALT) does not listen', async () => {
    const h = harness();
    const pod = samplePod('older');
    pod.metadata = { ...pod.metadata, annotations: { ...pod.metadata?.annotations, 'version.sidecarset.kruise.io/sidecar-1': '1', 'versionalt.sidecarset.kruise.io/sidecar-1': '1500' } };
    h.kubelet.syncPod(pod);
    await runUntil(h.clock, () => h.sink.lines().some((l) => l.startsWith('Started sidecar-1')), 10_000);
    const v = h.runtime.inspectPod(pod.metadata?.uid ?? '');
    expect(v?.listeners).toEqual([]);
    expect(v?.processes[0]?.state).toBe('idle');
  });
});
