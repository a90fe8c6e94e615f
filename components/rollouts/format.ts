/**
 * How a recorded rollout reads in the list and on its page: outcome, duration, who, coverage and verdict as
 * words, and the pages' URLs (all their state is in the URL, so a link shows what its sender saw).
 */
import type { RolloutCoverage, RolloutListItem, RolloutOutcome, RolloutStartedBy, RolloutVerdict } from '@/lib/api';
import type { Severity } from '@/lib/sidecarset/views';

export const OUTCOMES: readonly RolloutOutcome[] = ['in-progress', 'completed', 'paused', 'superseded', 'abandoned'];

export const outcomeInfo: Record<RolloutOutcome, { label: string; severity: Severity; description: string }> = {
  'in-progress': { label: 'In progress', severity: 'progress', description: 'Pods are still being upgraded.' },
  completed: { label: 'Completed', severity: 'ok', description: 'Every pod reached the new image.' },
  paused: { label: 'Paused', severity: 'info', description: 'The SidecarSet was paused before every pod was upgraded.' },
  superseded: { label: 'Superseded', severity: 'warning', description: 'Another image change started before this one finished.' },
  abandoned: { label: 'Abandoned', severity: 'muted', description: 'The rollout stopped without finishing (the SidecarSet was deleted or changed back).' },
};

const n = (x: number) => x.toLocaleString('en-US');

/** `850 ms`, `12.4 s`, `4 min 12 s`, `1 h 3 min`. */
export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** The rollout's duration; one in progress reads "… so far" against `nowMs`. */
export function rolloutDurationText(item: Pick<RolloutListItem, 'startedAt' | 'endedAt'>, nowMs: number): string {
  if (item.endedAt !== undefined) return durationText(item.endedAt - item.startedAt);
  return `${durationText(nowMs - item.startedAt)} so far`;
}

export function whoText(by: RolloutStartedBy): string {
  return by.kind === 'dashboard' ? by.user : 'outside the dashboard (kubectl, GitOps)';
}

/** "probed 2,000 of 2,000 pods". */
export function coverageText(c: RolloutCoverage): string {
  return `probed ${n(c.podsProbed)} of ${n(c.podsTotal)} pods`;
}

export function verdictInfo(v: RolloutVerdict): { label: string; severity: Severity } {
  if (v.lossless === true) return { label: 'Lossless', severity: 'ok' };
  if (v.lossless === false) return { label: v.lossyPods > 0 ? `Lossy: ${n(v.lossyPods)} ${v.lossyPods === 1 ? 'pod' : 'pods'}` : 'Not proven lossless', severity: 'error' };
  return { label: 'Unknown', severity: 'muted' };
}

/** `tinyqian/mosn:v1 → tinyqian/mosn:v2`, registry prefixes dropped as the timeline does. */
export function changeText(item: Pick<RolloutListItem, 'fromImage' | 'toImage'>): string {
  const short = (i: string) => i.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return `${short(item.fromImage)} → ${short(item.toImage)}`;
}

export function newestFirst<T extends Pick<RolloutListItem, 'startedAt' | 'id'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ListQuery {
  sidecarSet?: string;
  outcome?: RolloutOutcome;
}

export function parseListQuery(params: { get(name: string): string | null }): ListQuery {
  const sidecarSet = params.get('sidecarSet') ?? undefined;
  const outcome = params.get('outcome');
  return {
    sidecarSet: sidecarSet === '' ? undefined : sidecarSet,
    outcome: OUTCOMES.find((o) => o === outcome),
  };
}

export function listHref(q: ListQuery): string {
  const p = new URLSearchParams();
  if (q.sidecarSet) p.set('sidecarSet', q.sidecarSet);
  if (q.outcome) p.set('outcome', q.outcome);
  const s = p.toString();
  return s ? `/rollouts?${s}` : '/rollouts';
}

export const rolloutHref = (id: string): string => `/rollouts/${encodeURIComponent(id)}`;
export const compareHref = (a: string, b: string): string => `/rollouts/compare?${new URLSearchParams({ a, b }).toString()}`;

/** The rollout before each one, of the same SidecarSet (the natural thing to compare with). */
export function previousOf(items: readonly RolloutListItem[]): Map<string, RolloutListItem> {
  const out = new Map<string, RolloutListItem>();
  const sorted = newestFirst(items);
  sorted.forEach((item, i) => {
    const prev = sorted.slice(i + 1).find((x) => x.sidecarSet === item.sidecarSet);
    if (prev) out.set(item.id, prev);
  });
  return out;
}

/** `2026-12-02 18:40:05 UTC`: history spans days, and UTC compares across machines as the verdicts do. */
export function dateTimeText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
