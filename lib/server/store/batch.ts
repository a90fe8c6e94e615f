// Server-only module; no `import 'server-only'` (it throws outside Next's react-server build, breaking vitest).
import type { Param, Queryable } from './driver';
import { byteLength, jsonText, ROW_OVERHEAD_BYTES } from './json';
import { checkGap, checkPod, checkSample, mergeBuckets, mergeVersions, podKey, time } from './rows';
import { StoreInputError, type GapInput, type PodRef, type RolloutBatch, type SampleBucket } from './types';

/** Rows per multi-row INSERT: few round trips to PostgreSQL, far below both engines' parameter limits. */
const CHUNK = 200;

export interface PreparedBatch {
  batchId?: string;
  pods: PodRef[];
  entries: Array<{ pod: PodRef; atMs: number; payload: string }>;
  samples: SampleBucket[];
  verdicts: Array<{ pod: PodRef; payload: string }>;
  gaps: GapInput[];
}

/** Validates the whole batch and turns payloads into JSON text; throws StoreInputError on the first bad item. */
export function prepareBatch(batch: RolloutBatch): PreparedBatch {
  if (batch.batchId !== undefined && (typeof batch.batchId !== 'string' || batch.batchId.length === 0)) throw new StoreInputError('batchId must be a non-empty string');
  const entries = (batch.entries ?? []).map((e, i) => ({
    pod: checkPod(e.pod, `entries[${i}].pod`),
    atMs: time(e.atMs, `entries[${i}].atMs`),
    payload: jsonText(e.payload, `entries[${i}].payload`),
  }));
  const samples = mergeBuckets((batch.samples ?? []).map((s, i) => checkSample(s, `samples[${i}]`)));
  // The last verdict for a pod in one batch wins, as it would across batches.
  const verdicts = new Map<string, { pod: PodRef; payload: string }>();
  (batch.verdicts ?? []).forEach((v, i) => {
    const pod = checkPod(v.pod, `verdicts[${i}].pod`);
    verdicts.set(podKey(pod), { pod, payload: jsonText(v.verdict, `verdicts[${i}].verdict`) });
  });
  const gaps = (batch.gaps ?? []).map((g, i) => checkGap(g, `gaps[${i}]`));
  const pods = new Map<string, PodRef>();
  for (const x of [...entries, ...samples, ...verdicts.values()]) pods.set(podKey(x.pod), x.pod);
  return { batchId: batch.batchId, pods: [...pods.values()], entries, samples, verdicts: [...verdicts.values()], gaps };
}

/** Writes a prepared batch inside the caller's transaction; returns the bytes it added (for the size budget). */
export async function writeBatch(q: Queryable, rolloutId: string, firstSeq: number, b: PreparedBatch): Promise<number> {
  let bytes = 0;
  for (const pod of b.pods) {
    const added = await q.run('INSERT INTO rollout_pods (rollout_id, namespace, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [rolloutId, pod.namespace, pod.name]);
    bytes += added * (ROW_OVERHEAD_BYTES + byteLength(pod.namespace, pod.name));
  }
  for (let i = 0; i < b.entries.length; i += CHUNK) {
    const chunk = b.entries.slice(i, i + CHUNK);
    const params: Param[] = [];
    chunk.forEach((e, j) => {
      params.push(rolloutId, firstSeq + i + j, e.pod.namespace, e.pod.name, e.atMs, e.payload);
      bytes += ROW_OVERHEAD_BYTES + byteLength(e.pod.namespace, e.pod.name, e.payload);
    });
    await q.run(`INSERT INTO rollout_entries (rollout_id, seq, pod_namespace, pod_name, at_ms, payload) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, params);
  }
  for (const s of b.samples) bytes += await writeSample(q, rolloutId, s);
  for (const v of b.verdicts) {
    const old = await q.all<{ payload: string }>('SELECT payload FROM rollout_verdicts WHERE rollout_id = ? AND pod_namespace = ? AND pod_name = ?', [rolloutId, v.pod.namespace, v.pod.name]);
    await q.run(
      `INSERT INTO rollout_verdicts (rollout_id, pod_namespace, pod_name, payload) VALUES (?, ?, ?, ?)
       ON CONFLICT (rollout_id, pod_namespace, pod_name) DO UPDATE SET payload = excluded.payload`,
      [rolloutId, v.pod.namespace, v.pod.name, v.payload],
    );
    bytes += old[0] ? byteLength(v.payload) - byteLength(old[0].payload) : ROW_OVERHEAD_BYTES + byteLength(v.pod.namespace, v.pod.name, v.payload);
  }
  for (const g of b.gaps) {
    const old = await q.all<{ reason: string }>('SELECT reason FROM rollout_gaps WHERE rollout_id = ? AND gap_id = ?', [rolloutId, g.id]);
    await q.run(
      `INSERT INTO rollout_gaps (rollout_id, gap_id, from_ms, to_ms, reason) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (rollout_id, gap_id) DO UPDATE SET from_ms = excluded.from_ms, to_ms = excluded.to_ms, reason = excluded.reason`,
      [rolloutId, g.id, g.fromMs, g.toMs, g.reason],
    );
    bytes += old[0] ? byteLength(g.reason) - byteLength(old[0].reason) : ROW_OVERHEAD_BYTES + byteLength(g.id, g.reason);
  }
  return bytes;
}

/** Adds a bucket's counts to any already stored for it; returns the bytes it added. */
async function writeSample(q: Queryable, rolloutId: string, s: SampleBucket): Promise<number> {
  const key: Param[] = [rolloutId, s.pod.namespace, s.pod.name, s.bucketMs, s.path];
  const where = 'rollout_id = ? AND pod_namespace = ? AND pod_name = ? AND bucket_ms = ? AND path = ?';
  // Safe read-then-write: the caller holds the rollout's row lock, so no other batch of it runs meanwhile.
  const old = (await q.all<{ ok_count: number | string; failed_count: number | string; versions: string }>(`SELECT ok_count, failed_count, versions FROM rollout_samples WHERE ${where}`, key))[0];
  if (!old) {
    const versions = JSON.stringify(s.versions);
    await q.run('INSERT INTO rollout_samples (rollout_id, pod_namespace, pod_name, bucket_ms, path, ok_count, failed_count, versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [...key, s.ok, s.failed, versions]);
    return ROW_OVERHEAD_BYTES + byteLength(s.pod.namespace, s.pod.name, versions);
  }
  const versions = JSON.stringify(mergeVersions(JSON.parse(old.versions) as string[], s.versions));
  await q.run(`UPDATE rollout_samples SET ok_count = ?, failed_count = ?, versions = ? WHERE ${where}`, [Number(old.ok_count) + s.ok, Number(old.failed_count) + s.failed, versions, ...key]);
  return byteLength(versions) - byteLength(old.versions);
}
