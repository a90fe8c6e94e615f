import type { DashboardStatus } from '@/lib/api';
import { getSession } from '@/lib/cluster/session-registry';
import type { ClusterSession } from '@/lib/cluster/cluster-session';
import { DashboardError } from '../http/dashboard-error';
import { Bus } from './bus';
import { EventIndex } from './event-index';
import { LiveViews } from './live-views';
import { TrafficProbe } from '../probe/traffic-probe';
import { TimelineRecorder } from '../recorder/recorder';

/** Everything the dashboard runs for one cluster context, shared by all requests and tabs. */
export interface Dashboard {
  session: ClusterSession;
  bus: Bus;
  /** Undefined until the session is ready (OpenKruise installed and caches synced). */
  views: LiveViews | undefined;
  timeline: TimelineRecorder | undefined;
  probe: TrafficProbe | undefined;
  status(): DashboardStatus;
}


const KEY = Symbol.for('sidecarset-dashboard.dashboards');
type Holder = { [KEY]?: Map<ClusterSession, Dashboard> };

/** Keep-alive for the stream and a freshness beat: the server pushes it; the page never polls. */
const STATUS_INTERVAL_MS = 5000;

/** A new dashboard for a session (getDashboard keeps one per context; tests make their own). */
export function createDashboard(session: ClusterSession): Dashboard {
  const bus = new Bus();
  const d: Dashboard = {
    session,
    bus,
    views: undefined,
    timeline: undefined,
    probe: undefined,
    status: () => {
      const state = session.state;
      return { phase: state.phase, message: 'message' in state ? state.message : undefined, caches: session.freshness(), at: Date.now() };
    },
  };
  const publishStatus = (): void => { bus.emit('status', 'status', d.status()); };
  const attach = (): void => {
    if (d.views || session.state.phase !== 'ready') return;
    const events = new EventIndex(session);
    const views = new LiveViews(session, bus, events);
    d.views = views;
    d.timeline = new TimelineRecorder(session, bus, (name) => views.sidecarSet(name), events);
    d.probe = new TrafficProbe(session, bus, views);
    for (const cache of [session.sidecarSets, session.pods, session.namespaces, session.events]) {
      cache?.subscribe((e) => { if (e.type === 'GAP' || e.type === 'SYNCED') publishStatus(); });
    }
    publishStatus();
  };
  session.onReady(attach);
  attach();
  setInterval(publishStatus, STATUS_INTERVAL_MS).unref();
  return d;
}

/** The dashboard for a context (default: the kubeconfig's current one), connecting on first use. */
export async function getDashboard(context?: string): Promise<Dashboard> {
  const session = await getSession(context);
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  let d = holder[KEY].get(session);
  if (!d) {
    d = createDashboard(session);
    holder[KEY].set(session, d);
  }
  return d;
}

/** The live views, or the 503 that says why there are none yet (no OpenKruise, unreachable, connecting). */
export function requireReady(d: Dashboard): LiveViews {
  if (d.views) return d.views;
  const s = d.session.state;
  if (s.phase === 'no-openkruise') throw new DashboardError(503, 'OpenKruiseNotInstalled', s.message);
  if (s.phase === 'unreachable') throw new DashboardError(503, 'ClusterUnreachable', s.message);
  throw new DashboardError(503, 'Connecting', 'still connecting to the cluster; try again in a moment');
}
