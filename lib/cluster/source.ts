import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { loadKubeconfigFile } from './kubeconfig-file';

export type SourceKind = 'kubeconfig' | 'in-cluster' | 'default-kubeconfig' | 'embedded';

export interface ClusterSource {
  kind: SourceKind;
  /** Where it came from, for the header and the error pages. */
  origin: string;
  kubeconfig: KubeConfig;
}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Which cluster to use, in the order: an explicit kubeconfig (--kubeconfig via DASHBOARD_KUBECONFIG, or
 * KUBECONFIG), the in-cluster service account, ~/.kube/config; undefined means "start the embedded cluster".
 */
export function resolveConfiguredSource(env: NodeJS.ProcessEnv = process.env): ClusterSource | undefined {
  const explicit = env.DASHBOARD_KUBECONFIG || env.KUBECONFIG;
  if (explicit) {
    // KUBECONFIG may be a list; client-node merges it like kubectl.
    const kc = loadKubeconfigFile(explicit.split(':')[0] ?? explicit);
    if (explicit.includes(':')) {
      for (const extra of explicit.split(':').slice(1).filter(Boolean)) kc.mergeConfig(loadKubeconfigFile(extra));
    }
    return { kind: 'kubeconfig', origin: explicit, kubeconfig: kc };
  }
  if (env.KUBERNETES_SERVICE_HOST && existsSync(join(SA_DIR, 'token'))) {
    const kc = new KubeConfig();
    kc.loadFromCluster();
    return { kind: 'in-cluster', origin: 'in-cluster service account', kubeconfig: kc };
  }
  const home = join(env.HOME ?? homedir(), '.kube', 'config');
  if (env.DASHBOARD_IGNORE_HOME_KUBECONFIG !== '1' && existsSync(home)) {
    return { kind: 'default-kubeconfig', origin: home, kubeconfig: loadKubeconfigFile(home) };
  }
  return undefined;
}
