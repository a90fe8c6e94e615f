/**
 * What a freshly started recorder can still learn about a pod's past from the pod itself: when each container
 * instance started, and when and how the previous one ended. Everything else before the recorder started is
 * unknown, and the recorder marks it as a gap rather than inventing continuity.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { containerReason, containerStateKind } from '../views/container-health';
import { timeMs } from '../kruise/time';
import type { TimelineEntry } from './types';

export function backfillPod(pod: Pod): TimelineEntry[] {
  const meta = pod.metadata;
  const podId = meta?.uid ?? `${meta?.namespace ?? 'default'}/${meta?.name ?? ''}`;
  const subject = { kind: 'Pod', namespace: meta?.namespace ?? 'default', name: meta?.name ?? '', uid: meta?.uid };
  const out: TimelineEntry[] = [];
  for (const st of pod.status?.containerStatuses ?? []) {
    const last = st.lastState?.terminated;
    const endedAt = timeMs(last?.finishedAt);
    if (last && endedAt !== undefined) {
      out.push({
        id: `${podId}/backfill/terminated/${st.name}/${endedAt}`,
        atMs: endedAt,
        subject,
        container: st.name,
        kind: 'state',
        to: { state: 'terminated', reason: last.reason, exitCode: last.exitCode, startedAtMs: timeMs(last.startedAt) },
        severity: last.exitCode === 0 || last.exitCode === 143 ? 'info' : 'warning',
        text: `${st.name} previous instance ended (${last.reason ?? `exit ${last.exitCode}`})`,
      });
    }
    const startedAt = timeMs(st.state?.running?.startedAt);
    if (startedAt !== undefined) {
      out.push({
        id: `${podId}/backfill/state/${st.name}/${startedAt}`,
        atMs: startedAt,
        subject,
        container: st.name,
        kind: 'state',
        to: { state: containerStateKind(st), reason: containerReason(st), startedAtMs: startedAt },
        severity: 'ok',
        text: `${st.name} running ${st.image} (restart #${st.restartCount}, from the pod's status)`,
      });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}
