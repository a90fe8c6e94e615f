// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import type { Param, Queryable } from './driver';
import { parseJson } from './json';
import { podKey, toEntry, toGap, toSample, type EntryRow, type GapRow, type SampleRow, type VerdictRow } from './rows';
import type { PodRecord, PodRef, RolloutRecord, RolloutSummary } from './types';

/** A rollout's pods with their entries (in seq order), samples (by time) and verdicts, plus its gaps. */
export async function readRollout(q: Queryable, summary: RolloutSummary, pod: PodRef | undefined): Promise<RolloutRecord> {
  const id = summary.id;
  const podWhere = pod ? ' AND pod_namespace = ? AND pod_name = ?' : '';
  const params: Param[] = pod ? [id, pod.namespace, pod.name] : [id];
  const podRows = await q.all<{ namespace: string; name: string }>(
    `SELECT namespace, name FROM rollout_pods WHERE rollout_id = ?${pod ? ' AND namespace = ? AND name = ?' : ''}`, params,
  );
  const pods = new Map<string, PodRecord>(podRows.map((p) => [podKey(p), { namespace: p.namespace, name: p.name, entries: [], samples: [] }]));
  const at = (p: PodRef): PodRecord => {
    const k = podKey(p);
    let r = pods.get(k);
    if (!r) pods.set(k, (r = { ...p, entries: [], samples: [] }));
    return r;
  };
  for (const row of await q.all<EntryRow>(`SELECT seq, pod_namespace, pod_name, at_ms, payload FROM rollout_entries WHERE rollout_id = ?${podWhere} ORDER BY seq`, params)) {
    const e = toEntry(row);
    at(e.pod).entries.push(e);
  }
  for (const row of await q.all<SampleRow>(
    `SELECT pod_namespace, pod_name, bucket_ms, path, ok_count, failed_count, versions FROM rollout_samples WHERE rollout_id = ?${podWhere} ORDER BY bucket_ms, path`, params,
  )) {
    const s = toSample(row);
    at(s.pod).samples.push(s);
  }
  for (const row of await q.all<VerdictRow>(`SELECT pod_namespace, pod_name, payload FROM rollout_verdicts WHERE rollout_id = ?${podWhere}`, params)) {
    at({ namespace: row.pod_namespace, name: row.pod_name }).verdict = parseJson(row.payload);
  }
  const gaps = (await q.all<GapRow>('SELECT gap_id, from_ms, to_ms, reason FROM rollout_gaps WHERE rollout_id = ? ', [id])).map(toGap)
    .sort((a, b) => a.fromMs - b.fromMs || cmp(a.id, b.id));
  // Sorted here, not in SQL: PostgreSQL's collation may order names differently from SQLite's byte order.
  const sorted = [...pods.values()].sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
  return { ...summary, pods: sorted, gaps };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
