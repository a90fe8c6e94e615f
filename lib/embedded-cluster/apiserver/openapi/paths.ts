/**
 * The OpenAPI v3 path items of one resource in one group-version, shaped like kube-apiserver's installer output:
 * kubectl explain finds a kind through the `x-kubernetes-group-version-kind` of these operations, and kubectl apply
 * reads the PATCH operation's parameters and request content types to choose validation and patch strategy.
 */
import { subresourcesOf, type ServedResource } from '../discovery/resources';
import { NAMESPACE, PRETTY, actionParams, nameParam, type Action, type ParameterObject } from './parameters';
import { refTo, type GroupVersionKindRef } from './schema-types';

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const STATUS_SCHEMA = `${META}.Status`;
export const DELETE_OPTIONS_SCHEMA = `${META}.DeleteOptions`;
export const PATCH_SCHEMA = `${META}.Patch`;
export const SCALE_SCHEMA = 'io.k8s.api.autoscaling.v1.Scale';

interface MediaContent {
  [mediaType: string]: { schema: { $ref: string } };
}

export interface OperationObject {
  tags: string[];
  description: string;
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: { content: MediaContent; required?: boolean };
  responses: Record<string, { description: string; content?: MediaContent }>;
  'x-kubernetes-action': Action;
  'x-kubernetes-group-version-kind': GroupVersionKindRef;
}

export interface PathItem {
  parameters?: ParameterObject[];
  get?: OperationObject;
  post?: OperationObject;
  put?: OperationObject;
  patch?: OperationObject;
  delete?: OperationObject;
}

export interface ResourceSchemaNames {
  item: string;
  list: string;
  /** Built-in kinds accept strategic merge patch; custom resources do not (kubectl then sends a JSON merge patch). */
  builtIn: boolean;
}

