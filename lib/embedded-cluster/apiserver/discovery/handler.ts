/**
 * Routes discovery paths to their documents and negotiates the aggregated form. kubectl only uses an aggregated
 * answer when the response Content-Type carries `g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`; anything
 * else it parses as the legacy form, so answering legacy is always safe when in doubt.
 */
import { acceptsJson, conversionOf, parseAccept } from './accept';
import { aggregatedApis, aggregatedLegacy, type AggregatedVersion } from './aggregated';
import { apiGroupDocument, apiResourceList, apiVersions, apiGroupList, versionInfo, type DiscoveryOptions } from './legacy';

export type DiscoveryForm = { form: 'aggregated'; version: AggregatedVersion; contentType: string } | { form: 'legacy'; contentType: string };

export const LEGACY_CONTENT_TYPE = 'application/json';

export function aggregatedContentType(version: AggregatedVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/**
 * Which discovery form an Accept header asks for: the first JSON range we can serve wins, as in kube-apiserver.
 * Ranges asking for another conversion, or for protobuf, are skipped.
 */
export function negotiateDiscovery(accept: string | null | undefined): DiscoveryForm {
  for (const range of parseAccept(accept)) {
    if (!acceptsJson(range)) continue;
    const conv = conversionOf(range);
    if (!conv) return { form: 'legacy', contentType: LEGACY_CONTENT_TYPE };
    if (conv.group === 'apidiscovery.k8s.io' && conv.kind === 'APIGroupDiscoveryList' && (conv.version === 'v2' || conv.version === 'v2beta1')) {
      return { form: 'aggregated', version: conv.version, contentType: aggregatedContentType(conv.version) };
    }
  }
  return { form: 'legacy', contentType: LEGACY_CONTENT_TYPE };
}

export interface DiscoveryResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function respond(body: object, contentType: string): DiscoveryResponse {
  // Vary: the same URL answers two shapes, so caches must key on Accept.
  return { status: 200, headers: { 'Content-Type': contentType, Vary: 'Accept' }, body: JSON.stringify(body) };
}

function notFound(path: string): DiscoveryResponse {
  const status = {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: 'the server could not find the requested resource', reason: 'NotFound', details: { name: path }, code: 404,
  };
  return { status: 404, headers: { 'Content-Type': LEGACY_CONTENT_TYPE }, body: JSON.stringify(status) };
}

/**
 * Answers `/version`, `/api`, `/api/<v>`, `/apis`, `/apis/<g>` and `/apis/<g>/<v>` (GET). Returns undefined for any
 * other path — including resource paths such as `/api/v1/pods` — so the caller routes those on.
 */
export function handleDiscovery(pathname: string, accept: string | null | undefined, opts: DiscoveryOptions = {}): DiscoveryResponse | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const parts = path.split('/').filter((p) => p !== '');
  if (path === '/version') return respond(versionInfo(), LEGACY_CONTENT_TYPE);
  if (parts[0] === 'api' && parts.length <= 2) {
    if (parts.length === 1) {
      const form = negotiateDiscovery(accept);
      return form.form === 'aggregated' ? respond(aggregatedLegacy(form.version), form.contentType) : respond(apiVersions(opts), form.contentType);
    }
    const list = apiResourceList('', parts[1] ?? '');
    return list ? respond(list, LEGACY_CONTENT_TYPE) : notFound(path);
  }
  if (parts[0] === 'apis' && parts.length <= 3) {
    if (parts.length === 1) {
      const form = negotiateDiscovery(accept);
      return form.form === 'aggregated' ? respond(aggregatedApis(form.version), form.contentType) : respond(apiGroupList(), form.contentType);
    }
    const group = parts[1] ?? '';
    const doc = parts.length === 2 ? apiGroupDocument(group) : apiResourceList(group, parts[2] ?? '');
    return doc ? respond(doc, LEGACY_CONTENT_TYPE) : notFound(path);
  }
  return undefined;
}
