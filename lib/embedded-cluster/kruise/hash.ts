/**
 * The two SidecarSet hashes (spec §1.6, pkg/control/sidecarcontrol/hash.go) and the ControllerRevision
 * name hash (spec §1.7, k8s controller/history HashControllerRevision).
 */
import { createHash } from 'node:crypto';
import { goMarshal, goMarshalRaw, goRoundTrip } from './go-json';
import type { SidecarContainer, SidecarSetSpec } from './types';

/** k8s.io/apimachinery/pkg/util/rand.SafeEncodeString: no vowels, no look-alike digits. */
const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length] ?? '';
  return out;
}

const isNativeSidecar = (c: SidecarContainer): boolean => c.restartPolicy === 'Always';

/**
 * `{"containers": ...[, "initContainers": ...]}` with Go's map key order. The init containers are included
 * (all of them) only when at least one is a native sidecar (restartPolicy Always), hash.go:57-76.
 */
function encodeForHash(spec: Pick<SidecarSetSpec, 'containers' | 'initContainers'>): string {
  const containers = goMarshal(spec.containers, '[]SidecarContainer');
  const inits = spec.initContainers ?? [];
  if (!inits.some(isNativeSidecar)) return `{"containers":${containers}}`;
  return `{"containers":${containers},"initContainers":${goMarshal(inits, '[]SidecarContainer')}}`;
}

const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

/** Value of the `kruise.io/sidecarset-hash` annotation. */
export function sidecarSetHash(spec: Pick<SidecarSetSpec, 'containers' | 'initContainers'>): string {
  return safeEncodeString(sha256Hex(encodeForHash(spec)));
}

/** Value of `kruise.io/sidecarset-hash-without-image`: the same with every image blanked (then omitted). */
export function sidecarSetHashWithoutImage(spec: Pick<SidecarSetSpec, 'containers' | 'initContainers'>): string {
  const blank = (cs: SidecarContainer[] | undefined): SidecarContainer[] | undefined =>
    cs?.map((c) => ({ ...c, image: '' }));
  return sidecarSetHash({ containers: blank(spec.containers), initContainers: blank(spec.initContainers) });
}

/**
 * ControllerRevision `data` (history_control.go getPatch): the spec is encoded through the Go structs, read
 * back into a generic map and re-encoded, so every level ends up with sorted keys and absent fields are null.
 */
export function controllerRevisionData(spec: SidecarSetSpec): string {
  const typed = goRoundTrip(spec, 'SidecarSetSpecV1beta1');
  const pick = (k: keyof SidecarSetSpec): unknown => typed[k] ?? null;
  const data = {
    spec: {
      $patch: 'replace',
      volumes: pick('volumes'),
      containers: pick('containers'),
      initContainers: pick('initContainers'),
      imagePullSecrets: pick('imagePullSecrets'),
      patchPodMetadata: pick('patchPodMetadata'),
    },
  };
  return goMarshalRaw(data);
}

/** hash/fnv New32 (FNV-1, not FNV-1a) over UTF-8 bytes. */
export function fnv32(data: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(data, 'utf8')) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ byte) >>> 0;
  }
  return h >>> 0;
}

/**
 * history.HashControllerRevision: FNV32 of the raw data, then of the collision count (Kruise always passes
 * one, starting at 0), printed in decimal and SafeEncoded, so at most 10 characters.
 */
export function controllerRevisionHash(data: string, collisionCount: number | undefined): string {
  const probe = collisionCount === undefined ? '' : String(collisionCount);
  return safeEncodeString(String(fnv32(data + probe)));
}

/** history.ControllerRevisionName. */
export function controllerRevisionName(sidecarSetName: string, hash: string): string {
  return `${sidecarSetName.slice(0, 223)}-${hash}`;
}
