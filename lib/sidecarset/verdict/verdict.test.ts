import { describe, expect, it } from 'vitest';
import { losslessVerdict, rolloutVerdict } from './verdict';
import type { ProbeSample } from './verdict';

const T0 = Date.parse('2026-07-20T12:01:00Z');

function series(n: number, everyMs: number, f: (i: number) => Partial<ProbeSample> = () => ({})): ProbeSample[] {
  return Array.from({ length: n }, (_, i) => ({ atMs: T0 + i * everyMs, ok: true, latencyMs: 5, ...f(i) }));
}

describe('losslessVerdict', () => {
  it('reports a lossless rollout with its longest gap and the versions in order', () => {
    const samples = series(412, 100, (i) => ({ version: i < 200 ? 'v1' : 'v2', latencyMs: i === 200 ? 85 : 5 }));
    const v = losslessVerdict(samples);
    expect(v).toMatchObject({ lossless: true, total: 412, failed: 0, longestGapMs: 180, versions: ['v1', 'v2'] });
    expect(v.text).toBe('lossless: 0 of 412 requests failed, longest gap 180 ms');
  });

  it('reports failures with their UTC window', () => {
    const samples = series(100, 100, (i) => (i >= 30 && i < 37 ? { ok: false, error: 'ECONNRESET' } : {}));
    for (const s of samples) if (!s.ok) s.atMs += (samples.indexOf(s) - 30) * 300; // spread 7 failures over ~2 s
    const v = losslessVerdict(samples);
    expect(v.lossless).toBe(false);
    expect(v.failed).toBe(7);
    expect(v.text).toBe('lossy: 7 failed between 12:01:03 and 12:01:05');
    expect(v.firstFailureAt).toBe(T0 + 3000);
  });

  it('counts leading and trailing outages as gaps', () => {
    const samples: ProbeSample[] = [
      { atMs: T0, ok: false, latencyMs: 0 },
      { atMs: T0 + 1000, ok: true, latencyMs: 10 },
      { atMs: T0 + 1100, ok: true, latencyMs: 10 },
      { atMs: T0 + 5000, ok: false, latencyMs: 0 },
    ];
    expect(losslessVerdict(samples).longestGapMs).toBe(3890);
    expect(losslessVerdict([{ atMs: T0, ok: false, latencyMs: 0 }]).text).toBe('lossy: 1 failed at 12:01:00');
  });

  it('says so when there is no data', () => {
    expect(losslessVerdict([])).toMatchObject({ lossless: false, total: 0, text: 'no data: no requests recorded' });
  });
});

describe('rolloutVerdict', () => {
  it('judges each pod and the merged rollout', () => {
    const r = rolloutVerdict({
      'default/a': series(10, 100),
      'default/b': series(10, 100, (i) => (i === 5 ? { ok: false } : {})),
    });
    expect(r.perPod['default/a']?.lossless).toBe(true);
    expect(r.perPod['default/b']?.failed).toBe(1);
    expect(r.rollout).toMatchObject({ total: 20, failed: 1, lossless: false });
  });
});
