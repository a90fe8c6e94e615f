/**
 * Kruise's rules are implemented twice on purpose: the simulator (lib/embedded-cluster/kruise) plays Kruise, the
 * dashboard (lib/sidecarset/kruise) explains it, and neither imports the other, so one can check the other. Here
 * both judge the same fixtures (the spec's sample pods and SidecarSet, in several states and strategies) and
 * must agree: per pod (updated, upgradable, consistent, ready) and on which pods the next pass takes, in order.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import * as sim from '@/lib/embedded-cluster/kruise/pod-state';
import { getNextUpgradePods } from '@/lib/embedded-cluster/kruise/strategy';
import type { SidecarSet as SimSidecarSet } from '@/lib/embedded-cluster/kruise/types';
import { podCopy, setReady } from '../fixtures/pods';
import { sidecarSetV2, timelinePods } from '../fixtures/timeline-pods';
import { isKruiseReady, isPodStateConsistent, isPodUpdated, isPodUpgradable } from './pod-state';
import { planRollout } from './rollout-plan';
import type { SidecarSet } from './types';

const t = timelinePods();
const asSim = (ss: SidecarSet): SimSidecarSet => structuredClone(ss) as unknown as SimSidecarSet;

/** The timeline's snapshots (T0 waiting … T6 done) as distinct pods, some not ready, some labelled. */
function pods(): Pod[] {
  const out: Pod[] = [];
  let minute = 0;
  for (const [step, pod] of Object.entries(t)) {
    out.push(podCopy(pod, `p-${step.toLowerCase()}`, minute++, { shard: String(minute % 3) }));
    out.push(setReady(podCopy(pod, `p-${step.toLowerCase()}-nr`, minute++, { shard: String(minute % 3) }), false));
  }
  for (let i = 0; i < 6; i++) out.push(podCopy(t.T0, `w-${i}`, 30 + i, { shard: String(i % 3) }));
  return out;
}

const strategies: Array<[string, SidecarSet['spec']['updateStrategy']]> = [
  ['default', undefined],
  ['maxUnavailable 3', { maxUnavailable: 3 }],
  ['maxUnavailable 50%', { maxUnavailable: '50%' }],
  ['partition 4', { partition: 4, maxUnavailable: 2 }],
  ['partition 20%', { partition: '20%', maxUnavailable: 5 }],
  ['selector shard=1', { selector: { matchLabels: { shard: '1' } }, maxUnavailable: 10 }],
  ['priority by shard', { maxUnavailable: 4, priorityStrategy: { weightPriority: [{ weight: 50, matchSelector: { matchLabels: { shard: '2' } } }] } }],
  ['scatter by shard', { maxUnavailable: 6, scatterStrategy: [{ key: 'shard', value: '0' }] }],
];

describe('the simulator and the dashboard agree on Kruise', () => {
  it('per pod: updated, upgradable, consistent, Kruise-ready', () => {
    const ss = sidecarSetV2();
    const differ: string[] = [];
    for (const pod of pods()) {
      const name = pod.metadata?.name ?? '';
      const pairs: Array<[string, boolean, boolean]> = [
        ['updated', sim.isPodSidecarUpdated(asSim(ss), pod), isPodUpdated(ss, pod)],
        ['upgradable', sim.isPodSidecarUpgradable(asSim(ss), pod), isPodUpgradable(ss, pod)],
        ['consistent', sim.isPodStateConsistent(asSim(ss), pod), isPodStateConsistent(ss, pod)],
        ['ready', sim.isPodKruiseReady(asSim(ss), pod), isKruiseReady(ss, pod)],
      ];
      for (const [what, a, b] of pairs) if (a !== b) differ.push(`${name} ${what}: simulator ${a}, dashboard ${b}`);
    }
    expect(differ).toEqual([]);
  });

  it.each(strategies)('on the next pass and its order (%s)', (_name, strategy) => {
    const ss = sidecarSetV2();
    ss.spec.updateStrategy = strategy;
    const all = pods();
    const next = getNextUpgradePods(asSim(ss), all);
    const plan = planRollout(ss, all);
    const uid = (p: Pod) => p.metadata?.uid ?? '';
    expect(plan.waiting).toEqual(next.waiting.map(uid));
    expect(plan.next).toEqual(next.upgrade.map(uid));
    expect(plan.next.length).toBeGreaterThan(0);
  });
});
