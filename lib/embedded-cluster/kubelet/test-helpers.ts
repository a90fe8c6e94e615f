import type { Container, Pod, PodStatus } from 'kubernetes-types/core/v1';
import { ManualClock } from '../clock';
import { Kubelet } from './kubelet';
import { ContainerRuntime } from './runtime/runtime';
import type { KubeletEvent, KubeletSink } from './types';

/** Test support (not used by production code): a recording sink, pod builders and a clock driver. */

export interface RecordedEvent extends KubeletEvent {
  at: number;
  pod: string;
}

export class FakeSink implements KubeletSink {
  readonly events: RecordedEvent[] = [];
  readonly statuses: Array<{ at: number; pod: string; status: PodStatus }> = [];
  readonly removed: string[] = [];

  constructor(private readonly clock: ManualClock) {}

  event(pod: Pod, e: KubeletEvent): void {
    this.events.push({ ...e, at: this.clock.now(), pod: pod.metadata?.name ?? '' });
  }
  async writeStatus(pod: Pod, status: PodStatus): Promise<void> {
    this.statuses.push({ at: this.clock.now(), pod: pod.metadata?.name ?? '', status: structuredClone(status) });
  }
  async removePod(pod: Pod): Promise<void> {
    this.removed.push(pod.metadata?.name ?? '');
  }

  last(): PodStatus | undefined {
    return this.statuses[this.statuses.length - 1]?.status;
  }
  container(name: string): NonNullable<PodStatus['containerStatuses']>[number] | undefined {
    return this.last()?.containerStatuses?.find((c) => c.name === name);
  }
  /** "Reason container message" lines, optionally only for one container and from one index on. */
  lines(opts: { container?: string; from?: number } = {}): string[] {
    return this.events
      .slice(opts.from ?? 0)
      .filter((e) => !opts.container || e.fieldPath === `spec.containers{${opts.container}}`)
      .map((e) => `${e.reason} ${e.fieldPath?.replace(/^spec\.containers\{(.*)\}$/, '$1') ?? '-'} ${e.message}`);
  }
  reasons(opts: { container?: string; from?: number } = {}): string[] {
    return this.lines(opts).map((l) => l.split(' ').slice(0, 2).join(' '));
  }
}

export interface Harness {
  clock: ManualClock;
  runtime: ContainerRuntime;
  sink: FakeSink;
  kubelet: Kubelet;
}

export function harness(seed = 7): Harness {
  const clock = new ManualClock();
  const runtime = new ContainerRuntime({ clock, seed });
  const sink = new FakeSink(clock);
  const kubelet = new Kubelet({ nodeName: 'node-1', nodeIP: '172.18.0.3', podCIDR: '10.244.1.0/24', clock, sink, runtime });
  return { clock, runtime, sink, kubelet };
}

let uidCounter = 0;

export function makePod(name: string, containers: Container[], extra: { annotations?: Record<string, string>; volumes?: string[] } = {}): Pod {
  uidCounter++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `00000000-0000-4000-8000-${String(uidCounter).padStart(12, '0')}`,
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    spec: {
      nodeName: 'node-1',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      containers,
      ...(extra.volumes ? { volumes: extra.volumes.map((v) => ({ name: v, emptyDir: {} })) } : {}),
    },
  };
}

/** The env Kruise appends to both hot-upgrade slots (spec §2.2). */
export function versionEnv(slot: string): NonNullable<Container['env']> {
  return [
    { name: 'IS_INJECTED', value: 'true' },
    { name: 'SIDECARSET_VERSION', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['version.sidecarset.kruise.io/${slot}']` } } },
    { name: 'SIDECARSET_VERSION_ALT', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['versionalt.sidecarset.kruise.io/${slot}']` } } },
  ];
}

/** A copy of the pod with one container's image replaced and some annotations set (what Kruise writes). */
export function withImage(pod: Pod, container: string, image: string, annotations: Record<string, string> = {}): Pod {
  const next = structuredClone(pod);
  const c = next.spec?.containers.find((x) => x.name === container);
  if (!c) throw new Error(`no container ${container}`);
  c.image = image;
  next.metadata = { ...next.metadata, annotations: { ...(next.metadata?.annotations ?? {}), ...annotations } };
  return next;
}

/** Let promise chains settle at the current instant (each ManualClock.advance flushes only a few microtasks). */
export async function settle(clock: ManualClock): Promise<void> {
  for (let i = 0; i < 5; i++) await clock.advance(0);
}

/** Advance simulated time in small steps so async chains keep up with the timers they create. */
export async function run(clock: ManualClock, ms: number, step = 20): Promise<void> {
  const end = clock.now() + ms;
  await settle(clock);
  while (clock.now() < end) {
    await clock.advance(Math.min(step, end - clock.now()));
    await settle(clock);
  }
}

/** Advance until `pred` holds (checked every `step`), failing after `maxMs`. Returns the elapsed time. */
export async function runUntil(clock: ManualClock, pred: () => boolean, maxMs: number, step = 20): Promise<number> {
  const start = clock.now();
  await settle(clock);
  while (!pred()) {
    if (clock.now() - start > maxMs) throw new Error(`condition not met within ${maxMs} ms`);
    await run(clock, step, step);
  }
  return clock.now() - start;
}

export function allRunning(sink: FakeSink, n: number): boolean {
  const s = sink.last();
  return s?.phase === 'Running' && (s.containerStatuses ?? []).filter((c) => c.ready && c.state?.running).length === n;
}
