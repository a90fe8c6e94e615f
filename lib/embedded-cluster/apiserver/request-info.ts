/**
 * What a request path addresses, following kube-apiserver's RequestInfoFactory:
 * /api/v1/namespaces/{ns}/{resource}/{name}/{subresource}/{rest...} and /apis/{group}/{version}/...
 */
export interface ResourceRequest {
  kind: 'resource';
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** What follows the subresource: the proxied path of pods/{name}/proxy/{path}. */
  subpath: string;
}

export interface OtherRequest {
  kind: 'other';
  path: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseRequestPath(pathname: string): ResourceRequest | OtherRequest {
  const trimmed = pathname.replace(/\/+$/, '');
  const parts = trimmed.split('/').filter((p) => p.length > 0).map((p) => decodeURIComponent(p));
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] as string;
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { kind: 'other', path: trimmed || '/' };
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2] as string)) {
      rest = rest.slice(2);
    } else {
      // /namespaces/{name}[/status]: the namespace object itself.
      return { kind: 'resource', group, version: version as string, resource: 'namespaces', name: namespace, subresource: rest[2], subpath: '' };
    }
  }
  const [resource, name, subresource, ...tail] = rest;
  // The proxied path keeps its original encoding and trailing slash.
  let subpath = '';
  if (subresource === 'proxy') {
    const m = /^.*?\/[^/]+\/[^/]+\/proxy(\/.*)?$/.exec(pathname.replace(/^(\/api\/v1|\/apis\/[^/]+\/[^/]+)(\/namespaces\/[^/]+)?/, ''));
    subpath = m?.[1] ?? '';
  } else if (tail.length) {
    subpath = `/${tail.join('/')}`;
  }
  return { kind: 'resource', group, version: version as string, namespace, resource: resource as string, name, subresource, subpath };
}

export function verbFor(method: string, req: ResourceRequest, watch: boolean): string {
  if (req.subresource === 'proxy') {
    return ({ GET: 'get', HEAD: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete', OPTIONS: 'get' } as Record<string, string>)[method] ?? 'get';
  }
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch';
      return req.name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return req.name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
