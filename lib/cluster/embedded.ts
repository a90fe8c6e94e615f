import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterSource } from './source';

interface EmbeddedHandle {
  kubeconfig: string;
  url: string;
  stop(): Promise<void>;
}

const KEY = Symbol.for('sidecarset-dashboard.embedded-cluster');
type Holder = { [KEY]?: Promise<EmbeddedHandle> };

/**
 * Start the embedded demo cluster inside this server process, once (dev reloads reuse it), and talk to it over
 * HTTPS through client-node exactly as to any other cluster.
 */
export async function embeddedSource(env: NodeJS.ProcessEnv = process.env): Promise<ClusterSource> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const { startCluster } = await import('@/lib/embedded-cluster/cluster');
    const speed = Number(env.DASHBOARD_EMBEDDED_SPEED ?? '1');
    const cluster = await startCluster({
      port: Number(env.DASHBOARD_EMBEDDED_PORT ?? '0'),
      speed: Number.isFinite(speed) && speed > 0 ? speed : 1,
      scenario: env.DASHBOARD_EMBEDDED_SCENARIO ?? 'seed',
    });
    if (env.DASHBOARD_EMBEDDED_KUBECONFIG) cluster.writeKubeconfig(env.DASHBOARD_EMBEDDED_KUBECONFIG);
    if (env.DASHBOARD_EMBEDDED_TRIGGER === '1' && cluster.scenario?.trigger) {
      void cluster.waitForReadyPods(cluster.scenario.expectedPods?.({}) ?? 0, 300_000).then(() => cluster.trigger());
    }
    console.log(`[dashboard] no cluster configured: started the embedded demo cluster at ${cluster.url}`);
    return { kubeconfig: cluster.kubeconfig(), url: cluster.url, stop: () => cluster.stop() };
  })();
  const handle = await holder[KEY];
  const kc = new KubeConfig();
  kc.loadFromString(handle.kubeconfig);
  return { kind: 'embedded', origin: handle.url, kubeconfig: kc };
}
