import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { PodUpgradePhase, PodView } from '@/lib/sidecarset/views';
import type { Verdict } from '@/lib/sidecarset/verdict';
import { buildPodModel, phaseSteps } from '@/components/timeline/pod-model';
import { SIDECARS, entry, hotUpgrade } from '@/components/timeline/test-fixtures';
import { applyFilters, filterCounts, gridMove, orderCells, parseFilters, formatFilters, podCell } from './grid-model';
import { countAt, phaseSeries, seriesRanges } from './phase-series';
import { stateOfPhase } from './states';
import { buildTrack, rolloutStarts, stateAt } from './track';

const snapshot = (entries: TimelineEntry[], name = 'p', deleted = false) => ({ namespace: 'default', name, uid: name, sidecarSets: ['mosn'], deleted, truncated: 0, entries });
/** A model with the pod's current view set (the model builder itself needs a full view; the track reads only its phase). */
const withView = (m: ReturnType<typeof buildPodModel>, v: PodView | undefined) => ({ ...m, view: v });
const view = (name: string, upgradePhase: PodUpgradePhase, extra: Partial<PodView> = {}): PodView =>
  ({ namespace: 'default', name, upgradePhase, phaseLabel: upgradePhase, severity: 'ok', updated: upgradePhase === 'Done', ...extra }) as PodView;
const verdict = (lossless: boolean, failed = lossless ? 0 : 2): Verdict => ({ lossless, total: 100, failed, longestGapMs: 0, versions: [], text: `${failed} of 100 failed` });

/** The fixture's hot upgrade shifted by `dt` ms: write at 1000+dt, Started 1200+dt, ready 2000+dt, reset 2500+dt, done 2600+dt. */
const shifted = (dt: number) => hotUpgrade().map((e) => ({ ...e, atMs: e.atMs === 0 ? 0 : e.atMs + dt }));

describe('a pod\'s state over time', () => {
  const m = withView(buildPodModel(snapshot(hotUpgrade()), undefined, SIDECARS, []), view('p', 'Done'));
  const track = buildTrack(m);

  it('rolls the recorded sidecar phases up into the pod phase, one step per change', () => {
    expect(phaseSteps(hotUpgrade()).map((s) => `${s.atMs} ${s.phase}`)).toEqual(['0 Done', '1000 NewStarting', '2000 ReadyToReset', '2500 ResettingOld', '2600 Done']);
  });

  it('follows the bands the swimlanes draw: upgrading, migrating (Started → ready), upgrading, resetting, done', () => {
    expect(track.map((s) => `${s.atMs} ${s.state}`)).toEqual(['0 done', '1000 upgrading', '1200 migrating', '2000 upgrading', '2500 resetting', '2600 done']);
    expect(stateAt(track, -1)).toBeUndefined();
    expect(stateAt(track, 1500)).toBe('migrating');
    expect(stateAt(track, 99_999)).toBe('done');
  });

  it('takes the current view from the last entry on, and knows nothing after a deleted pod\'s last entry', () => {
    const failedNow = buildTrack(withView(buildPodModel(snapshot(hotUpgrade()), undefined, SIDECARS, []), view('p', 'Failed')));
    expect(stateAt(failedNow, 2599)).toBe('resetting');
    expect(stateAt(failedNow, 2600)).toBe('failed');
    const gone = buildTrack(buildPodModel(snapshot(hotUpgrade(), 'p', true), undefined, SIDECARS, []));
    expect(stateAt(gone, 2700)).toBeUndefined();
  });

  it('counts a recorded Failed phase as failed even inside an Upgrade band', () => {
    const entries = [...hotUpgrade().slice(0, 7), entry(1500, { kind: 'phase', sidecar: 'mosn', from: 'NewStarting', to: 'Failed' })];
    const t = buildTrack(buildPodModel(snapshot(entries), undefined, SIDECARS, []));
    expect(stateAt(t, 1400)).toBe('migrating');
    expect(stateAt(t, 1500)).toBe('failed');
  });

  it('maps every phase to one overview state', () => {
    expect(stateOfPhase('Pending')).toBe('queued');
    expect(stateOfPhase('Migrating')).toBe('migrating');
    expect(stateOfPhase('ResettingOld')).toBe('resetting');
    expect(stateOfPhase('NotInjected')).toBe('other');
  });
});

