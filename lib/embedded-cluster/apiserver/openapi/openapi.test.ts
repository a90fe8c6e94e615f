import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubectlSandbox, kubectlAvailable, startDocServer, type DocServer } from '../discovery/kubectl-harness';
import { buildDocument, buildIndex, serializedDocument } from './documents';
import { handleOpenApi } from './handler';
import type { OperationObject } from './paths';

function op(group: string, version: string, path: string, method: 'get' | 'post' | 'put' | 'patch' | 'delete'): OperationObject | undefined {
  return buildDocument(group, version)?.paths[path]?.[method];
}

describe('OpenAPI v3 documents', () => {
  it('indexes every served group-version with a content hash', () => {
    const index = buildIndex();
    expect(Object.keys(index.paths).sort()).toEqual([
      'api/v1', 'apis/apiextensions.k8s.io/v1', 'apis/apps.kruise.io/v1alpha1', 'apis/apps.kruise.io/v1beta1', 'apis/apps/v1',
      'apis/authentication.k8s.io/v1', 'apis/authorization.k8s.io/v1', 'apis/coordination.k8s.io/v1',
    ]);
    expect(index.paths['apis/apps/v1']?.serverRelativeURL).toBe(`/openapi/v3/apis/apps/v1?hash=${serializedDocument('apis/apps/v1')?.hash}`);
  });

  it('declares fieldValidation and the GVK on PATCH operations so kubectl trusts server-side validation', () => {
    const patch = op('', 'v1', '/api/v1/namespaces/{namespace}/pods/{name}', 'patch');
    expect(patch?.['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'Pod', version: 'v1' });
    expect(patch?.parameters?.map((p) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(op('', 'v1', '/api/v1/namespaces/{namespace}/pods', 'post')?.parameters?.map((p) => p.name)).toContain('fieldValidation');
    expect(op('apps.kruise.io', 'v1beta1', '/apis/apps.kruise.io/v1beta1/sidecarsets/{name}', 'put')?.parameters?.map((p) => p.name)).toContain('fieldValidation');
  });

  it('offers strategic merge patch for built-in kinds only', () => {
    const types = (group: string, version: string, path: string): string[] =>
      Object.keys(op(group, version, path, 'patch')?.requestBody?.content ?? {});
    expect(types('apps', 'v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}')).toContain('application/strategic-merge-patch+json');
    expect(types('apps.kruise.io', 'v1beta1', '/apis/apps.kruise.io/v1beta1/sidecarsets/{name}')).not.toContain('application/strategic-merge-patch+json');
  });

  it('publishes subresources with their own kinds', () => {
    expect(op('apps', 'v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale', 'get')?.['x-kubernetes-group-version-kind'])
      .toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    expect(op('', 'v1', '/api/v1/nodes/{name}/status', 'patch')?.['x-kubernetes-group-version-kind'])
      .toEqual({ group: '', kind: 'Node', version: 'v1' });
    expect(op('authorization.k8s.io', 'v1', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', 'post')?.operationId)
      .toBe('createAuthorizationV1SelfSubjectAccessReview');
  });

  it('includes every referenced schema and the strategic-merge metadata of built-in lists', () => {
    const doc = buildDocument('', 'v1');
    const schemas = doc?.components.schemas ?? {};
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[\w.-]+/g) ?? [];
    for (const ref of new Set(refs)) expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    expect(schemas['io.k8s.api.core.v1.PodSpec']?.properties?.['containers']).toMatchObject({
      'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge',
    });
    expect(schemas['io.k8s.api.core.v1.Pod']?.['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
  });

  it('publishes the SidecarSet CRD per version with ObjectMeta and a List schema', () => {
    for (const version of ['v1beta1', 'v1alpha1']) {
      const schemas = buildDocument('apps.kruise.io', version)?.components.schemas ?? {};
      const item = schemas[`io.kruise.apps.${version}.SidecarSet`];
      expect(item?.['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps.kruise.io', kind: 'SidecarSet', version }]);
      expect(item?.properties?.['metadata']?.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
      expect(item?.properties?.['spec']?.properties?.['updateStrategy']).toBeDefined();
      expect(schemas[`io.kruise.apps.${version}.SidecarSetList`]?.required).toEqual(['items']);
      expect(schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined();
    }
  });

  it('answers the HTTP routes with ETags and 404s', () => {
    const doc = handleOpenApi({ pathname: '/openapi/v3/api/v1', hash: serializedDocument('api/v1')?.hash });
    expect(doc?.status).toBe(200);
    expect(doc?.headers['Cache-Control']).toBe('public, immutable');
    expect(handleOpenApi({ pathname: '/openapi/v3/api/v1', ifNoneMatch: doc?.headers['ETag'] })?.status).toBe(304);
    expect(handleOpenApi({ pathname: '/openapi/v3/apis/nope/v1' })?.status).toBe(404);
    expect(handleOpenApi({ pathname: '/openapi/v2' })?.status).toBe(404);
    expect(handleOpenApi({ pathname: '/api/v1' })).toBeUndefined();
  });
});

describe.skipIf(!kubectlAvailable())('real kubectl against OpenAPI (skipped: kubectl not on PATH)', () => {
  let server: DocServer;
  let kubectl: KubectlSandbox;
  const posts: Array<{ method: string; path: string; contentType: string; body: string }> = [];
  const stored = new Map<string, unknown>();

  beforeAll(async () => {
    // Just enough of a resource endpoint for `kubectl apply`: GET (404, then the stored object), POST and PATCH echo.
    server = await startDocServer((req, url, res) => {
      if (!/^\/(api\/v1\/namespaces\/default\/pods|apis\/apps\.kruise\.io\/v1beta1\/sidecarsets)/.test(url.pathname)) return false;
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const name = url.pathname.split('/')[url.pathname.split('/').length - 1] ?? '';
        posts.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, contentType: req.headers['content-type'] ?? '', body });
        if (req.method === 'POST') {
          const obj = JSON.parse(body) as { metadata: { name: string; uid?: string } };
          obj.metadata.uid = 'uid-1';
          stored.set(obj.metadata.name, obj);
          res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify(obj));
        } else if (stored.has(name)) {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(stored.get(name)));
        } else {
          res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({
            kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `"${name}" not found`,
          }));
        }
      });
      return true;
    });
    kubectl = new KubectlSandbox(server.url);
  });
  afterAll(async () => {
    kubectl.dispose();
    await server.close();
  });

  it('explains sidecarset and sidecarset.spec.updateStrategy from the CRD', async () => {
    const top = await kubectl.run(['explain', 'sidecarset']);
    expect(top.code, top.stderr).toBe(0);
    expect(top.stdout).toMatch(/^GROUP:\s+apps\.kruise\.io\nKIND:\s+SidecarSet\nVERSION:\s+v1beta1\n/);
    expect(top.stdout).toContain('SidecarSet is the Schema for the sidecarsets API');
    expect(top.stdout).toMatch(/metadata\t<ObjectMeta>/);
    const r = await kubectl.run(['explain', 'sidecarset.spec.updateStrategy']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('FIELD: updateStrategy <Object>');
    expect(r.stdout).toContain('The sidecarset updateStrategy to use to replace existing pods with new ones.');
    for (const field of ['maxUnavailable', 'partition', 'paused\t<boolean>', 'selector', 'type\t<string>']) expect(r.stdout).toContain(field);
  });

  it('explains pods.spec.containers and deployment.spec from the built-in schemas', async () => {
    const pods = await kubectl.run(['explain', 'pods.spec.containers']);
    expect(pods.code, pods.stderr).toBe(0);
    expect(pods.stdout).toMatch(/^KIND:\s+Pod\nVERSION:\s+v1\n\nFIELD: containers <\[\]Container>/);
    expect(pods.stdout).toMatch(/name\t<string> -required-/);
    expect(pods.stdout).toMatch(/env\t<\[\]EnvVar>/);
    const deploy = await kubectl.run(['explain', 'deployment.spec']);
    expect(deploy.code, deploy.stderr).toBe(0);
    expect(deploy.stdout).toMatch(/^GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1\n\nFIELD: spec <DeploymentSpec>/);
    expect(deploy.stdout).toMatch(/template\t<PodTemplateSpec> -required-/);
    expect(deploy.stdout).toMatch(/strategy\t<DeploymentStrategy>/);
  });

  it('applies with server-side field validation, strategic merge for Pods and merge patch for SidecarSets', async () => {
    const pod = (image: string): string =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: ${image}\n`;
    const sidecarSet = (image: string): string =>
      `apiVersion: apps.kruise.io/v1beta1\nkind: SidecarSet\nmetadata:\n  name: mosn\nspec:\n  containers:\n  - name: sidecar\n    image: ${image}\n`;
    for (const manifest of [pod('nginx:1'), pod('nginx:2'), sidecarSet('mosn:1'), sidecarSet('mosn:2')]) {
      const r = await kubectl.run(['apply', '-f', '-'], manifest);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    const writes = posts.filter((p) => p.method === 'POST' || p.method === 'PATCH');
    expect(writes.map((w) => w.method)).toEqual(['POST', 'PATCH', 'POST', 'PATCH']);
    for (const w of writes) expect(w.path).toContain('fieldValidation=Strict');
    expect(writes[1]?.contentType).toBe('application/strategic-merge-patch+json');
    // The merge key came from our x-kubernetes-patch-merge-key: containers are merged by name, not replaced.
    expect(JSON.parse(writes[1]?.body ?? '{}')).toMatchObject({ spec: { '$setElementOrder/containers': [{ name: 'app' }] } });
    expect(writes[3]?.contentType).toBe('application/merge-patch+json');
    // For the CRD kubectl also asks /openapi/v2 (protobuf) for patch types; our 404 leaves it on merge patch, silently.
  });
});
