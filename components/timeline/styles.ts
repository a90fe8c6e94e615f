/**
 * Colours of the timeline, light and dark. Each state also has its own text (and waiting its stripes), so the
 * meaning never rests on colour alone; label text keeps AA contrast on its fill.
 */
import type { BandKind } from './bands';
import type { SegmentState } from './lanes';

export const LABEL_WIDTH = '11rem';

export const segmentClass: Record<SegmentState, string> = {
  empty: 'border border-dashed border-zinc-400 bg-zinc-100 text-zinc-700 dark:border-zinc-500 dark:bg-zinc-800 dark:text-zinc-300',
  waiting:
    'bg-amber-100 text-amber-950 bg-[repeating-linear-gradient(135deg,rgba(217,119,6,0.28)_0_4px,transparent_4px_8px)] dark:bg-amber-950 dark:text-amber-100 dark:bg-[repeating-linear-gradient(135deg,rgba(251,191,36,0.25)_0_4px,transparent_4px_8px)]',
  running: 'bg-sky-200 text-sky-950 dark:bg-sky-800 dark:text-sky-50',
  ready: 'bg-emerald-300 text-emerald-950 dark:bg-emerald-700 dark:text-emerald-50',
  terminated: 'bg-zinc-300 text-zinc-900 dark:bg-zinc-600 dark:text-zinc-50',
  failed: 'bg-red-600 text-white dark:bg-red-500 dark:text-zinc-950',
};

export const segmentWord: Record<SegmentState, string> = {
  empty: 'empty image',
  waiting: 'pulling / waiting',
  running: 'running, not ready',
  ready: 'running and ready',
  terminated: 'terminated',
  failed: 'failed',
};

export const bandClass: Record<BandKind, string> = {
  Upgrade: 'bg-indigo-100 text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50',
  Migration: 'bg-violet-700 text-white dark:bg-violet-400 dark:text-zinc-950',
  Reset: 'bg-orange-300 text-orange-950 dark:bg-orange-400 dark:text-zinc-950',
};

export const bandWord: Record<BandKind, string> = {
  Upgrade: 'Upgrade: from Kruise writing the new image to the standby slot until the pod is done',
  Migration: "Migration: the new slot's postStart runs (from its Started event until it is ready)",
  Reset: 'Reset: the old slot is put back on the empty image and restarted',
};

export const probeOkClass = 'bg-emerald-700 text-white dark:bg-emerald-400 dark:text-zinc-950';
export const probeFailedClass = 'bg-red-600 text-white dark:bg-red-400 dark:text-zinc-950';

export const hatchClass =
  'bg-[repeating-linear-gradient(135deg,rgba(113,113,122,0.45)_0_3px,transparent_3px_7px)] dark:bg-[repeating-linear-gradient(135deg,rgba(161,161,170,0.45)_0_3px,transparent_3px_7px)]';

/** `tinyqian/mosn:v2` for `docker.io/tinyqian/mosn:v2`; `nginx:1.20` for `docker.io/library/nginx:1.20`. */
export function shortImage(image: string | undefined): string {
  if (!image) return '(none)';
  return image.replace(/^docker\.io\//, '').replace(/^library\//, '');
}
