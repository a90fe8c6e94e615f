/**
 * One entry point for every non-resource document the apiserver serves (`/version`, discovery, `/openapi/...`),
 * in the `{ code, body, contentType }` shape of ApiServerDeps.documents. Discovery is tried first because its
 * paths are the more frequent; the two path spaces do not overlap.
 */
import { handleOpenApi } from '../openapi/handler';
import { handleDiscovery } from './handler';
import type { DiscoveryOptions } from './legacy';

export interface NonResourceDocument {
  code: number;
  /** Already-serialized JSON. */
  body: string;
  contentType: string;
}

/** `path` is the URL path; a query string, if left on it, is read for OpenAPI's `hash`. */
export function nonResourceDocument(path: string, accept: string | undefined, opts: DiscoveryOptions = {}): NonResourceDocument | undefined {
  const [pathname = '', query = ''] = path.split('?', 2);
  const answer = handleDiscovery(pathname, accept, opts) ??
    handleOpenApi({ pathname, hash: new URLSearchParams(query).get('hash') });
  if (!answer) return undefined;
  return { code: answer.status, body: answer.body, contentType: answer.headers['Content-Type'] ?? 'application/json' };
}
