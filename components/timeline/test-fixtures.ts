/** A hot upgrade of one pod as the recorder writes it (spec §3.3), for the model tests. Times are ms from 0. */
import type { TimelineEntry } from '@/lib/sidecarset/timeline';
import type { SidecarContainerSummary } from '@/lib/sidecarset/views';

export const EMPTY = 'openkruise/hotupgrade-sample:empty';
export const SIDECARS: SidecarContainerSummary[] = [
  { name: 'mosn', image: 'tinyqian/mosn:v2', upgradeType: 'HotUpgrade', emptyImage: EMPTY, podInjectPolicy: 'BeforeAppContainer', shareVolumePolicy: 'disabled' },
];

type Draft = TimelineEntry extends infer E ? (E extends TimelineEntry ? Omit<E, 'id' | 'atMs' | 'subject' | 'severity' | 'text'> : never) : never;

let seq = 0;
export function entry(atMs: number, d: Draft, rv = String(1000 + atMs)): TimelineEntry {
  return { id: `e${seq++}`, atMs, subject: { kind: 'Pod', namespace: 'default', name: 'p' }, severity: 'info', text: `${d.kind} ${d.container ?? ''}`, resourceVersion: d.kind === 'event' ? undefined : rv, ...d } as TimelineEntry;
}

const running = (startedAtMs: number) => ({ state: 'running' as const, startedAtMs });
const ev = (atMs: number, container: string | undefined, reason: string, stage: 'kill' | 'pull' | 'started' | 'reset') =>
  entry(atMs, { kind: 'event', container, reason, eventType: 'Normal', count: 1, stage });

/** The upgrade write at 1000, Started at 1200, new slot ready and serving at 2000, reset at 2500, done at 2600. */
export function hotUpgrade(): TimelineEntry[] {
  return [
    entry(0, { kind: 'phase', sidecar: 'mosn', to: 'Done' }),
    entry(1000, { kind: 'assigned', to: 'h2' }),
    entry(1000, { kind: 'specImage', container: 'mosn-2', from: EMPTY, to: 'tinyqian/mosn:v2', toEmptyImage: false }),
    entry(1000, { kind: 'workingSlot', sidecar: 'mosn', container: 'mosn-2', from: 'mosn-1', to: 'mosn-2' }),
    entry(1000, { kind: 'phase', sidecar: 'mosn', from: 'Done', to: 'NewStarting' }),
    ev(1100, 'mosn-2', 'Killing', 'kill'),
    ev(1200, 'mosn-2', 'Started', 'started'),
    entry(2000, { kind: 'restart', container: 'mosn-2', from: 0, to: 1 }),
    entry(2000, { kind: 'state', container: 'mosn-2', from: running(-5000), to: running(1900) }),
    entry(2000, { kind: 'statusImage', container: 'mosn-2', from: `docker.io/${EMPTY}`, to: 'docker.io/tinyqian/mosn:v2' }),
    entry(2000, { kind: 'ready', container: 'mosn-2', from: true, to: true, newInstance: true }),
    entry(2000, { kind: 'servingSlot', sidecar: 'mosn', container: 'mosn-2', from: 'mosn-1', to: 'mosn-2' }),
    entry(2000, { kind: 'phase', sidecar: 'mosn', from: 'NewStarting', to: 'ReadyToReset' }),
    entry(2500, { kind: 'specImage', container: 'mosn-1', from: 'tinyqian/mosn:v1', to: EMPTY, toEmptyImage: true }),
    entry(2500, { kind: 'phase', sidecar: 'mosn', from: 'ReadyToReset', to: 'ResettingOld' }),
    ev(2500, undefined, 'ResetContainerSucceed', 'reset'),
    entry(2600, { kind: 'restart', container: 'mosn-1', from: 0, to: 1 }),
    entry(2600, { kind: 'state', container: 'mosn-1', from: running(-5000), to: running(2550) }),
    entry(2600, { kind: 'statusImage', container: 'mosn-1', from: 'docker.io/tinyqian/mosn:v1', to: `docker.io/${EMPTY}` }),
    entry(2600, { kind: 'ready', container: 'mosn-1', from: true, to: true, newInstance: true }),
    entry(2600, { kind: 'phase', sidecar: 'mosn', from: 'ResettingOld', to: 'Done' }),
  ];
}
