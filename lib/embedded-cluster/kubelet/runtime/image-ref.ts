import { sha256Hex } from './prng';

/**
 * A parsed image reference, following the docker/distribution reference grammar that containerd and the
 * kubelet use: a missing registry means docker.io, a single-component Docker Hub name gets `library/`, and a
 * reference without tag or digest means `:latest`.
 */
export interface ImageReference {
  /** Exactly as written in the pod spec. */
  original: string;
  /** Registry host, e.g. `docker.io`, `invalid.example`, `localhost:5000`. */
  domain: string;
  /** Path inside the registry, e.g. `library/nginx`, `tinyqian/mosn`. */
  path: string;
  /** `domain/path`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** Fully qualified, as containerd reports it in container status: `docker.io/library/nginx:1.20`. */
  normalized: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;

export function parseImageReference(ref: string): ImageReference | { error: string } {
  const invalid = { error: `couldn't parse image name "${ref}": invalid reference format` };
  if (ref === '' || ref.trim() !== ref) return invalid;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid;
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  // Only a first component that looks like a host (has a dot or port, or is localhost) names a registry.
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? rest.slice(slash + 1) : rest;
  if (hasDomain && !DOMAIN.test(domain)) return invalid;
  if (path === '' || !path.split('/').every((c) => COMPONENT.test(c))) return invalid;
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (tag === undefined && digest === undefined) tag = 'latest';
  const repository = `${domain}/${path}`;
  const normalized = digest !== undefined && tag === undefined
    ? `${repository}@${digest}`
    : `${repository}:${tag ?? 'latest'}`;
  return { original: ref, domain, path, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}), normalized };
}

/**
 * The imageID containerd reports: the repository plus the manifest digest. Faked from the normalized name so
 * every image has one stable digest (and a retag to a different name gets a different one, which is what
 * Kruise's consistency check keys on).
 */
export function imageIdFor(ref: ImageReference): string {
  return `${ref.repository}@${ref.digest ?? `sha256:${sha256Hex(`image:${ref.normalized}`)}`}`;
}
