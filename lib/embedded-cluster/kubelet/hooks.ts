import type { Container, LifecycleHandler, Pod } from 'kubernetes-types/core/v1';
import { formatPod } from './events';
import type { ContainerRuntime } from './runtime/runtime';
import { abortableSleep } from './runtime/shell/interpreter';

export type HookResult = { ok: true } | { ok: false; message: string };

/**
 * Run a postStart/preStop handler the way the kubelet's handlerRunner does. The returned message is the one the
 * kubelet keeps for the container's waiting state (the event itself only says "PostStartHook failed").
 * httpGet handlers are treated as successful: nothing in this cluster serves the paths they would hit.
 */
export async function runLifecycleHandler(
  runtime: ContainerRuntime,
  containerId: string,
  pod: Pod,
  container: Container,
  handler: LifecycleHandler,
  signal: AbortSignal,
  hookName: 'PostStart' | 'PreStop' = 'PostStart',
): Promise<HookResult> {
  if (handler.exec) {
    const argv = handler.exec.command ?? [];
    const res = await runtime.exec(containerId, argv, signal);
    runtime.recordHookOutput(containerId, hookName, res.stdout + res.stderr);
    const prefix = `Exec lifecycle hook ([${argv.join(' ')}]) for Container "${container.name}" in Pod "${formatPod(pod)}" failed - error:`;
    if (res.error !== undefined) return { ok: false, message: `${prefix} rpc error: code = Unknown desc = ${res.error}, message: ""` };
    if (res.exitCode !== 0) {
      return {
        ok: false,
        message: `${prefix} command '${argv.join(' ')}' exited with ${res.exitCode}: ${res.stderr}, message: ${JSON.stringify(res.stdout + res.stderr)}`,
      };
    }
    return { ok: true };
  }
  if (handler.httpGet) return { ok: true };
  if (handler.sleep) {
    await abortableSleep(runtime.clock, Math.max(0, handler.sleep.seconds) * 1000, signal);
    return { ok: true };
  }
  return { ok: false, message: `Cannot run handler: invalid handler: ${JSON.stringify(handler)}` };
}
