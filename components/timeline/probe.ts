/**
 * The probe lane of one pod: consecutive samples merged into spans (answered by one version, or failed), so a
 * 15-minute run at 5 requests a second stays a handful of elements, and the points where the answering
 * version changed. Spans break where no request was made for a while: no data is never drawn as success.
 */
import type { ProbeSample } from '@/lib/sidecarset/verdict';

export interface ProbeSpan {
  ok: boolean;
  startMs: number;
  endMs: number;
  count: number;
  version?: string;
  maxLatencyMs: number;
  /** The first few distinct errors, for the tooltip. */
  errors: string[];
}

export interface VersionSwitch {
  atMs: number;
  from: string;
  to: string;
}

export interface ProbeLaneModel {
  spans: ProbeSpan[];
  switches: VersionSwitch[];
  total: number;
  failed: number;
}

export function probeLane(samples: readonly ProbeSample[], intervalMs: number): ProbeLaneModel {
  const sorted = [...samples].sort((a, b) => a.atMs - b.atMs);
  const spans: ProbeSpan[] = [];
  const switches: VersionSwitch[] = [];
  const breakAfter = Math.max(3 * intervalMs, 1000);
  let lastVersion: string | undefined;
  let lastAt: number | undefined;
  for (const s of sorted) {
    const cur = spans[spans.length - 1];
    const version = s.ok ? s.version : undefined;
    if (s.ok && version !== undefined) {
      if (lastVersion !== undefined && version !== lastVersion) switches.push({ atMs: s.atMs, from: lastVersion, to: version });
      lastVersion = version;
    }
    const continues = cur && lastAt !== undefined && s.atMs - lastAt <= breakAfter && cur.ok === s.ok && cur.version === version;
    const end = s.atMs + Math.max(intervalMs, s.latencyMs);
    if (continues) {
      cur.endMs = Math.max(cur.endMs, end);
      cur.count++;
      cur.maxLatencyMs = Math.max(cur.maxLatencyMs, s.latencyMs);
      if (s.error && cur.errors.length < 3 && !cur.errors.includes(s.error)) cur.errors.push(s.error);
    } else {
      // The previous span lasts until this request at most: two spans never overlap.
      if (cur && cur.endMs > s.atMs) cur.endMs = s.atMs;
      spans.push({ ok: s.ok, startMs: s.atMs, endMs: end, count: 1, version, maxLatencyMs: s.latencyMs, errors: s.error ? [s.error] : [] });
    }
    lastAt = s.atMs;
  }
  return { spans, switches, total: sorted.length, failed: sorted.filter((s) => !s.ok).length };
}
