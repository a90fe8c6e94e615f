import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregatedApis, aggregatedLegacy } from './aggregated';
import { handleDiscovery, negotiateDiscovery } from './handler';
import { KubectlSandbox, kubectlAvailable, startDocServer, type DocServer } from './kubectl-harness';
import { apiGroupList, apiResourceList, storageVersionHash, versionInfo } from './legacy';
import { nonResourceDocument } from './non-resource';
import { CREATE_ONLY_RESOURCES, servedGroups } from './resources';

const KUBECTL_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface Res { name: string; kind: string; verbs: string[]; group?: string; version?: string; singularName: string; namespaced: boolean; shortNames?: string[]; categories?: string[] }
const resources = (group: string, version: string): Res[] => (apiResourceList(group, version) as { resources: Res[] }).resources;
const byName = (list: Res[], name: string): Res | undefined => list.find((r) => r.name === name);

describe('legacy discovery', () => {
  it('serves a plausible /version', () => {
    const v = versionInfo('linux/amd64');
    expect(v).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.4-embedded', platform: 'linux/amd64', compiler: 'gc' });
  });

  it('lists core resources with subresources, verbs, short names and categories', () => {
    const core = resources('', 'v1');
    expect(core.map((r) => r.name)).toEqual([
      'configmaps', 'events', 'namespaces', 'namespaces/status', 'nodes', 'nodes/status', 'pods', 'pods/attach', 'pods/exec',
      'pods/log', 'pods/portforward', 'pods/proxy', 'pods/status', 'secrets', 'serviceaccounts', 'services', 'services/status',
    ]);
    expect(byName(core, 'services')).toMatchObject({ shortNames: ['svc'], categories: ['all'] });
    expect(byName(core, 'configmaps')).toMatchObject({ shortNames: ['cm'], kind: 'ConfigMap' });
    expect(byName(core, 'pods')).toMatchObject({ singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all'] });
    expect(byName(core, 'pods')?.verbs).toEqual(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
    expect(byName(core, 'pods/status')).toEqual({ name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get', 'patch', 'update'] });
    expect(byName(core, 'pods/proxy')).toMatchObject({ kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] });
    // As kube-apiserver v1.28 lists them.
    expect(byName(core, 'pods/log')).toMatchObject({ kind: 'Pod', verbs: ['get'] });
    expect(byName(core, 'pods/exec')).toMatchObject({ kind: 'PodExecOptions', verbs: ['create', 'get'] });
    expect(byName(core, 'pods/portforward')).toMatchObject({ kind: 'PodPortForwardOptions', verbs: ['create', 'get'] });
    expect(byName(core, 'namespaces')?.verbs).not.toContain('deletecollection');
  });

  it('names autoscaling/v1 Scale for the scale subresource', () => {
    expect(byName(resources('apps', 'v1'), 'deployments/scale')).toEqual({
      name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'],
    });
  });

  it('computes storage version hashes like kube-apiserver', () => {
    expect(storageVersionHash('', 'v1', 'Pod')).toBe('xPOwRZ+Yhw8=');
    expect(storageVersionHash('apps', 'v1', 'Deployment')).toBe('8aSe+NMegvE=');
  });

  it('lists groups with kruise preferring v1beta1 and the create-only review groups', () => {
    const groups = (apiGroupList() as { groups: Array<{ name: string; versions: Array<{ version: string }>; preferredVersion: { version: string } }> }).groups;
    // In kube-aggregator's priority order (v1.28), CRD groups last.
    expect(groups.map((g) => g.name)).toEqual(['apps', 'authentication.k8s.io', 'authorization.k8s.io', 'apiextensions.k8s.io', 'coordination.k8s.io', 'apps.kruise.io']);
    expect(resources('apiextensions.k8s.io', 'v1').map((r) => [r.name, r.verbs])).toEqual([
      ['customresourcedefinitions', ['get', 'list', 'watch']], ['customresourcedefinitions/status', ['get', 'patch', 'update']],
    ]);
    const kruise = groups.find((g) => g.name === 'apps.kruise.io');
    expect(kruise?.versions.map((v) => v.version)).toEqual(['v1beta1', 'v1alpha1']);
    expect(kruise?.preferredVersion.version).toBe('v1beta1');
    expect(resources('authorization.k8s.io', 'v1').map((r) => [r.name, r.verbs])).toEqual([
      ['selfsubjectaccessreviews', ['create']], ['selfsubjectrulesreviews', ['create']],
    ]);
    expect(resources('authentication.k8s.io', 'v1').map((r) => [r.name, r.namespaced])).toEqual([['selfsubjectreviews', false]]);
    expect(CREATE_ONLY_RESOURCES.every((r) => !r.stored)).toBe(true);
    expect(servedGroups()[0]).toBe('');
  });
});

describe('aggregated discovery', () => {
  it('negotiates v2 from kubectl 1.32 Accept and falls back to legacy', () => {
    expect(negotiateDiscovery(KUBECTL_ACCEPT)).toEqual({
      form: 'aggregated', version: 'v2', contentType: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    });
    expect(negotiateDiscovery('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList').form).toBe('aggregated');
    expect(negotiateDiscovery('application/json, */*').form).toBe('legacy');
    expect(negotiateDiscovery(undefined).form).toBe('legacy');
    // A protobuf-only first choice is skipped, as kube-apiserver skips encodings it cannot produce.
    expect(negotiateDiscovery('application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json').form).toBe('legacy');
  });

  it('builds /apis with versions preferred-first and subresources inline', () => {
    const doc = aggregatedApis() as { kind: string; apiVersion: string; items: Array<{ metadata: { name: string }; versions: Array<{ version: string; freshness: string; resources: Array<Record<string, unknown>> }> }> };
    expect(doc.kind).toBe('APIGroupDiscoveryList');
    expect(doc.apiVersion).toBe('apidiscovery.k8s.io/v2');
    const kruise = doc.items.find((i) => i.metadata.name === 'apps.kruise.io');
    expect(kruise?.versions.map((v) => v.version)).toEqual(['v1beta1', 'v1alpha1']);
    const deployments = doc.items.find((i) => i.metadata.name === 'apps')?.versions[0]?.resources.find((r) => r['resource'] === 'deployments');
    expect(deployments).toMatchObject({
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, scope: 'Namespaced', singularResource: 'deployment', shortNames: ['deploy'],
      subresources: [
        { subresource: 'status', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
        { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
    const legacy = aggregatedLegacy() as { items: Array<{ metadata: { name: string }; versions: Array<{ version: string }> }> };
    expect(legacy.items.map((i) => [i.metadata.name, i.versions.map((v) => v.version)])).toEqual([['', ['v1']]]);
  });

  it('routes discovery paths and leaves resource paths alone', () => {
    expect(handleDiscovery('/apis', KUBECTL_ACCEPT)?.headers['Content-Type']).toContain('as=APIGroupDiscoveryList');
    expect(JSON.parse(handleDiscovery('/api', 'application/json')?.body ?? '{}')).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    expect(JSON.parse(handleDiscovery('/apis/apps.kruise.io', '')?.body ?? '{}')).toMatchObject({ kind: 'APIGroup', preferredVersion: { version: 'v1beta1' } });
    expect(handleDiscovery('/apis/apps.kruise.io/v1alpha1', '')?.status).toBe(200);
    expect(handleDiscovery('/apis/nope.io/v1', '')?.status).toBe(404);
    expect(handleDiscovery('/api/v1/pods', '')).toBeUndefined();
    expect(handleDiscovery('/apis/apps/v1/deployments', '')).toBeUndefined();
  });
});

describe('nonResourceDocument (the ApiServerDeps.documents seam)', () => {
  it('answers discovery, version and OpenAPI paths and nothing else', () => {
    expect(nonResourceDocument('/apis', KUBECTL_ACCEPT)?.contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(JSON.parse(nonResourceDocument('/version', undefined)?.body ?? '{}')).toMatchObject({ gitVersion: 'v1.32.4-embedded' });
    expect(JSON.parse(nonResourceDocument('/openapi/v3', undefined)?.body ?? '{}')).toHaveProperty(['paths', 'api/v1']);
    expect(nonResourceDocument('/openapi/v3/apis/apps/v1?hash=x', undefined)?.code).toBe(200);
    expect(nonResourceDocument('/apis/nope.io', undefined)?.code).toBe(404);
    expect(nonResourceDocument('/healthz', undefined)).toBeUndefined();
  });
});

describe.skipIf(!kubectlAvailable())('real kubectl against discovery (skipped: kubectl not on PATH)', () => {
  let server: DocServer;
  let kubectl: KubectlSandbox;
  beforeAll(async () => {
    server = await startDocServer();
    kubectl = new KubectlSandbox(server.url);
  });
  afterAll(async () => {
    kubectl.dispose();
    await server.close();
  });

  it('kubectl api-resources uses aggregated discovery and sees every kind', async () => {
    const r = await kubectl.run(['api-resources', '--no-headers']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(/\s+/));
    expect(rows).toContainEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    expect(rows).toContainEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    expect(rows).toContainEqual(['sidecarsets', 'apps.kruise.io/v1beta1', 'false', 'SidecarSet']);
    expect(rows).toContainEqual(['selfsubjectaccessreviews', 'authorization.k8s.io/v1', 'false', 'SelfSubjectAccessReview']);
    // Aggregated discovery answered everything: no per-group-version fetches.
    expect(server.requests.filter((q) => /^\/apis?\/[^?]/.test(q.path))).toEqual([]);
  });

  it('kubectl version reads the server version', async () => {
    const r = await kubectl.run(['version']);
    expect(r.stdout).toContain('Server Version: v1.32.4-embedded');
  });
});
