import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import { phaseBands } from './bands';
import { containersOf } from './containers';
import { buildPodModel, byUpgradeOrder } from './pod-model';
import { EMPTY, SIDECARS, entry, hotUpgrade } from './test-fixtures';

const snapshot = (entries: TimelineEntry[], name = 'p') => ({ namespace: 'default', name, uid: name, sidecarSets: ['mosn'], deleted: false, truncated: 0, entries });
const brief = (m: ReturnType<typeof buildPodModel>, container: string) =>
  m.lanes.find((l) => l.container.name === container)?.segments.map((s) => `${s.startMs}-${s.open ? 'now' : s.endMs} ${s.state} ${s.image}${s.serving ? ' serving' : ''}`);

describe('pod model of a hot upgrade', () => {
  const m = buildPodModel(snapshot(hotUpgrade()), undefined, SIDECARS, []);

  it('draws the standby slot going from the empty image through the change to serving the new image', () => {
    expect(brief(m, 'mosn-2')).toEqual([
      `0-1000 empty docker.io/${EMPTY}`,
      '1000-2000 waiting tinyqian/mosn:v2',
      '2000-now ready docker.io/tinyqian/mosn:v2 serving',
    ]);
  });

  it('draws the old slot serving until the flip, then reset to the empty image', () => {
    expect(brief(m, 'mosn-1')).toEqual([
      '0-2000 ready docker.io/tinyqian/mosn:v1 serving',
      '2000-2500 ready docker.io/tinyqian/mosn:v1',
      '2500-2600 waiting openkruise/hotupgrade-sample:empty',
      `2600-now empty docker.io/${EMPTY}`,
    ]);
  });

  it('marks restarts on their slot and the flip on the slot that serves from then on', () => {
    const markers = m.lanes.flatMap((l) => l.markers.map((x) => `${l.container.name} ${x.kind}@${x.atMs}${x.to ? `→${x.to}` : ''}`));
    expect(markers).toEqual(['mosn-1 restart@2600', 'mosn-2 restart@2000', 'mosn-2 flip@2000→mosn-2']);
  });

  it('finds the Upgrade, Migration (Started → ready) and Reset bands', () => {
    expect(m.bands.map((b) => `${b.kind} ${b.container} ${b.startMs}-${b.open ? 'now' : b.endMs}`)).toEqual([
      'Upgrade mosn-2 1000-2600',
      'Migration mosn-2 1200-2000',
      'Reset mosn-1 2500-2600',
    ]);
    expect(m.upgradeStartMs).toBe(1000);
    expect(m.rv).toBe('3600');
    expect(m.podEvents.map((e) => e.reason)).toEqual(['ResetContainerSucceed']);
  });

  it('closes the bands when a gap hid the phase changes: the reset slot came back up on the empty image', () => {
    const net = hotUpgrade().filter((e) => e.kind !== 'phase').map((e) => ({ ...e, atMs: e.atMs < 1000 ? e.atMs : 5000 }));
    const bands = phaseBands(net, containersOf(SIDECARS, undefined, net), 9000);
    expect(bands.filter((b) => b.kind !== 'Migration').map((b) => `${b.kind} ${b.startMs}-${b.open ? 'now' : b.endMs}`)).toEqual(['Upgrade 5000-5000', 'Reset 5000-5000']);
  });

  it('leaves bands open while the upgrade runs', () => {
    const partial = hotUpgrade().filter((e) => e.atMs < 2000);
    const live = buildPodModel(snapshot(partial), undefined, SIDECARS, []);
    expect(live.bands.map((b) => `${b.kind} ${b.open ? 'open' : 'closed'}`)).toEqual(['Upgrade open', 'Migration open']);
  });

  it("keeps the old slot serving mid-upgrade: Kruise's working-slot annotation moves at the write, not the traffic", () => {
    const live = buildPodModel(snapshot(hotUpgrade().filter((e) => e.kind !== 'servingSlot')), undefined, SIDECARS, []);
    expect(brief(live, 'mosn-1')?.[0]).toBe('0-2500 ready docker.io/tinyqian/mosn:v1 serving');
    expect(brief(live, 'mosn-2')?.some((s) => s.endsWith('serving'))).toBe(false);
  });

  it('orders lanes app containers first, then the slots', () => {
    const withApp = [...hotUpgrade(), entry(10, { kind: 'state', container: 'test-app', from: { state: 'waiting', reason: 'ContainerCreating' }, to: { state: 'running' } })];
    expect(containersOf(SIDECARS, undefined, withApp).map((c) => `${c.name}:${c.role}`)).toEqual(['test-app:app', 'mosn-1:slot', 'mosn-2:slot']);
  });

  it('sorts rows in upgrade order, never-upgraded pods last', () => {
    const later = buildPodModel(snapshot(hotUpgrade().map((e) => ({ ...e, atMs: e.atMs + 5000 })), 'b'), undefined, SIDECARS, []);
    const idle = buildPodModel(snapshot([entry(0, { kind: 'phase', sidecar: 'mosn', to: 'Done' })], 'a'), undefined, SIDECARS, []);
    expect([idle, later, m].sort(byUpgradeOrder).map((x) => x.name)).toEqual(['p', 'b', 'a']);
  });

  it('shows a waiting container that cannot start as failed', () => {
    const crash = [...hotUpgrade().filter((e) => e.atMs < 2000), entry(1500, { kind: 'state', container: 'mosn-2', from: { state: 'running' }, to: { state: 'waiting', reason: 'CrashLoopBackOff' } })];
    expect(brief(buildPodModel(snapshot(crash), undefined, SIDECARS, []), 'mosn-2')?.at(-1)).toBe('1500-now failed tinyqian/mosn:v2');
  });
});
