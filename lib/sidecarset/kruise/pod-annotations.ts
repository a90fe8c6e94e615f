/**
 * Parsers for the pod annotations and condition Kruise writes (spec §2.2, §3.3, §8.3). Annotations are plain
 * strings anyone can edit, so every parser returns undefined on malformed input instead of throwing.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { isObject, parseJsonObject, stringField } from './json';
import { timeMs } from './time';
import {
  POD_INJECTED_LIST,
  POD_INPLACE_UPDATE_STATE,
  POD_SS_HASH,
  POD_SS_HASH_WITHOUT_IMAGE,
  POD_VERSION_ALT_PREFIX,
  POD_VERSION_PREFIX,
  POD_WORKING_HOT_CONTAINER,
  SIDECARSET_UPGRADABLE_CONDITION,
} from './types';

type WithMeta = { metadata?: ObjectMeta };

function annotation(obj: WithMeta, key: string): string | undefined {
  return obj.metadata?.annotations?.[key];
}

/** One entry of `kruise.io/sidecarset-hash` (SidecarSetUpgradeSpec, util.go:81-87). */
export interface SidecarSetUpgradeSpec {
  hash: string;
  updateTimestamp?: string;
  sidecarSetName?: string;
  sidecarList?: string[];
  controllerRevision?: string;
  /** Read from the legacy `{"<ss>":"<hash>"}` format. */
  legacy: boolean;
}

function upgradeSpecFrom(value: unknown): SidecarSetUpgradeSpec | undefined {
  // Legacy pods carry map[string]string; Kruise retries with that shape when the struct shape fails.
  if (typeof value === 'string') return { hash: value, legacy: true };
  if (!isObject(value)) return undefined;
  const list = value['sidecarList'];
  return {
    hash: stringField(value, 'hash') ?? '',
    updateTimestamp: stringField(value, 'updateTimestamp'),
    sidecarSetName: stringField(value, 'sidecarSetName'),
    sidecarList: Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : undefined,
    controllerRevision: stringField(value, 'controllerRevision') || undefined,
    legacy: false,
  };
}

/**
 * Parses a hash annotation (either shape). Kruise fails a whole map with mixed shapes; reading entry by entry is
 * deliberately more forgiving, because the dashboard would rather show a hash than nothing.
 */
export function parseUpgradeSpecs(raw: string | undefined): Record<string, SidecarSetUpgradeSpec> | undefined {
  const obj = parseJsonObject(raw);
  if (!obj) return undefined;
  const out: Record<string, SidecarSetUpgradeSpec> = {};
  for (const [name, value] of Object.entries(obj)) {
    const spec = upgradeSpecFrom(value);
    if (spec) out[name] = spec;
  }
  return out;
}

/** This SidecarSet's entry of `kruise.io/sidecarset-hash` (or of the hash-without-image annotation). */
export function podUpgradeSpec(
  pod: WithMeta,
  ssName: string,
  which: 'hash' | 'withoutImage' = 'hash',
): SidecarSetUpgradeSpec | undefined {
  const key = which === 'hash' ? POD_SS_HASH : POD_SS_HASH_WITHOUT_IMAGE;
  return parseUpgradeSpecs(annotation(pod, key))?.[ssName];
}

/** `kruise.io/sidecarset-injected-list`: every SidecarSet ever injected into the pod. */
export function injectedSidecarSets(pod: WithMeta): string[] {
  const raw = annotation(pod, POD_INJECTED_LIST);
  if (!raw) return [];
  return raw.split(',').filter((s) => s !== '');
}

/** Working map `{sidecar: podContainer}`, e.g. `{"sidecar":"sidecar-1"}`; undefined if missing or malformed. */
export function podWorkingMap(pod: WithMeta): Record<string, string> | undefined {
  const obj = parseJsonObject(annotation(pod, POD_WORKING_HOT_CONTAINER));
  if (!obj) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** version / versionalt annotations of one slot (spec §2.3); "0" means the empty slot. */
export function slotVersions(pod: WithMeta, podContainer: string): { version?: string; versionAlt?: string } {
  return {
    version: annotation(pod, POD_VERSION_PREFIX + podContainer),
    versionAlt: annotation(pod, POD_VERSION_ALT_PREFIX + podContainer),
  };
}

export interface InPlaceUpdateState {
  /** Not refreshed when the entry is reused: do not treat as current (spec §3.3). */
  revision?: string;
  updateTimestamp?: string;
  /** imageID of each container recorded just before Kruise changed its image. */
  lastContainerStatuses: Record<string, { imageID?: string }>;
}

function inPlaceStateFrom(value: unknown): InPlaceUpdateState | undefined {
  if (!isObject(value)) return undefined;
  const last: Record<string, { imageID?: string }> = {};
  const rawLast = value['lastContainerStatuses'];
  if (isObject(rawLast)) {
    for (const [name, st] of Object.entries(rawLast)) {
      if (isObject(st)) last[name] = { imageID: stringField(st, 'imageID') };
    }
  }
  return {
    revision: stringField(value, 'revision'),
    updateTimestamp: stringField(value, 'updateTimestamp'),
    lastContainerStatuses: last,
  };
}

export type InPlaceUpdateAnnotation =
  | { present: false }
  | { present: true; states?: Record<string, InPlaceUpdateState> };

/**
 * `kruise.io/sidecarset-inplace-update-state`. Presence matters on its own: Kruise treats a missing annotation as
 * "never updated in place, so consistent" but a malformed one as inconsistent (`states` undefined).
 */
export function podInPlaceUpdateAnnotation(pod: WithMeta): InPlaceUpdateAnnotation {
  const raw = annotation(pod, POD_INPLACE_UPDATE_STATE);
  if (raw === undefined) return { present: false };
  const obj = parseJsonObject(raw);
  if (!obj) return { present: true };
  const states: Record<string, InPlaceUpdateState> = {};
  for (const [name, v] of Object.entries(obj)) {
    const s = inPlaceStateFrom(v);
    if (s) states[name] = s;
  }
  return { present: true, states };
}

export function podInPlaceUpdateState(pod: WithMeta, ssName: string): InPlaceUpdateState | undefined {
  const a = podInPlaceUpdateAnnotation(pod);
  return a.present ? a.states?.[ssName] : undefined;
}

/** Kruise's SidecarSetUpgradable pod condition, read. */
export interface UpgradableConditionView {
  status: string;
  reason?: string;
  message?: string;
  /** Parsed message `{"<ss>": bool}`; undefined when the message is not that JSON. */
  perSidecarSet?: Record<string, boolean>;
  lastTransitionMs?: number;
}

/** Parses a `SidecarSetUpgradable` condition message `{"<ss>": true|false}`. */
export function parseUpgradableMessage(message: string | undefined): Record<string, boolean> | undefined {
  const obj = parseJsonObject(message);
  if (!obj) return undefined;
  const out: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(obj)) if (typeof v === 'boolean') out[k] = v;
  return out;
}

export function upgradableCondition(pod: Pod): UpgradableConditionView | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === SIDECARSET_UPGRADABLE_CONDITION);
  if (!c) return undefined;
  return {
    status: c.status,
    reason: c.reason,
    message: c.message,
    perSidecarSet: parseUpgradableMessage(c.message),
    lastTransitionMs: timeMs(c.lastTransitionTime),
  };
}
