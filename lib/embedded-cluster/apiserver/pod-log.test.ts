import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../apimachinery/errors';
import { chooseContainer, containerIdForLogs, parsePodLogOptions, rfc3339Nano, selectLines } from './pod-log';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const pod = (statuses: NonNullable<Pod['status']>['containerStatuses'] = []): Pod => ({
  metadata: { name: 'p' },
  spec: { nodeName: 'n', containers: [{ name: 'a' }, { name: 'b' }] },
  status: { containerStatuses: statuses },
});

describe('pods/log', () => {
  it('chooses the container as registry/core/pod does', () => {
    expect(chooseContainer({ metadata: { name: 'p' }, spec: { containers: [{ name: 'only' }] } }, undefined)).toBe('only');
    expect(message(() => chooseContainer(pod(), undefined))).toBe('400 a container name must be specified for pod p, choose one of: [a b]');
    expect(message(() => chooseContainer(pod(), 'c'))).toBe('400 container c is not valid for pod p');
  });

  it('picks the instance from the status as the kubelet does', () => {
    const running = { name: 'a', image: 'i', imageID: '', ready: true, restartCount: 1, containerID: 'containerd://new',
      state: { running: {} }, lastState: { terminated: { exitCode: 0, containerID: 'containerd://old' } } };
    expect(containerIdForLogs(pod([running]), 'a', false)).toBe('new');
    expect(containerIdForLogs(pod([running]), 'a', true)).toBe('old');
    expect(message(() => containerIdForLogs(pod([{ ...running, lastState: {} }]), 'a', true))).toBe('400 previous terminated container "a" in pod "p" not found');
    const waiting = (reason: string) => ({ ...running, containerID: undefined, lastState: {}, state: { waiting: { reason } } });
    expect(message(() => containerIdForLogs(pod([waiting('ImagePullBackOff')]), 'a', false))).toBe('400 container "a" in pod "p" is waiting to start: trying and failing to pull image');
    expect(message(() => containerIdForLogs(pod([waiting('ContainerCreating')]), 'a', false))).toBe('400 container "a" in pod "p" is waiting to start: ContainerCreating');
    expect(message(() => containerIdForLogs(pod([]), 'b', false))).toBe('400 container "b" in pod "p" is not available');
  });

  it('validates PodLogOptions', () => {
    expect(message(() => parsePodLogOptions(new URLSearchParams('sinceSeconds=5&sinceTime=2024-01-01T00:00:00Z'), 'p')))
      .toBe('422 PodLogOptions "p" is invalid: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');
    expect(message(() => parsePodLogOptions(new URLSearchParams('limitBytes=0'), 'p'))).toBe('422 PodLogOptions "p" is invalid: limitBytes: Invalid value: 0: must be greater than 0');
    expect(parsePodLogOptions(new URLSearchParams('follow=True&previous=1&tailLines=3'), 'p')).toMatchObject({ follow: true, previous: true, tailLines: 3 });
  });

  it('selects by time then tail, and stamps as RFC3339Nano', () => {
    const lines = [{ at: 1000, text: 'a' }, { at: 2000, text: 'b' }, { at: 3000, text: 'c' }];
    const base = { previous: false, follow: false, timestamps: false };
    expect(selectLines(lines, { ...base, tailLines: 2 }, 3000).map((l) => l.text)).toEqual(['b', 'c']);
    expect(selectLines(lines, { ...base, tailLines: 0 }, 3000)).toEqual([]);
    expect(selectLines(lines, { ...base, sinceSeconds: 1 }, 3000).map((l) => l.text)).toEqual(['b', 'c']);
    expect(rfc3339Nano(Date.UTC(2024, 0, 2, 3, 4, 5, 120))).toBe('2024-01-02T03:04:05.12Z');
    expect(rfc3339Nano(Date.UTC(2024, 0, 2, 3, 4, 5, 0))).toBe('2024-01-02T03:04:05Z');
  });
});
