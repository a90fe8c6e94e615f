import { describe, expect, it } from 'vitest';
import { podCopy } from '@/lib/sidecarset/fixtures/pods';
import { samplePod, sampleSidecarSetV1beta1 } from '@/lib/sidecarset/fixtures/samples';
import { sidecarSetView } from '@/lib/sidecarset/views';
import type { PodView } from '@/lib/sidecarset/views';
import { imagesSeen, upgradeImpact } from './upgrade-impact';

const view = sidecarSetView(sampleSidecarSetV1beta1(), ['a', 'b', 'c', 'd'].map((n, i) => podCopy(samplePod(), n, i)), undefined);

describe('upgradeImpact', () => {
  it('upgrades every member pod by default', () => {
    expect(upgradeImpact(view.summary, view.pods)).toMatchObject({ pods: 4, members: 4, heldByPartition: 0, maxUnavailable: 1, paused: false });
  });

  it('holds partition pods back and says when paused', () => {
    const summary = { ...view.summary, updateStrategy: { ...view.summary.updateStrategy, partitionCount: 3, paused: true } };
    expect(upgradeImpact(summary, view.pods)).toMatchObject({ pods: 1, heldByPartition: 3, paused: true });
  });

  it('leaves out pods outside the update selector, not upgradable, or not injected', () => {
    const [a, b, c, d] = view.pods as [PodView, PodView, PodView, PodView];
    const pods: PodView[] = [
      { ...a, pending: { reason: 'NotSelected', label: '', detail: '' } },
      { ...b, upgradable: false },
      { ...c, member: false, selectedButNotInjected: true },
      d,
    ];
    expect(upgradeImpact(view.summary, pods)).toMatchObject({ pods: 1, members: 3, outsideUpdateSelector: 1, notUpgradable: 1, notInjected: 1 });
  });

  it('upgrades nothing under NotUpdate', () => {
    const summary = { ...view.summary, updateStrategy: { ...view.summary.updateStrategy, type: 'NotUpdate' as const } };
    expect(upgradeImpact(summary, view.pods)).toMatchObject({ pods: 0, notUpdate: true });
  });
});

describe('imagesSeen', () => {
  it('offers the real images on the slots, never the empty image', () => {
    const images = imagesSeen(view.summary, view.pods, 'sidecar');
    expect(images).toContain('openkruise/hotupgrade-sample:sidecarv1');
    expect(images).not.toContain('openkruise/hotupgrade-sample:empty');
  });
});
