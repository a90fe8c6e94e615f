import type { Pod } from 'kubernetes-types/core/v1';
import { ProxyConnectionError } from './runtime/errors';
import { kruiseReset, kruiseUpgrade } from './test-fixtures';
import { run, type Harness } from './test-helpers';

/** Test support: a traffic probe plus a stand-in for the Kruise controller's two pod writes (S2, S5). */

export interface Probe {
  at: number;
  version?: string;
  container?: string;
  error?: string;
}

export interface HotUpgradeRun {
  probes: Probe[];
  upgradedAt: number;
  /** When the old slot was reset (Kruise S5), if it was. */
  resetAt?: number;
  pod: Pod;
}

export interface DriveOptions {
  sidecar: string;
  from: string;
  to: string;
  newImage: string;
  /** How the normalized image shows up in status once the new slot runs it. */
  newImageStatus: string;
  port: number;
  path: string;
  parse: (body: string) => { version: string; container?: string };
  /** Kruise resets the old slot this long after the new one is ready (its 5 s re-queue). */
  resetDelayMs?: number;
  /** Set false to model a paused SidecarSet (v1.9 freezes the pod mid-upgrade). */
  reset?: boolean;
  /** Probing before the upgrade, so the proxy's connection exists when the handover starts. */
  warmupMs?: number;
  durationMs: number;
  intervalMs?: number;
  /** Called after every probe once the upgrade was written (to sample introspection at chosen moments). */
  onTick?: () => void;
}

export async function probeOnce(h: Harness, uid: string, port: number, path: string, parse: DriveOptions['parse']): Promise<Probe> {
  const at = h.clock.now();
  try {
    const res = await h.runtime.proxy(uid, port, { method: 'GET', path });
    return { at, ...parse(res.body) };
  } catch (e) {
    if (!(e instanceof ProxyConnectionError)) throw e;
    return { at, error: e.message };
  }
}

export async function driveHotUpgrade(h: Harness, start: Pod, o: DriveOptions): Promise<HotUpgradeRun> {
  const uid = start.metadata?.uid ?? '';
  const interval = o.intervalMs ?? 100;
  const probes: Probe[] = [];
  for (let t = 0; t < (o.warmupMs ?? 2_000); t += interval) {
    probes.push(await probeOnce(h, uid, o.port, o.path, o.parse));
    await run(h.clock, interval);
  }
  let pod = kruiseUpgrade(start, o.sidecar, o.from, o.to, o.newImage);
  h.kubelet.syncPod(pod);
  const upgradedAt = h.clock.now();
  let readySince: number | undefined;
  let resetAt: number | undefined;
  for (let t = 0; t < o.durationMs; t += interval) {
    await run(h.clock, interval);
    probes.push(await probeOnce(h, uid, o.port, o.path, o.parse));
    o.onTick?.();
    const slot = h.sink.container(o.to);
    const ready = slot?.image === o.newImageStatus && slot.ready && !!slot.state?.running;
    if (o.reset !== false && resetAt === undefined && ready) {
      readySince ??= h.clock.now();
      if (h.clock.now() - readySince >= (o.resetDelayMs ?? 5_000)) {
        pod = kruiseReset(pod, o.from, o.to);
        h.kubelet.syncPod(pod);
        resetAt = h.clock.now();
      }
    }
  }
  return { probes, upgradedAt, ...(resetAt !== undefined ? { resetAt } : {}), pod };
}

/** Versions in the order they were seen, consecutive repeats collapsed. */
export function versionSequence(probes: Probe[]): string[] {
  const out: string[] = [];
  for (const p of probes) if (p.version !== undefined && out[out.length - 1] !== p.version) out.push(p.version);
  return out;
}

export const parseMosn = (body: string): { version: string; container: string } => {
  const j = JSON.parse(body) as { version: string; container: string };
  return { version: j.version, container: j.container };
};

/** `This is version(v1) sidecar` → v1. */
export const parseSample = (body: string): { version: string } => ({ version: /version\((.*)\)/.exec(body)?.[1] ?? body });
