/**
 * Images this browser submitted, per SidecarSet container, so the Upgrade dialog can offer them again
 * (typically to roll back). Best effort: storage may be unavailable or full.
 */
const STORAGE_KEY = 'sidecarset-dashboard.image-history.v1';
const MAX_PER_CONTAINER = 15;

type History = Record<string, string[]>;

const slot = (sidecarSet: string, container: string) => `${sidecarSet}/${container}`;

function read(): History {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as History) : {};
  } catch {
    return {};
  }
}

export function submittedImages(sidecarSet: string, container: string): string[] {
  const list = read()[slot(sidecarSet, container)];
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}

export function rememberImage(sidecarSet: string, container: string, image: string): void {
  try {
    const history = read();
    const key = slot(sidecarSet, container);
    history[key] = [image, ...(history[key] ?? []).filter((i) => i !== image)].slice(0, MAX_PER_CONTAINER);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(history));
  } catch {
    // Storage unavailable (private mode, quota): the suggestion list just stays shorter.
  }
}