/** `apps.kruise.io` + `v1beta1` → `AppsKruiseIoV1beta1`; the core group is `CoreV1`, as in kube's operation ids. */
function groupVersionCamel(group: string, version: string): string {
  const words = group === '' ? ['core'] : group.replace(/\.k8s\.io$/, '').split(/[.-]/);
  return [...words, version].map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function tag(group: string, version: string): string {
  const g = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  const camel = g.split(/[.-]/).map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return `${camel}_${version}`;
}

function json(schemaName: string): MediaContent {
  const schema = { $ref: refTo(schemaName) };
  return { 'application/json': { schema }, 'application/yaml': { schema } };
}

function anyBody(schemaName: string): MediaContent {
  return { '*/*': { schema: { $ref: refTo(schemaName) } } };
}

function patchBody(builtIn: boolean): MediaContent {
  const schema = { $ref: refTo(PATCH_SCHEMA) };
  const types = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'];
  if (builtIn) types.push('application/strategic-merge-patch+json');
  return Object.fromEntries(types.map((t) => [t, { schema }]));
}

const UNAUTHORIZED = { description: 'Unauthorized' };

export function resourcePaths(r: ServedResource, version: string, names: ResourceSchemaNames): Record<string, PathItem> {
  const prefix = r.group === '' ? `/api/${version}` : `/apis/${r.group}/${version}`;
  const gvk: GroupVersionKindRef = { group: r.group, kind: r.kind, version };
  const gv = groupVersionCamel(r.group, version);
  const tags = [tag(r.group, version)];
  const scope = r.namespaced ? 'Namespaced' : '';
  const can = (verb: string): boolean => r.verbs.includes(verb);

  const op = (action: Action, id: string, description: string, responses: OperationObject['responses'],
    extra: Partial<OperationObject> = {}, kind: GroupVersionKindRef = gvk): OperationObject => {
    const params = actionParams(action);
    return {
      tags, description, operationId: id,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...extra,
      responses: { ...responses, '401': UNAUTHORIZED },
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': kind,
    };
  };
  const ok = (schema: string, ...codes: Array<[string, string]>): OperationObject['responses'] =>
    Object.fromEntries([['200', 'OK'] as [string, string], ...codes].map(([c, d]) => [c, { description: d, content: json(schema) }]));

  const paths: Record<string, PathItem> = {};
  const collection = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
  const scopeParams = r.namespaced ? [NAMESPACE, PRETTY] : [PRETTY];

  const coll: PathItem = { parameters: scopeParams };
  if (can('list')) {
    coll.get = op('list', `list${gv}${scope}${r.kind}`, `list or watch objects of kind ${r.kind}`, ok(names.list));
  }
  if (can('create')) {
    coll.post = op('post', `create${gv}${scope}${r.kind}`, `create ${article(r.kind)} ${r.kind}`,
      ok(names.item, ['201', 'Created'], ['202', 'Accepted']), { requestBody: { content: anyBody(names.item), required: true } });
  }
  if (can('deletecollection')) {
    coll.delete = op('deletecollection', `delete${gv}Collection${scope}${r.kind}`, `delete collection of ${r.kind}`,
      ok(STATUS_SCHEMA), { requestBody: { content: anyBody(DELETE_OPTIONS_SCHEMA) } });
  }
  paths[collection] = coll;

  if (r.namespaced && can('list')) {
    paths[`${prefix}/${r.plural}`] = {
      parameters: [PRETTY],
      get: op('list', `list${gv}${r.kind}ForAllNamespaces`, `list or watch objects of kind ${r.kind}`, ok(names.list)),
    };
  }

  if (r.stored) {
    const item: PathItem = { parameters: [nameParam(r.kind), ...scopeParams] };
    if (can('get')) item.get = op('get', `read${gv}${scope}${r.kind}`, `read the specified ${r.kind}`, ok(names.item));
    if (can('update')) {
      item.put = op('put', `replace${gv}${scope}${r.kind}`, `replace the specified ${r.kind}`,
        ok(names.item, ['201', 'Created']), { requestBody: { content: anyBody(names.item), required: true } });
    }
    if (can('patch')) {
      item.patch = op('patch', `patch${gv}${scope}${r.kind}`, `partially update the specified ${r.kind}`,
        ok(names.item, ['201', 'Created']), { requestBody: { content: patchBody(names.builtIn), required: true } });
    }
    if (can('delete')) {
      item.delete = op('delete', `delete${gv}${scope}${r.kind}`, `delete ${article(r.kind)} ${r.kind}`,
        ok(STATUS_SCHEMA, ['202', 'Accepted']), { requestBody: { content: anyBody(DELETE_OPTIONS_SCHEMA) } });
    }
    paths[`${collection}/{name}`] = item;
  }

  for (const sub of subresourcesOf(r, version)) {
    // Connect endpoints and the text log carry no schema worth publishing.
    if (sub.name !== 'status' && sub.name !== 'scale') continue;
    const schema = sub.name === 'scale' ? SCALE_SCHEMA : names.item;
    const kind: GroupVersionKindRef = { group: sub.group, kind: sub.kind, version: sub.version };
    const Sub = sub.name.charAt(0).toUpperCase() + sub.name.slice(1);
    paths[`${collection}/{name}/${sub.name}`] = {
      parameters: [nameParam(sub.kind), ...scopeParams],
      get: op('get', `read${gv}${scope}${r.kind}${Sub}`, `read ${sub.name} of the specified ${r.kind}`, ok(schema), {}, kind),
      put: op('put', `replace${gv}${scope}${r.kind}${Sub}`, `replace ${sub.name} of the specified ${r.kind}`,
        ok(schema, ['201', 'Created']), { requestBody: { content: anyBody(schema), required: true } }, kind),
      patch: op('patch', `patch${gv}${scope}${r.kind}${Sub}`, `partially update ${sub.name} of the specified ${r.kind}`,
        ok(schema, ['201', 'Created']), { requestBody: { content: patchBody(names.builtIn), required: true } }, kind),
    };
  }
  return paths;
}

function article(noun: string): string {
  return /^[AEIOU]/.test(noun) ? 'an' : 'a';
}
