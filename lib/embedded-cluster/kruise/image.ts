/**
 * Container image references, parsed with the grammar of docker/distribution's `reference` package (not
 * normalised: `busybox` stays `busybox`, as in Kruise's util.ParseImage). Used for the digest form of the
 * consistency check and for the imagePullPolicy default.
 */

export interface ImageRef {
  repo: string;
  tag: string;
  digest: string;
}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const DIGEST_HEX_LEN: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const NAME_TOTAL_MAX = 255;

/** reference.Parse; undefined where Go returns an error. */
export function parseImage(image: string): ImageRef | undefined {
  const m = REFERENCE_RE.exec(image);
  if (!m) return undefined;
  const repo = m[1] ?? '';
  if (repo.length > NAME_TOTAL_MAX) return undefined;
  const digest = m[3] ?? '';
  if (digest) {
    const [algo = '', hex = ''] = digest.split(':');
    if (DIGEST_HEX_LEN[algo] !== hex.length || /[A-F]/.test(hex)) return undefined;
  }
  return { repo, tag: m[2] ?? '', digest };
}

export function isImageDigest(image: string): boolean {
  return (parseImage(image)?.digest ?? '') !== '';
}

/** util.IsContainerImageEqual: digest images compare repo+digest, others repo+tag; mixed never equal. */
export function isContainerImageEqual(image1: string, image2: string): boolean {
  const a = parseImage(image1);
  const b = parseImage(image2);
  if (!a || !b) return false;
  if (a.digest && b.digest) return a.repo === b.repo && a.digest === b.digest;
  return a.repo === b.repo && a.tag === b.tag;
}

/**
 * SetDefaults_Container's pull policy: `Always` when the tag is `latest` or the image has neither tag nor
 * digest (parsers.ParseImageName defaults the tag), `IfNotPresent` otherwise, including unparseable images.
 */
export function defaultImagePullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  const ref = parseImage(image ?? '');
  if (!ref) return 'IfNotPresent';
  const tag = ref.tag === '' && ref.digest === '' ? 'latest' : ref.tag;
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** util.GetPodContainerImageIDs strips the `docker-pullable://` style scheme from status imageIDs. */
export function stripImageIdScheme(imageID: string): string {
  const i = imageID.indexOf('://');
  return i >= 0 ? imageID.slice(i + 3).split('://')[0] ?? '' : imageID;
}
