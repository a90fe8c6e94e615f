import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types';
import { humanDuration } from './duration';
import { podPrinter, summarizePod } from './pod';

const NOW = Date.parse('2025-05-01T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString();

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(3600), ...meta }, spec, status };
}
const running = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ name, ready: true, restartCount: 0, state: { running: { startedAt: ago(60) } }, ...extra });
const one = { containers: [{ name: 'app' }] };

describe('humanDuration (kube duration.HumanDuration)', () => {
  it.each([
    [-3_000, '<invalid>'], [-1_500, '0s'], [0, '0s'], [5_000, '5s'], [119_000, '119s'], [120_000, '2m'], [182_000, '3m2s'],
    [600_000, '10m'], [179 * 60_000, '179m'], [3 * 3_600_000, '3h'], [(7 * 60 + 59) * 60_000, '7h59m'], [8 * 3_600_000, '8h'],
    [47 * 3_600_000, '47h'], [48 * 3_600_000, '2d'], [(3 * 24 + 5) * 3_600_000, '3d5h'], [8 * 86_400_000, '8d'],
    [729 * 86_400_000, '729d'], [(2 * 365 + 10) * 86_400_000, '2y10d'], [9 * 365 * 86_400_000, '9y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('printPod STATUS / READY / RESTARTS', () => {
  it.each<[string, KubeObject, string, string, string]>([
    ['running with a recent restart', pod({ containers: [{ name: 'a' }, { name: 'b' }] }, {
      phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [running('a', { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(5) } } }), running('b')],
    }), '2/2', 'Running', '2 (5s ago)'],
    ['crash looping', pod(one, {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(65) } } }],
    }), '0/1', 'CrashLoopBackOff', '4 (65s ago)'],
    ['pending without statuses', pod(one, { phase: 'Pending' }), '0/1', 'Pending', '0'],
    ['scheduling gated', pod(one, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      '0/1', 'SchedulingGated', '0'],
    ['first init container running', pod({ initContainers: [{ name: 'i1' }, { name: 'i2' }], ...one }, {
      phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { running: {} } }, { name: 'i2', state: { waiting: { reason: 'PodInitializing' } } }],
    }), '0/1', 'Init:0/2', '0'],
    ['second init container running', pod({ initContainers: [{ name: 'i1' }, { name: 'i2' }], ...one }, {
      phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { name: 'i2', state: { running: {} } }],
    }), '0/1', 'Init:1/2', '0'],
    ['init container crash looping', pod({ initContainers: [{ name: 'i1' }], ...one }, {
      phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } }],
    }), '0/1', 'Init:CrashLoopBackOff', '3 (30s ago)'],
    ['init container failed with a reason', pod({ initContainers: [{ name: 'i1' }], ...one }, {
      phase: 'Failed', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 2, reason: 'Error' } } }],
    }), '0/1', 'Init:Error', '0'],
    ['init container killed by a signal', pod({ initContainers: [{ name: 'i1' }], ...one }, {
      phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 137, signal: 9 } } }],
    }), '0/1', 'Init:Signal:9', '0'],
    ['init container exit code', pod({ initContainers: [{ name: 'i1' }], ...one }, {
      phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 3 } } }],
    }), '0/1', 'Init:ExitCode:3', '0'],
    ['sidecar (restartable init) counted in READY', pod({ initContainers: [{ name: 'mosn', restartPolicy: 'Always' }], ...one }, {
      phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
      initContainerStatuses: [{ name: 'mosn', ready: true, started: true, restartCount: 1, state: { running: {} },
        lastState: { terminated: { exitCode: 0, finishedAt: ago(600) } } }],
      containerStatuses: [running('app')],
    }), '2/2', 'Running', '1 (10m ago)'],
    ['sidecar not started yet', pod({ initContainers: [{ name: 'mosn', restartPolicy: 'Always' }], ...one }, {
      phase: 'Pending', initContainerStatuses: [{ name: 'mosn', ready: false, started: false, state: { running: {} } }],
      containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
    }), '0/2', 'Init:0/1', '0'],
    ['completed container beside a running one, not ready', pod({ containers: [{ name: 'a' }, { name: 'b' }] }, {
      phase: 'Running', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, running('b')],
    }), '1/2', 'NotReady', '0'],
    ['completed container beside a running one, ready', pod({ containers: [{ name: 'a' }, { name: 'b' }] }, {
      phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, running('b')],
    }), '1/2', 'Running', '0'],
    ['container terminated by signal', pod(one, { phase: 'Running', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 143, signal: 15 } } }] }),
      '0/1', 'Signal:15', '0'],
    ['succeeded', pod(one, { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }),
      '0/1', 'Completed', '0'],
    ['evicted', pod(one, { phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted', '0'],
    ['terminating', pod(one, { phase: 'Running', containerStatuses: [running('app')] }, { deletionTimestamp: ago(1) }), '1/1', 'Terminating', '0'],
    ['deleted after succeeding keeps its terminal status', pod(one, {
      phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
    }, { deletionTimestamp: ago(1) }), '0/1', 'Completed', '0'],
    ['on a lost node', pod(one, { phase: 'Running', reason: 'NodeLost', containerStatuses: [running('app')] }, { deletionTimestamp: ago(1) }),
      '1/1', 'Unknown', '0'],
  ])('%s', (_name, p, ready, status, restarts) => {
    expect(summarizePod(p, NOW)).toEqual({ ready, status, restarts });
  });

  it('prints the wide cells and row conditions', () => {
    const p = pod({ ...one, nodeName: 'node-1', readinessGates: [{ conditionType: 'www.example.com/gate' }, { conditionType: 'other' }] }, {
      phase: 'Succeeded', podIPs: [{ ip: '10.0.0.7' }], conditions: [{ type: 'www.example.com/gate', status: 'True' }],
    });
    expect(podPrinter.cells(p, NOW)).toEqual(['p', '0/1', 'Succeeded', '0', '60m', '10.0.0.7', 'node-1', '<none>', '1/2']);
    expect(podPrinter.conditions?.(p)).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    expect(podPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Ready', 0], ['Status', 0], ['Restarts', 0], ['Age', 0], ['IP', 1], ['Node', 1], ['Nominated Node', 1], ['Readiness Gates', 1],
    ]);
  });
});