describe('phase counts over time', () => {
  // Three pods upgraded one after the other, 2 s apart: writes at 1000, 3000, 5000.
  const tracks = [0, 2000, 4000].map((dt, i) => buildTrack(withView(buildPodModel(snapshot(shifted(dt), `p${i}`), undefined, SIDECARS, []), view(`p${i}`, 'Done'))));

  it('counts each pod once at each moment', () => {
    expect(countAt(tracks, 500)).toMatchObject({ done: 3, upgrading: 0 });
    expect(countAt(tracks, 3300)).toMatchObject({ done: 2, migrating: 1, upgrading: 0, resetting: 0 });
    expect(countAt(tracks, 4500)).toMatchObject({ done: 2, resetting: 1, upgrading: 0 });
    expect(countAt(tracks, 5100)).toMatchObject({ done: 2, upgrading: 1 });
    expect(countAt(tracks, 9000)).toMatchObject({ done: 3 });
  });

  it('leaves a column that touches a gap empty and marked, and columns after now empty', () => {
    const cols = phaseSeries(tracks, { startMs: 0, endMs: 10_000 }, [{ startMs: 3100, endMs: 3900 }], 8000, 10);
    expect(cols.map((c) => (c.gap ? 'gap' : c.counts ? c.total : '-'))).toEqual([3, 3, 3, 'gap', 3, 3, 3, 3, 3, '-']);
    expect(cols[2]?.counts).toMatchObject({ upgrading: 1, done: 2 });
    // Ranges merge equal neighbours, never across a gap, and leave the future unknown.
    const brief = (c?: { done: number; upgrading: number }) => (c ? `done ${c.done} upgrading ${c.upgrading}` : '-');
    expect(seriesRanges(cols).map((r) => `${r.startMs}-${r.endMs} ${r.gap ? 'gap' : brief(r.counts)}`)).toEqual([
      '0-3000 done 2 upgrading 1',
      '3000-4000 gap',
      '4000-6000 done 2 upgrading 1',
      '6000-9000 done 3 upgrading 0',
      '9000-10000 -',
    ]);
    expect(seriesRanges(cols).filter((r) => r.gap)).toHaveLength(1);
  });
});

describe('the pod grid and its filters', () => {
  const cells = [
    podCell(view('a', 'Done'), verdict(true), true),
    podCell(view('b', 'Failed', { severity: 'error' }), undefined, true),
    podCell(view('c', 'Migrating', { severity: 'progress' }), verdict(false), true),
    podCell(view('d', 'Pending', { severity: 'info' }), undefined, false),
  ];

  it('names the pod, its phase and, when lossy, the verdict', () => {
    expect(cells[2]).toMatchObject({ state: 'migrating', lossy: true, inFlight: true, updated: false });
    expect(cells[2]?.label).toBe('default/c: Migrating (migrating), lossy: 2 of 100 failed');
    expect(cells[0]?.lossy).toBe(false);
  });

  it('orders cells as the swimlanes, pods without swimlanes last', () => {
    expect(orderCells(cells, ['default/c', 'default/a', 'default/b']).map((c) => c.key)).toEqual(['default/c', 'default/a', 'default/b', 'default/d']);
  });

  it('counts each filter and shows the pods matching any chosen one', () => {
    expect(filterCounts(cells)).toEqual({ failed: 1, lossy: 1, inFlight: 1, notUpdated: 3 });
    expect(applyFilters(cells, new Set())).toBe(cells);
    expect(applyFilters(cells, new Set(['failed', 'lossy'])).map((c) => c.key)).toEqual(['default/b', 'default/c']);
    expect(formatFilters(parseFilters('lossy,bogus,failed'))).toBe('failed,lossy');
  });

  it('moves like a data grid, the last row short', () => {
    // 7 cells, 3 per row: 0 1 2 / 3 4 5 / 6
    expect(gridMove(1, 'ArrowRight', 7, 3)).toBe(2);
    expect(gridMove(2, 'ArrowRight', 7, 3)).toBe(3);
    expect(gridMove(0, 'ArrowLeft', 7, 3)).toBe(0);
    expect(gridMove(4, 'ArrowDown', 7, 3)).toBe(4);
    expect(gridMove(3, 'ArrowDown', 7, 3)).toBe(6);
    expect(gridMove(4, 'ArrowUp', 7, 3)).toBe(1);
    expect(gridMove(4, 'Home', 7, 3)).toBe(3);
    expect(gridMove(6, 'End', 7, 3)).toBe(6);
    expect(gridMove(4, 'End', 7, 3, true)).toBe(6);
    expect(gridMove(4, 'Enter', 7, 3)).toBeUndefined();
  });
});

describe('queued, inferred from when the rollout started', () => {
  // The rollout starts at 500 (a probe run); the pods are written at 1000, 3000 and 5000.
  const models = [0, 2000, 4000].map((dt, i) => withView(buildPodModel(snapshot(shifted(dt), `p${i}`), undefined, SIDECARS, []), view(`p${i}`, 'Done')));

  it('takes rollout starts from probe runs and from the first write of a burst', () => {
    expect(rolloutStarts(models, [500])).toEqual([500]);
    expect(rolloutStarts(models, [])).toEqual([1000]);
  });

  it('counts a pod done before its own write, after the rollout started, as queued', () => {
    const tracks = models.map((m) => buildTrack(m, rolloutStarts(models, [500])));
    expect(countAt(tracks, 400)).toMatchObject({ done: 3, queued: 0 });
    expect(countAt(tracks, 600)).toMatchObject({ done: 0, queued: 3 });
    expect(countAt(tracks, 3300)).toMatchObject({ done: 1, migrating: 1, queued: 1 });
    expect(countAt(tracks, 9000)).toMatchObject({ done: 3, queued: 0 });
  });
});
