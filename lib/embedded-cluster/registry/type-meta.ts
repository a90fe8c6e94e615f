import { badRequest, invalid } from '../apimachinery/errors';
import { fieldInvalid } from '../apimachinery/field-errors';
import { findResourceByKind, groupVersion, type ResourceDef } from '../resources/definitions';

/** The Go package a built-in group's internal types live in, as conversion errors name it. */
function internalPackage(group: string): string {
  return group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/**
 * What kube-apiserver (v1.28) says when a body's kind or apiVersion is not the endpoint's. Built-in kinds go through
 * the scheme's decoder, whose failure the handlers word as `<Kind> in version "<v>" cannot be handled as a <Kind>:`
 * (a known kind fails conversion, an unknown one is not registered); a CRD's unstructured objects pass the decoder
 * and are refused by its ValidateTypeMeta (422), except a version of the group that is not the endpoint's (400).
 */
export function checkTypeMeta(def: ResourceDef, version: string, body: Record<string, unknown>): void {
  const gv = groupVersion(def.group, version);
  const kind = typeof body.kind === 'string' && body.kind !== '' ? body.kind : def.kind;
  const apiVersion = typeof body.apiVersion === 'string' && body.apiVersion !== '' ? body.apiVersion : gv;
  if (kind === def.kind && apiVersion === gv) return;
  const sent = splitApiVersion(apiVersion);
  const crd = def.group.includes('.') && !def.group.endsWith('.k8s.io');
  if (crd) {
    if (sent.group === def.group && apiVersion !== gv) {
      throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${gv})`);
    }
    const causes = [];
    if (kind !== def.kind) causes.push(fieldInvalid('kind', kind, `must be ${def.kind}`));
    if (apiVersion !== gv) causes.push(fieldInvalid('apiVersion', apiVersion, `must be ${gv}`));
    throw invalid(def.kind, def.group, typeof (body.metadata as { name?: unknown } | undefined)?.name === 'string' ? String((body.metadata as { name: string }).name) : '', causes);
  }
  const prefix = `${kind} in version ${JSON.stringify(sent.version)} cannot be handled as a ${def.kind}:`;
  const known = findResourceByKind(sent.group, kind);
  if (!known || !known.versions.includes(sent.version)) {
    throw badRequest(`${prefix} no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  if (known !== def) {
    throw badRequest(`${prefix} converting (${sent.version}.${kind}) to (${internalPackage(def.group)}.${def.kind}): unknown conversion`);
  }
  throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${gv})`);
}
