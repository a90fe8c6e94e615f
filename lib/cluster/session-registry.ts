import type { ContextChoice } from '@/lib/api';
import { ClusterError } from './cluster-error';
import { embeddedSource } from './embedded';
import { KubeconfigError } from './kubeconfig-file';
import { ClusterSession } from './cluster-session';
import { resolveConfiguredSource, type ClusterSource } from './source';

interface Registry {
  source?: Promise<ClusterSource>;
  sessions: Map<string, ClusterSession>;
}

const KEY = Symbol.for('sidecarset-dashboard.sessions');
type Holder = { [KEY]?: Registry };

function registry(): Registry {
  const holder = globalThis as Holder;
  holder[KEY] ??= { sessions: new Map() };
  return holder[KEY];
}

/** The cluster this server talks to, resolved once per process (see source.ts for the order). */
export function clusterSource(): Promise<ClusterSource> {
  const r = registry();
  r.source ??= Promise.resolve()
    .then(() => resolveConfiguredSource() ?? embeddedSource())
    .catch((e: unknown) => {
      // Not cached: a kubeconfig fixed on disk is picked up by the next request, without a restart.
      r.source = undefined;
      if (e instanceof KubeconfigError) throw new ClusterError(503, 'InvalidKubeconfig', e.message);
      throw e;
    });
  return r.source;
}


export async function listContexts(selected?: string): Promise<ContextChoice[]> {
  const src = await clusterSource();
  const active = selected && src.kubeconfig.getContextObject(selected) ? selected : src.kubeconfig.getCurrentContext();
  return src.kubeconfig.getContexts().map((c) => ({ name: c.name, cluster: c.cluster, user: c.user, current: c.name === active }));
}

/**
 * The session for a context (the kubeconfig's current one by default), created and started once: every tab
 * and request for that context shares its watches.
 */
export async function getSession(context?: string): Promise<ClusterSession> {
  const src = await clusterSource();
  const name = context && src.kubeconfig.getContextObject(context) ? context : src.kubeconfig.getCurrentContext();
  const r = registry();
  let s = r.sessions.get(name);
  if (!s) {
    s = new ClusterSession(src.kubeconfig, name, src.kind, src.origin);
    r.sessions.set(name, s);
  }
  await s.start();
  return s;
}

export function allSessions(): ClusterSession[] {
  return [...registry().sessions.values()];
}
