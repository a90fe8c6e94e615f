/**
 * The `kubectl get pod` READY / STATUS / RESTARTS / AGE columns, ported from kubectl's printPod
 * (pkg/printers/internalversion/printers.go) so the dashboard shows exactly what an operator's terminal shows,
 * e.g. `3/3 Running 2` after one hot upgrade (spec §3.3).
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { humanDuration, timeMs } from '../kruise/time';
import type { KubectlColumns } from './types';

function isRestartableInit(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function laterOf(a: number | undefined, b: unknown): number | undefined {
  const t = timeMs(b);
  if (t === undefined) return a;
  return a === undefined || t > a ? t : a;
}

interface InitResult {
  reason?: string;
  initializing: boolean;
  readySidecars: number;
  /** Every init container's restarts: what RESTARTS shows while the pod is still initializing. */
  allRestarts: number;
  lastRestartMs?: number;
  sidecarRestarts: number;
  lastSidecarRestartMs?: number;
}

/** Init containers: the `Init:x/y` reasons, plus native sidecars that count towards READY and RESTARTS. */
function initColumns(pod: Pod): InitResult {
  const inits = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c] as const));
  const statuses = pod.status?.initContainerStatuses ?? [];
  const out: InitResult = { initializing: false, readySidecars: 0, allRestarts: 0, sidecarRestarts: 0 };
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i] as ContainerStatus;
    const restartable = isRestartableInit(inits.get(s.name));
    out.allRestarts += s.restartCount;
    out.lastRestartMs = laterOf(out.lastRestartMs, s.lastState?.terminated?.finishedAt);
    if (restartable) {
      out.sidecarRestarts += s.restartCount;
      out.lastSidecarRestartMs = laterOf(out.lastSidecarRestartMs, s.lastState?.terminated?.finishedAt);
    }
    const term = s.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (restartable && s.started) {
      if (s.ready) out.readySidecars++;
      continue;
    }
    if (term) {
      out.reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') {
      out.reason = `Init:${s.state.waiting.reason}`;
    } else {
      out.reason = `Init:${i}/${pod.spec?.initContainers?.length ?? 0}`;
    }
    out.initializing = true;
    break;
  }
  return out;
}

/** READY, STATUS, RESTARTS (and AGE when nowMs is given) for one pod. */
export function kubectlColumns(pod: Pod, nowMs?: number): KubectlColumns {
  const specs = pod.spec?.containers ?? [];
  const total = specs.length + (pod.spec?.initContainers ?? []).filter(isRestartableInit).length;
  let reason = pod.status?.reason || pod.status?.phase || '';
  if (pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }
  const init = initColumns(pod);
  if (init.reason) reason = init.reason;
  let readyCount = init.readySidecars;
  let restarts = init.allRestarts;
  let lastRestartMs = init.lastRestartMs;
  const initialized = pod.status?.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') ?? false;
  if (!init.initializing || initialized) {
    restarts = init.sidecarRestarts;
    lastRestartMs = init.lastSidecarRestartMs;
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    // kubectl walks the statuses backwards, so the reason that wins is the first container's.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const s = statuses[i] as ContainerStatus;
      restarts += s.restartCount;
      lastRestartMs = laterOf(lastRestartMs, s.lastState?.terminated?.finishedAt);
      const waiting = s.state?.waiting;
      const term = s.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (s.ready && s.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  const phase = pod.status?.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartMs !== undefined && nowMs !== undefined) {
    restartsText = `${restarts} (${humanDuration(nowMs - lastRestartMs)} ago)`;
  }
  const created = timeMs(pod.metadata?.creationTimestamp);
  return {
    ready: `${readyCount}/${total}`,
    readyCount,
    total,
    status: reason,
    restarts,
    restartsText,
    age: nowMs !== undefined && created !== undefined ? humanDuration(nowMs - created) : undefined,
  };
}
