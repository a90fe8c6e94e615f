import { CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';

/** Direct access to the e2e cluster (the one the `kubeconfig` project's dashboard talks to), as another writer. */
interface MosnObject {
  spec?: { containers?: Array<{ name: string; image?: string }>; updateStrategy?: { paused?: boolean } };
}

const ref = { group: 'apps.kruise.io', version: 'v1beta1', plural: 'sidecarsets', name: 'mosn' };

export function clusterClient() {
  const path = process.env.E2E_KUBECONFIG;
  if (!path) throw new Error('E2E_KUBECONFIG is not set (run through playwright.config.ts)');
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  const api = kc.makeApiClient(CustomObjectsApi);
  return {
    getMosn: async (): Promise<MosnObject> => (await api.getClusterCustomObject(ref)) as MosnObject,
    patchMosn: (ops: unknown[]) => api.patchClusterCustomObject({ ...ref, body: ops }, setHeaderOptions('Content-Type', PatchStrategy.JsonPatch)),
  };
}

export async function currentMosnImage(): Promise<string | undefined> {
  return (await clusterClient().getMosn()).spec?.containers?.[0]?.image;
}

export async function setMosnImageDirectly(image: string): Promise<void> {
  await clusterClient().patchMosn([{ op: 'replace', path: '/spec/containers/0/image', value: image }]);
}

/** The bearer token of one of the e2e cluster's identities (admin, viewer, upgrader, auditor), from its kubeconfig. */
export function clusterToken(identity: 'admin' | 'viewer' | 'upgrader' | 'auditor'): string {
  const path = process.env.E2E_KUBECONFIG;
  if (!path) throw new Error('E2E_KUBECONFIG is not set (run through playwright.config.ts)');
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  const token = kc.getUsers().find((u) => u.name === `embedded-${identity}`)?.token;
  if (!token) throw new Error(`no token for embedded-${identity}`);
  return token;
}

/** The dashboard's audit Events for mosn, as the cluster itself holds them. */
export async function mosnAuditEvents(): Promise<Array<{ reason?: string; message?: string; user?: string }>> {
  const path = process.env.E2E_KUBECONFIG;
  if (!path) throw new Error('E2E_KUBECONFIG is not set');
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  const core = kc.makeApiClient(CoreV1Api);
  const list = await core.listNamespacedEvent({ namespace: 'default', fieldSelector: 'involvedObject.name=mosn' });
  return list.items
    .filter((e) => e.source?.component === 'sidecarset-dashboard')
    .map((e) => ({ reason: e.reason, message: e.message, user: e.metadata?.annotations?.['dashboard.sidecarset.io/user'] }));
}
