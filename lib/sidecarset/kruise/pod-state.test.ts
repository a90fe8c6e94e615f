import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { samplePod, sampleSidecarSetV1beta1 } from '../fixtures/samples';
import { sidecarSetV2, timelinePods } from '../fixtures/timeline-pods';
import { kubectlColumns } from '../views/kubectl';
import {
  hasReadyButInconsistentSidecar,
  hotSlots,
  isCountedReady,
  isKruiseReady,
  isPodReady,
  isPodStateConsistent,
  isPodUpdated,
  isPodUpgradable,
} from './pod-state';

describe('predicates on the injected sample pod', () => {
  const ss = sampleSidecarSetV1beta1();
  const pod = samplePod();

  it('is updated, upgradable, consistent and ready', () => {
    expect(isPodUpdated(ss, pod)).toBe(true);
    expect(isPodUpgradable(ss, pod)).toBe(true);
    expect(hotSlots(pod, 'sidecar')).toEqual({ working: 'sidecar-1', standby: 'sidecar-2', annotated: true });
    expect(isPodStateConsistent(ss, pod)).toBe(true);
    expect(isPodReady(pod)).toBe(true);
    expect(isKruiseReady(ss, pod)).toBe(true);
    expect(isCountedReady(ss, pod)).toBe(true);
  });

  it('is not updated after an image-only edit, but still upgradable', () => {
    expect(isPodUpdated(sidecarSetV2(), pod)).toBe(false);
    expect(isPodUpgradable(sidecarSetV2(), pod)).toBe(true);
  });

  it('defaults the working slot to X-2 when the annotation lacks the key', () => {
    const p = samplePod();
    (p.metadata?.annotations ?? {})['kruise.io/sidecarset-working-hotupgrade-container'] = '{"other":"other-1"}';
    expect(hotSlots(p, 'sidecar')).toEqual({ working: 'sidecar-2', standby: 'sidecar-1', annotated: false });
  });
});

describe('consistency and Kruise-ready across the hot upgrade (spec §3.2, §3.3)', () => {
  const ss = sidecarSetV2();
  const t = timelinePods();

  it('T1: the new slot is inconsistent (imageID unchanged) and Kruise-ready is false', () => {
    expect(isPodStateConsistent(ss, t.T1, ['sidecar-2'])).toBe(false);
    expect(isPodStateConsistent(ss, t.T1, ['sidecar-1'])).toBe(true);
    expect(isKruiseReady(ss, t.T1)).toBe(false);
    expect(isPodReady(t.T1)).toBe(true);
    // sidecar-2 reports ready (the old empty container) but is inconsistent: an update is in flight.
    expect(hasReadyButInconsistentSidecar(ss, t.T1)).toBe(true);
  });

  it('T3: consistent once the kubelet reports a new imageID', () => {
    expect(isPodStateConsistent(ss, t.T3, ['sidecar-2'])).toBe(true);
    expect(isKruiseReady(ss, t.T3)).toBe(false);
  });

  it('T4: the old slot is inconsistent until reset; T5: all settled', () => {
    expect(isPodStateConsistent(ss, t.T4, ['sidecar-1'])).toBe(false);
    expect(isKruiseReady(ss, t.T4)).toBe(true);
    expect(isCountedReady(ss, t.T4)).toBe(false);
    expect(isCountedReady(ss, t.T5)).toBe(true);
  });

  it('uses the status imageID when every sidecar image is a digest', () => {
    const digest = 'sha256:da881f9a59d3d23f00281429be2875516f2813867ade89e9c26ff6b4f45c0211';
    const p: Pod = structuredClone(t.T3);
    for (const c of p.spec?.containers ?? []) {
      if (c.name === 'sidecar-2') c.image = `docker.io/openkruise/hotupgrade-sample@${digest}`;
    }
    expect(isPodStateConsistent(ss, p, ['sidecar-2'])).toBe(true);
    const other = structuredClone(p);
    const st = other.status?.containerStatuses?.find((s) => s.name === 'sidecar-2');
    if (st) st.imageID = `docker-pullable://docker.io/openkruise/hotupgrade-sample@sha256:${'0'.repeat(64)}`;
    expect(isPodStateConsistent(ss, other, ['sidecar-2'])).toBe(false);
  });

  it('is inconsistent when spec and status container counts differ, or the state annotation is malformed', () => {
    const p = structuredClone(t.T5);
    p.status?.containerStatuses?.pop();
    expect(isPodStateConsistent(ss, p)).toBe(false);
    const q = structuredClone(t.T5);
    (q.metadata?.annotations ?? {})['kruise.io/sidecarset-inplace-update-state'] = 'garbage';
    expect(isPodStateConsistent(ss, q)).toBe(false);
  });
});

describe('kubectl columns', () => {
  it('prints 3/3 Running 0 after injection and 3/3 Running 2 after one hot upgrade', () => {
    expect(kubectlColumns(samplePod())).toMatchObject({ ready: '3/3', status: 'Running', restarts: 0, restartsText: '0' });
    const t = timelinePods();
    expect(kubectlColumns(t.T3)).toMatchObject({ ready: '3/3', status: 'Running', restarts: 1 });
    expect(kubectlColumns(t.T5)).toMatchObject({ ready: '3/3', status: 'Running', restarts: 2, restartsText: '2' });
    expect(kubectlColumns(t.T5, Date.parse('2026-07-20T09:00:21Z'))).toMatchObject({
      restartsText: '2 (5s ago)',
      age: '55m',
    });
  });

  it('shows the first container waiting reason, and Terminating', () => {
    const p = samplePod();
    const st = p.status?.containerStatuses?.find((s) => s.name === 'sidecar-2');
    if (st) {
      st.ready = false;
      st.state = { waiting: { reason: 'ErrImagePull' } };
    }
    expect(kubectlColumns(p)).toMatchObject({ ready: '2/3', status: 'ErrImagePull' });
    const q = samplePod();
    q.metadata = { ...q.metadata, deletionTimestamp: '2026-07-20T09:00:00Z' };
    expect(kubectlColumns(q).status).toBe('Terminating');
  });

  it('counts only ready AND running containers', () => {
    const p = samplePod();
    const st = p.status?.containerStatuses?.find((s) => s.name === 'busybox');
    if (st) st.state = { terminated: { exitCode: 0, reason: 'Completed' } };
    expect(kubectlColumns(p)).toMatchObject({ ready: '2/3', status: 'Running' });
  });
});
