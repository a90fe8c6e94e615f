import { CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';

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
