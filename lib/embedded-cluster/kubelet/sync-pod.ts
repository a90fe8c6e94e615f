import type { Container, Pod } from 'kubernetes-types/core/v1';
import { messages } from './events';
import { killContainer } from './kill-container';
import { containerSpecHash, type ContainerInstance, type ContainerRecord } from './pod-state';
import type { RuntimeContainerStatus } from './runtime/runtime';
import { startContainer } from './start-container';
import type { PodSyncApi } from './sync-api';

interface PodActions {
  kill: Array<{ spec: Container; inst: ContainerInstance }>;
  start: Container[];
}

/**
 * One SyncPod pass for a live pod (computePodActions, then kill, then start in spec order). Containers are
 * started sequentially and a blocking postStart holds back the rest, as in kuberuntime_manager.go.
 */
export async function syncPodContainers(api: PodSyncApi, pod: Pod, signal: AbortSignal): Promise<void> {
  const actions = computePodActions(api, pod);
  for (const { spec, inst } of actions.kill) {
    if (signal.aborted) return;
    await killContainer(api, pod, spec.name, spec, inst, messages.definitionChanged(spec.name));
  }
  for (const spec of actions.start) {
    if (signal.aborted) return;
    await startContainer(api, pod, spec, signal);
  }
}

export function computePodActions(api: PodSyncApi, pod: Pod): PodActions {
  const actions: PodActions = { kill: [], start: [] };
  for (const spec of pod.spec?.containers ?? []) {
    const rec = api.state.containers.get(spec.name);
    const inst = rec?.current;
    const rt = inst ? api.k.runtime.containerStatus(inst.id) : undefined;
    if (inst && rt?.state === 'running') {
      if (inst.specHash !== containerSpecHash(spec)) {
        actions.kill.push({ spec, inst });
        actions.start.push(spec);
      }
      continue;
    }
    if (shouldStart(pod, rec, rt)) actions.start.push(spec);
  }
  return actions;
}

/** ShouldContainerBeRestarted: never-started containers always start; after that, per restartPolicy. */
function shouldStart(pod: Pod, rec: ContainerRecord | undefined, rt: RuntimeContainerStatus | undefined): boolean {
  if (!rec?.current || !rt) return true;
  if (rt.state === 'created') return false;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return (rt.exitCode ?? 0) !== 0;
  return false;
}
