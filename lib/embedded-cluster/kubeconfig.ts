import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Identities } from './apiserver/auth';

export const CLUSTER_NAME = 'embedded';

/**
 * A kubeconfig for the embedded cluster with one context per identity. `embedded-admin` is current;
 * `embedded-viewer` may only read, `embedded-upgrader` may also patch SidecarSets, `embedded-auditor` may read
 * SidecarSets but not pods (Kruise's sidecarset-viewer role).
 * The cluster's own CA is embedded; only a plain-http cluster (no TLS) gets `insecure-skip-tls-verify`, which
 * client-node insists on for http URLs.
 */
export function kubeconfigYaml(server: string, tokens: Identities, caCert: string | undefined, current: keyof Identities = 'admin'): string {
  const ids = Object.keys(tokens) as Array<keyof Identities>;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{
      name: CLUSTER_NAME,
      cluster: caCert
        ? { server, 'certificate-authority-data': Buffer.from(caCert).toString('base64') }
        : { server, 'insecure-skip-tls-verify': true },
    }],
    users: ids.map((id) => ({ name: `${CLUSTER_NAME}-${id}`, user: { token: tokens[id] } })),
    contexts: ids.map((id) => ({ name: `${CLUSTER_NAME}-${id}`, context: { cluster: CLUSTER_NAME, user: `${CLUSTER_NAME}-${id}`, namespace: 'default' } })),
    'current-context': `${CLUSTER_NAME}-${current}`,
    preferences: {},
  });
}

export function writeKubeconfig(path: string, server: string, tokens: Identities, caCert: string | undefined): void {
  writeFileSync(path, kubeconfigYaml(server, tokens, caCert), { mode: 0o600 });
}
