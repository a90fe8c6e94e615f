/**
 * Maps `/openapi/...` requests to responses, so the HTTP layer only copies status, headers and body.
 */
import { buildIndex, serializedDocument } from './documents';

export interface OpenApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface OpenApiRequest {
  /** URL path without the query, e.g. `/openapi/v3/apis/apps/v1`. */
  pathname: string;
  /** The `hash` query parameter, when the client followed a serverRelativeURL from the index. */
  hash?: string | null;
  ifNoneMatch?: string | null;
}

const JSON_TYPE = 'application/json';

function notFound(message: string): OpenApiResponse {
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', code: 404 };
  return { status: 404, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(status) };
}

/** Returns undefined for paths outside /openapi, so the caller can route them elsewhere. */
export function handleOpenApi(req: OpenApiRequest): OpenApiResponse | undefined {
  const path = req.pathname.replace(/\/+$/, '');
  if (path === '/openapi/v3') {
    return { status: 200, headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-cache, private' }, body: JSON.stringify(buildIndex()) };
  }
  if (path.startsWith('/openapi/v3/')) {
    const doc = serializedDocument(path.slice('/openapi/v3/'.length));
    if (!doc) return notFound(`the server could not find the requested resource (${path})`);
    const etag = `"${doc.hash}"`;
    // A URL carrying the current hash never changes content, which is what lets clients cache it for good.
    const cacheControl = req.hash === doc.hash ? 'public, immutable' : 'no-cache, private';
    const headers = { 'Content-Type': JSON_TYPE, ETag: etag, 'Cache-Control': cacheControl };
    if (req.ifNoneMatch === etag) return { status: 304, headers, body: '' };
    return { status: 200, headers, body: doc.body };
  }
  if (path === '/openapi/v2') {
    // client-go only asks for the protobuf encoding of v2, which we do not produce; a 404 makes kubectl fall back
    // to OpenAPI v3 and its compiled-in types, exactly as with an apiserver that disabled v2.
    return notFound('OpenAPI v2 is not served by the embedded cluster; use /openapi/v3');
  }
  return undefined;
}
