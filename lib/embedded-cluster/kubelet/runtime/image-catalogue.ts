import { imageIdFor, parseImageReference, type ImageReference } from './image-ref';
import { hashString } from './prng';
import type { ModelKind } from './types';

/**
 * IMAGE RULES: what the simulated container runtime does with an image reference. The text below is exported as
 * IMAGE_RULES so the README and the dashboard can quote it verbatim; keep the two in sync.
 */
export const IMAGE_RULES = `Image catalogue of the embedded cluster: what the simulated runtime does with an image reference.

Pulling
  - A repository or tag containing "notfound" (tinyqian/mosn:v3-notfound, nginx-notfound:1) fails with
    "... not found": ErrImagePull, then ImagePullBackOff, retried after 10 s, 20 s, 40 s ... up to 300 s.
  - The registry host invalid.example (invalid.example/mosn:v2) fails with "... no such host".
  - Anything else pulls in 1-2 s of simulated time (fixed per image). An image already on the node is reused at
    once with imagePullPolicy IfNotPresent or Never, and re-checked in 0.2-0.5 s with Always.

What runs (first match wins)
  1. Tag "empty" (openkruise/hotupgrade-sample:empty): the empty sidecar. It blocks and serves nothing.
  2. Repository name containing "mosn" (tinyqian/mosn:v2): MOSN. Its data listener on :2045 speaks a multiplexed
     RPC protocol and answers {"version":"<tag>","image":...,"container":...,"pod":...}. A new MOSN takes over
     from a running one through reconfig.sock in its uds_dir /home/admin/mosn/logs, so both slots must mount
     the same emptyDir there; otherwise the new one hits a port conflict and exits 1.
     A tag ending in "-devshm" (tinyqian/mosn:v2-devshm) is a MOSN whose supervisord keeps its socket in
     /dev/shm, which every container of the pod shares: a second such container in the pod exits 1 at start
     and crash-loops while the first keeps serving (spec §7.1).
  3. openkruise/hotupgrade-sample:sidecar<vN>: the OpenKruise sample sidecar. HTTP :9091 /serve answers
     "This is version(vN) sidecar"; a newer one takes the listener over via /dev/shm/migrate.sock and writes
     /result 5 s after it starts serving, which the image's /migrate.sh postStart hook waits for.
  4. Repository name starting with "nginx" (nginx:1.20): nginx on :80, answering "Welcome to nginx!".
  5. Anything else: an idle process that runs and serves nothing.

Modifiers (any image)
  - A tag containing "crash" (tinyqian/mosn:v2-crash, nginx:crash): starts as above, then exits 1 after 1 s.
  - A tag containing "slowstop": ignores SIGTERM and is SIGKILLed (exit 137) when the grace period ends.
  - Otherwise SIGTERM makes every process exit 0 at once.`;

export interface ImageInfo {
  /** As written in the pod spec. */
  reference: string;
  ref: ImageReference;
  /** `docker.io/tinyqian/mosn@sha256:<64 hex>`: stable per image name. */
  imageID: string;
  sizeBytes: number;
  /** Pull time when the node does not have the image. */
  pullMs: number;
  /** Manifest re-check when the node already has it (imagePullPolicy Always). */
  repullMs: number;
  /** Set when pulling fails: the error text containerd would return, and how long it takes to fail. */
  pullError?: { message: string; afterMs: number };
  model: ModelKind;
  /** MOSN only: supervisord's socket lives in /dev/shm, shared by every container of the pod. */
  devShmSupervisor: boolean;
  /** The `crash` modifier: exit 1 this long after start. */
  crashAfterMs?: number;
  ignoresSigterm: boolean;
  /** Files the image ships that the hook shell can run (the sample's /migrate.sh). */
  files: readonly string[];
  /** What the process reports as its version: the tag (the sample's own Version for sidecar<vN>). */
  version: string;
}

const SIZES: Record<ModelKind, number> = {
  mosn: 96_000_000,
  'sample-sidecar': 11_500_000,
  nginx: 56_800_000,
  empty: 11_400_000,
  idle: 4_300_000,
};

export const CRASH_AFTER_MS = 1_000;

export function describeImage(reference: string): ImageInfo | { error: string } {
  const ref = parseImageReference(reference);
  if ('error' in ref) return ref;
  const h = hashString(ref.normalized);
  const tag = ref.tag ?? '';
  const name = ref.path.split('/').pop() ?? ref.path;
  const model = modelFor(ref, name, tag);
  return {
    reference,
    ref,
    imageID: imageIdFor(ref),
    sizeBytes: SIZES[model] + (h % Math.floor(SIZES[model] / 10)),
    pullMs: 1_000 + (h % 1_000),
    repullMs: 200 + (h % 300),
    ...pullErrorFor(ref, h),
    model,
    devShmSupervisor: model === 'mosn' && tag.endsWith('-devshm'),
    ...(tag.includes('crash') ? { crashAfterMs: CRASH_AFTER_MS } : {}),
    ignoresSigterm: tag.includes('slowstop'),
    files: ref.path.endsWith('hotupgrade-sample') ? ['/migrate.sh'] : [],
    version: model === 'sample-sidecar' ? tag.replace(/^sidecar/, '') : tag || (ref.digest ?? ''),
  };
}

function modelFor(ref: ImageReference, name: string, tag: string): ModelKind {
  if (tag === 'empty') return 'empty';
  if (name.includes('mosn')) return 'mosn';
  if (ref.path.endsWith('hotupgrade-sample') && tag.startsWith('sidecar')) return 'sample-sidecar';
  if (name.startsWith('nginx')) return 'nginx';
  return 'idle';
}

function pullErrorFor(ref: ImageReference, h: number): { pullError?: ImageInfo['pullError'] } {
  const afterMs = 300 + (h % 500);
  const n = ref.normalized;
  if (ref.domain === 'invalid.example') {
    const what = ref.tag ?? ref.digest ?? 'latest';
    return {
      pullError: {
        afterMs,
        message: `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": failed to do request: Head "https://invalid.example/v2/${ref.path}/manifests/${what}": dial tcp: lookup invalid.example: no such host`,
      },
    };
  }
  if (ref.path.includes('notfound') || (ref.tag ?? '').includes('notfound')) {
    return {
      pullError: {
        afterMs,
        message: `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`,
      },
    };
  }
  return {};
}
