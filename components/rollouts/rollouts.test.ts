import { describe, expect, it } from 'vitest';
import { buildPodModel, byUpgradeOrder } from '@/components/timeline/pod-model';
import { buildTrack } from '@/components/rollout-overview/track';
import { comparePods, distribution, histogram, migrationTimes, podTimes } from './compare-model';
import { EMPTY, listItem, record } from './fixtures.testkit';
import { changeText, compareHref, coverageText, durationText, listHref, newestFirst, parseListQuery, previousOf, rolloutDurationText, verdictInfo, whoText } from './format';
import { recordCells, recordEndMs, recordSidecars } from './record-model';

describe('the rollout list', () => {
  it('reads outcome, duration, who, coverage and verdict as words', () => {
    const item = listItem('r1', 0);
    expect(rolloutDurationText(item, 0)).toBe('4 min 12 s');
    expect(rolloutDurationText({ startedAt: 0 }, 12_400)).toBe('12.4 s so far');
    expect(durationText(850)).toBe('850 ms');
    expect(durationText(3_780_000)).toBe('1 h 3 min');
    expect(whoText(item.startedBy)).toBe('alice');
    expect(whoText({ kind: 'outside' })).toMatch(/^outside the dashboard/);
    expect(coverageText(item.verdict.coverage)).toBe('probed 2,000 of 2,000 pods');
    expect(verdictInfo(item.verdict)).toEqual({ label: 'Lossless', severity: 'ok' });
    expect(verdictInfo({ ...item.verdict, lossless: false, lossyPods: 3 }).label).toBe('Lossy: 3 pods');
    expect(verdictInfo({ ...item.verdict, lossless: null }).label).toBe('Unknown');
    expect(changeText(item)).toBe('tinyqian/mosn:v1 → tinyqian/mosn:v2');
  });

  it('lists newest first and pairs each rollout with the one before it on the same SidecarSet', () => {
    const items = [listItem('old', 100), listItem('other', 300, { sidecarSet: 'envoy' }), listItem('new', 500)];
    expect(newestFirst(items).map((i) => i.id)).toEqual(['new', 'other', 'old']);
    const prev = previousOf(items);
    expect(prev.get('new')?.id).toBe('old');
    expect(prev.has('other')).toBe(false);
    expect(prev.has('old')).toBe(false);
  });

  it('keeps its state in the URL', () => {
    expect(listHref({ sidecarSet: 'mosn', outcome: 'paused' })).toBe('/rollouts?sidecarSet=mosn&outcome=paused');
    expect(listHref({})).toBe('/rollouts');
    expect(parseListQuery(new URLSearchParams('sidecarSet=mosn&outcome=bogus'))).toEqual({ sidecarSet: 'mosn', outcome: undefined });
    expect(compareHref('a/1', 'b')).toBe('/rollouts/compare?a=a%2F1&b=b');
  });
});

describe('a recorded rollout replayed', () => {
  const r = record('r1', { failedPod: 2, lossyPod: 1 });
  const sidecars = recordSidecars(r);
  const models = r.timeline.pods.map((p) => buildPodModel(p, undefined, sidecars, [])).sort(byUpgradeOrder);
  const tracks = models.map((m) => buildTrack(m, [900]));

  it('derives the hot sidecar and its empty image from the entries', () => {
    expect(sidecars).toMatchObject([{ name: 'mosn', upgradeType: 'HotUpgrade', emptyImage: EMPTY }]);
    expect(models[0]?.lanes.map((l) => l.container.name)).toEqual(['mosn-1', 'mosn-2']);
  });

  it('freezes at the end and shows each pod as it was then, failures and lossy pods from the record', () => {
    expect(recordEndMs(r)).toBe(7000);
    expect(recordEndMs({ ...r, endedAt: undefined })).toBe(8000);
    const cells = recordCells(r, models, tracks, recordEndMs(r));
    expect(cells.map((c) => `${c.key} ${c.state}${c.lossy ? ' lossy' : ''}`)).toEqual(['default/p0 done', 'default/p1 done lossy', 'default/p2 failed']);
    // Mid-rollout, the second pod was migrating and the third queued.
    expect(recordCells(r, models, tracks, 3500).map((c) => c.state)).toEqual(['done', 'migrating', 'failed']);
    expect(recordCells(record('r2'), models, tracks, 3500).map((c) => c.state)).toEqual(['done', 'migrating', 'queued']);
  });
});

describe('two rollouts compared', () => {
  const a = podTimes(record('a'));
  const b = podTimes(record('b', { slow: 500, failedPod: 1 }));

  it('gives each pod its upgrade and migration time on both sides', () => {
    const pairs = comparePods(a, b);
    expect(pairs.map((p) => `${p.key} ${p.a?.upgradeMs} ${p.b?.upgradeMs} ${p.deltaMs}`)).toEqual(['default/p0 1600 2100 500', 'default/p1 1600 2100 500', 'default/p2 1600 2100 500']);
    expect(pairs[1]?.b?.failed).toBe(true);
    expect(comparePods(a, b.slice(0, 1)).at(-1)?.b).toBeUndefined();
  });

  it('summarises migration times by quantiles and on shared buckets', () => {
    expect(distribution(migrationTimes(a))).toEqual({ count: 3, minMs: 800, p50Ms: 800, p90Ms: 800, p99Ms: 800, maxMs: 800 });
    expect(distribution(migrationTimes(b))).toMatchObject({ minMs: 1300, p50Ms: 1800, maxMs: 2300 });
    expect(distribution([])).toBeUndefined();
    const h = histogram(migrationTimes(a), migrationTimes(b), 4);
    expect(h.map((x) => `${x.fromMs}-${x.toMs} ${x.a}/${x.b}`)).toEqual(['0-576 0/0', '576-1152 3/0', '1152-1728 0/1', '1728-2304 0/2']);
  });
});
