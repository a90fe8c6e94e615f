/**
 * Pod table printing, ported from kube's printers.go printPod (v1.32): the STATUS column's reason logic
 * (SchedulingGated, Init:N/M, Init:<reason>, container waiting/terminated reasons, NotReady, Terminating, Unknown),
 * READY counting sidecar (restartable init) containers, and RESTARTS with the "N (5s ago)" suffix.
 */
import type { KubeObject } from '../../types';
import { ageSince, humanDuration, parseTime } from './duration';
import { AGE_DOC, NAME_DOC, fieldDoc } from './docs';
import { arr, column, num, rec, str, type Cell, type TablePrinter, type TableRowCondition } from './types';

/** kube's node.NodeUnreachablePodReason: the node controller marks pods of a lost node with it. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartableInitContainer(container: Record<string, unknown> | undefined): boolean {
  return container !== undefined && container['restartPolicy'] === 'Always';
}

function conditionIs(conditions: unknown[], type: string, status = 'True'): boolean {
  return conditions.some((c) => rec(c)['type'] === type && rec(c)['status'] === status);
}

/** The finish time of a container's previous run, if it has one. */
function lastTerminatedAt(status: Record<string, unknown>): number | undefined {
  const terminated = rec(rec(status['lastState'])['terminated']);
  return parseTime(terminated['finishedAt']);
}

function terminatedReason(terminated: Record<string, unknown>, prefix: string): string {
  const reason = str(terminated['reason']);
  if (reason !== '') return prefix + reason;
  const signal = num(terminated['signal']);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${num(terminated['exitCode'])}`;
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

export function summarizePod(pod: KubeObject, nowMs: number): PodSummary {
  const spec = rec(pod['spec']);
  const status = rec(pod['status']);
  const conditions = arr(status['conditions']);
  const initSpecs = arr(spec['initContainers']).map(rec);
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = arr(spec['containers']).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined): number | undefined =>
    b !== undefined && (a === undefined || a < b) ? b : a;

  const phase = str(status['phase']);
  let reason = str(status['reason']) !== '' ? str(status['reason']) : phase;
  for (const c of conditions) {
    if (rec(c)['type'] === 'PodScheduled' && rec(c)['reason'] === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Record<string, unknown>>();
  for (const c of initSpecs) {
    initByName.set(str(c['name']), c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = arr(status['initContainerStatuses']).map(rec);
  for (const [i, cs] of initStatuses.entries()) {
    restarts += num(cs['restartCount']);
    lastRestart = later(lastRestart, lastTerminatedAt(cs));
    const restartable = isRestartableInitContainer(initByName.get(str(cs['name'])));
    if (restartable) {
      restartableInitRestarts += num(cs['restartCount']);
      lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerminatedAt(cs));
    }
    const state = rec(cs['state']);
    const terminated = state['terminated'] === undefined || state['terminated'] === null ? undefined : rec(state['terminated']);
    const waitingReason = str(rec(state['waiting'])['reason']);
    if (terminated && num(terminated['exitCode']) === 0) continue;
    if (restartable && cs['started'] === true) {
      if (cs['ready'] === true) readyContainers++;
      continue;
    }
    if (terminated) {
      reason = terminatedReason(terminated, 'Init:');
    } else if (waitingReason !== '' && waitingReason !== 'PodInitializing') {
      reason = `Init:${waitingReason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionIs(conditions, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = arr(status['containerStatuses']).map(rec);
    // Walked backwards so the first container's reason wins, as in kube.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i] ?? {};
      restarts += num(cs['restartCount']);
      lastRestart = later(lastRestart, lastTerminatedAt(cs));
      const state = rec(cs['state']);
      const waitingReason = str(rec(state['waiting'])['reason']);
      const terminated = state['terminated'] === undefined || state['terminated'] === null ? undefined : rec(state['terminated']);
      if (waitingReason !== '') {
        reason = waitingReason;
      } else if (terminated) {
        reason = terminatedReason(terminated, '');
      } else if (cs['ready'] === true && state['running'] !== undefined && state['running'] !== null) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A completed container next to a still-running one means the pod as a whole is still running.
    if (reason === 'Completed' && hasRunning) {
      reason = conditionIs(conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (deleting && str(status['reason']) === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  const restartsText = restarts !== 0 && lastRestart !== undefined
    ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`
    : String(restarts);
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function readinessGates(pod: KubeObject): string {
  const gates = arr(rec(pod['spec'])['readinessGates']);
  if (gates.length === 0) return '<none>';
  const conditions = arr(rec(pod['status'])['conditions']).map(rec);
  let trueCount = 0;
  for (const gate of gates) {
    const found = conditions.find((c) => c['type'] === rec(gate)['conditionType']);
    if (found?.['status'] === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

const orNone = (s: string): string => (s === '' ? '<none>' : s);

export const podPrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    column('Age', 'string', AGE_DOC),
    column('IP', 'string', fieldDoc('core', 'PodStatus', 'podIP'), { priority: 1 }),
    column('Node', 'string', fieldDoc('core', 'PodSpec', 'nodeName'), { priority: 1 }),
    column('Nominated Node', 'string', fieldDoc('core', 'PodStatus', 'nominatedNodeName'), { priority: 1 }),
    column('Readiness Gates', 'string', fieldDoc('core', 'PodSpec', 'readinessGates'), { priority: 1 }),
  ],
  cells(pod, nowMs): Cell[] {
    const s = summarizePod(pod, nowMs);
    const status = rec(pod['status']);
    const podIP = str(rec(arr(status['podIPs'])[0])['ip']);
    return [
      pod.metadata.name ?? '', s.ready, s.status, s.restarts, ageSince(pod.metadata.creationTimestamp, nowMs),
      orNone(podIP), orNone(str(rec(pod['spec'])['nodeName'])), orNone(str(status['nominatedNodeName'])), readinessGates(pod),
    ];
  },
  conditions(pod): TableRowCondition[] | undefined {
    switch (rec(pod['status'])['phase']) {
      case 'Succeeded':
        return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
      case 'Failed':
        return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
      default:
        return undefined;
    }
  },
};
