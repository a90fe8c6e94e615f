import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { toRfc3339 } from '../clock';
import { buildContainerStatus } from './container-status';
import type { PodState } from './pod-state';
import type { ContainerRuntime } from './runtime/runtime';

export interface PodStatusInput {
  pod: Pod;
  state: PodState;
  runtime: ContainerRuntime;
  nodeIP: string;
  now: number;
  /** The clock's speed: readiness delays are simulated time, `now` and start times are wall-clock. */
  speed?: number;
  /** Every container has stopped for good (the pod is being deleted). */
  terminal: boolean;
}

/** The kubelet's generateAPIPodStatus, reduced to what this cluster models. */
export function buildPodStatus(input: PodStatusInput): PodStatus {
  const { pod, state, runtime, now, terminal } = input;
  const specs = pod.spec?.containers ?? [];
  const statuses = specs
    .map((c) => buildContainerStatus(c, state.containers.get(c.name), runtime, now, input.speed))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const phase = terminal ? terminalPhase(statuses) : podPhase(statuses);
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const conditions = buildConditions(input, phase, unready);
  return {
    phase,
    conditions,
    hostIP: input.nodeIP,
    hostIPs: [{ ip: input.nodeIP }],
    ...(state.podIP ? { podIP: state.podIP, podIPs: [{ ip: state.podIP }] } : {}),
    ...(state.startTime !== undefined ? { startTime: toRfc3339(state.startTime) } : {}),
    containerStatuses: statuses,
    qosClass: qosClass(pod),
  };
}

/** getPhase for restartPolicy Always: Pending while some container never started, else Running. */
function podPhase(statuses: ContainerStatus[]): PodStatus['phase'] {
  let waiting = 0;
  let running = 0;
  for (const s of statuses) {
    if (s.state?.running) running++;
    else if (s.state?.waiting && !s.lastState?.terminated) waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  return statuses.length > 0 ? 'Running' : 'Pending';
}

/** A deleted pod with restartPolicy Always ends Succeeded only if every container exited 0. */
function terminalPhase(statuses: ContainerStatus[]): PodStatus['phase'] {
  return statuses.every((s) => (s.state?.terminated?.exitCode ?? 0) === 0) ? 'Succeeded' : 'Failed';
}

function buildConditions(input: PodStatusInput, phase: PodStatus['phase'], unready: string[]): PodCondition[] {
  const { pod, state, terminal } = input;
  const done = phase === 'Succeeded' || phase === 'Failed';
  const notReady = done
    ? { reason: 'PodCompleted' }
    : unready.length > 0
      ? { reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` }
      : undefined;
  const gates = (pod.spec?.readinessGates ?? []).map((g) => g.conditionType);
  const missingGates = gates.filter((g) => !(pod.status?.conditions ?? []).some((c) => c.type === g && c.status === 'True'));
  const ready = notReady
    ? notReady
    : missingGates.length > 0
      ? { reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${missingGates[0]}" does not exist.` }
      : undefined;
  const defs: Array<[string, boolean, { reason: string; message?: string } | undefined]> = [
    ['PodReadyToStartContainers', state.sandboxReady && !terminal, undefined],
    ['Initialized', true, undefined],
    ['Ready', !ready, ready],
    ['ContainersReady', !notReady, notReady],
    ['PodScheduled', true, undefined],
  ];
  return defs.map(([type, ok, why]) => {
    const status = ok ? 'True' : 'False';
    return { type, status, lastTransitionTime: transitionTime(input, type, status), ...(why ?? {}) };
  });
}

/** lastTransitionTime moves only when the status flips; a condition already on the pod keeps its time. */
function transitionTime(input: PodStatusInput, type: string, status: string): string {
  const { state, pod } = input;
  const prev = state.conditions.get(type);
  if (prev && prev.status === status) return prev.at;
  const existing = !prev ? pod.status?.conditions?.find((c) => c.type === type && c.status === status) : undefined;
  const at = existing?.lastTransitionTime ?? toRfc3339(input.now);
  state.conditions.set(type, { status, at });
  return at;
}

function qosClass(pod: Pod): string {
  const containers = pod.spec?.containers ?? [];
  const has = (r: Record<string, unknown> | undefined): boolean => !!r && Object.keys(r).length > 0;
  if (!containers.some((c) => has(c.resources?.requests) || has(c.resources?.limits))) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const lim = c.resources?.limits ?? {};
    const req = c.resources?.requests ?? lim;
    return ['cpu', 'memory'].every((k) => lim[k] !== undefined && String(req[k] ?? lim[k]) === String(lim[k]));
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
