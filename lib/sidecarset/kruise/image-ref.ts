/**
 * Container image references, validated by the grammar of distribution/reference (what Docker, containerd and the
 * kubelet parse): `[registry[:port]/]path[:tag][@digest]`. Parsing is done step by step, not by one big regexp, so a
 * rejected reference comes back with the specific reason a person can act on.
 */

export interface ImageRef {
  /** Registry host[:port] exactly as written, if the first component is one. */
  domain?: string;
  /** Repository path without the registry, e.g. `openkruise/hotupgrade-sample`. */
  path: string;
  /** `domain/path` as written (what Kruise's reference.Parse calls the name; not normalised). */
  name: string;
  tag?: string;
  /** `algorithm:hex`. */
  digest?: string;
}

export type ImageRefResult = { ok: true; ref: ImageRef } | { ok: false; reason: string };

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-zA-Z=_-]+$/;
const IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_MAX = 255;
/** Hex lengths of the digest algorithms go-digest registers. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function digestProblem(digest: string): string | undefined {
  if (!DIGEST.test(digest)) return `invalid digest "${digest}": expected <algorithm>:<hex>, e.g. sha256:<64 hex>`;
  const [algorithm = '', hex = ''] = digest.split(':');
  const want = DIGEST_HEX_LENGTH[algorithm];
  if (want === undefined) return `unsupported digest algorithm "${algorithm}" (use sha256, sha384 or sha512)`;
  if (hex.length !== want || !/^[a-f0-9]+$/.test(hex)) {
    return `invalid ${algorithm} digest: must be exactly ${want} lowercase hex characters`;
  }
  return undefined;
}

/**
 * reference.ParseNormalizedNamed's rule: a first component with `.` or `:`, or `localhost`, is a registry. Docker
 * also takes an *uppercase* first component for a registry host (`MyOrg/app` -> host "MyOrg"); that is almost
 * always a typo for a lowercase repository, so it is reported as one instead.
 */
function looksLikeDomain(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

export function parseImageRef(input: string): ImageRefResult {
  if (input === '') return { ok: false, reason: 'image reference is empty' };
  if (/\s/.test(input)) return { ok: false, reason: 'image reference must not contain whitespace' };
  const at = input.indexOf('@');
  if (at !== input.lastIndexOf('@')) return { ok: false, reason: 'image reference may contain at most one "@"' };
  const nameAndTag = at >= 0 ? input.slice(0, at) : input;
  const digest = at >= 0 ? input.slice(at + 1) : undefined;
  if (digest !== undefined) {
    const p = digestProblem(digest);
    if (p) return { ok: false, reason: p };
  }
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) {
    return {
      ok: false,
      reason: `invalid tag "${tag}": up to 128 characters of letters, digits, "_", "." or "-", not starting with "." or "-"`,
    };
  }
  if (name === '') return { ok: false, reason: 'image reference has no repository name' };
  if (name.length > NAME_MAX) return { ok: false, reason: `repository name must not be more than ${NAME_MAX} characters` };
  if (IDENTIFIER.test(name) && tag === undefined && digest === undefined) {
    return { ok: false, reason: 'repository name cannot be a 64-character hexadecimal string (that is an image ID)' };
  }
  const parts = name.split('/');
  let domain: string | undefined;
  if (parts.length > 1 && looksLikeDomain(parts[0] ?? '')) {
    domain = parts.shift();
    if (domain === undefined || !DOMAIN.test(domain)) {
      return { ok: false, reason: `invalid registry "${domain ?? ''}": expected host[:port]` };
    }
  }
  for (const part of parts) {
    if (part === '') return { ok: false, reason: 'repository path has an empty component ("//" or a trailing "/")' };
    if (part.toLowerCase() !== part) return { ok: false, reason: `repository name must be lowercase ("${part}")` };
    if (!PATH_COMPONENT.test(part)) {
      return {
        ok: false,
        reason: `invalid repository path component "${part}": lowercase letters and digits, separated by ".", "_", "__" or "-"`,
      };
    }
  }
  return { ok: true, ref: { domain, path: parts.join('/'), name, tag, digest } };
}

/** The reason an image reference is invalid, or undefined when it is valid. */
export function imageRefProblem(input: string): string | undefined {
  const r = parseImageRef(input);
  return r.ok ? undefined : r.reason;
}

/** Explicit tag; `latest` when neither tag nor digest is given (Docker's default); undefined if pinned by digest only. */
export function imageTag(input: string): string | undefined {
  const r = parseImageRef(input);
  if (!r.ok) return undefined;
  if (r.ref.tag !== undefined) return r.ref.tag;
  return r.ref.digest === undefined ? 'latest' : undefined;
}

export function imageDigest(input: string): string | undefined {
  const r = parseImageRef(input);
  return r.ok ? r.ref.digest : undefined;
}

/** kubelet/runtime imageIDs may carry a scheme, e.g. `docker-pullable://busybox@sha256:...`. */
export function stripImageIdScheme(imageID: string): string {
  const i = imageID.indexOf('://');
  return i >= 0 ? imageID.slice(i + 3) : imageID;
}

/**
 * Fully qualified form for comparing a spec image with what the runtime reports: `nginx` and
 * `docker.io/library/nginx:latest` normalise to the same string. Unparseable input comes back unchanged.
 */
export function normalizeImage(input: string): string {
  const stripped = stripImageIdScheme(input.trim());
  const r = parseImageRef(stripped);
  if (!r.ok) return stripped;
  let domain = r.ref.domain ?? 'docker.io';
  if (domain === 'index.docker.io') domain = 'docker.io';
  const path = domain === 'docker.io' && !r.ref.path.includes('/') ? `library/${r.ref.path}` : r.ref.path;
  const tag = r.ref.tag ?? (r.ref.digest === undefined ? 'latest' : undefined);
  return `${domain}/${path}${tag !== undefined ? `:${tag}` : ''}${r.ref.digest !== undefined ? `@${r.ref.digest}` : ''}`;
}

export function sameImage(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return normalizeImage(a) === normalizeImage(b);
}

/**
 * Kruise's IsContainerImageEqual for a digest spec image against a status imageID: same repository name as
 * written (reference.Parse does not normalise, so `busybox@…` never equals `docker.io/library/busybox@…`) and
 * same digest. Reproduced literally because the dashboard predicts what Kruise decides.
 */
export function kruiseDigestEqual(specImage: string, imageID: string): boolean {
  const a = parseImageRef(specImage);
  const b = parseImageRef(stripImageIdScheme(imageID));
  if (!a.ok || !b.ok || a.ref.digest === undefined || b.ref.digest === undefined) return false;
  return a.ref.name === b.ref.name && a.ref.digest === b.ref.digest;
}
