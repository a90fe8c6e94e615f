/** The Server-Sent Events of `GET /api/stream`: each event's name and its `data`. */
import type { DashboardStatus } from './cluster';
import type { PodView, SidecarSetSummary } from './sidecarsets';
import type { Gap, ProbeRunSnapshot, ProbeSample, TimelineEntry } from './timeline';

/** `data` of a `summaries` event on topic `sidecarsets`. */
export interface SummariesEvent {
  upserts: SidecarSetSummary[];
}

/** `data` of a `removed` event. */
export interface RemovedEvent {
  name: string;
}

/** `data` of a `detail` event on topic `sidecarset/<name>`; `removed` holds "namespace/name" keys. */
export interface DetailEvent {
  name: string;
  summary: SidecarSetSummary;
  upserts: PodView[];
  removed: string[];
}

/** `data` of a `timeline` event on `timeline/<ss>` and `pod/<ns>/<name>`: only the entries that are new. */
export interface TimelineEvent {
  namespace: string;
  name: string;
  uid: string;
  entries: TimelineEntry[];
}

/** `data` of a `probe` event on `timeline/<ss>`: the run (its pods' samples left empty) and the new samples. */
export interface ProbeEvent {
  run: ProbeRunSnapshot;
  fresh: Array<{ pod: string; sample: ProbeSample }>;
}

/** Every event the server pushes, by name: what Bus.emit checks at compile time. */
export interface StreamEvents {
  status: DashboardStatus;
  gap: Gap;
  summaries: SummariesEvent;
  removed: RemovedEvent;
  detail: DetailEvent;
  timeline: TimelineEvent;
  probe: ProbeEvent;
}
