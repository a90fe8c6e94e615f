/**
 * Readers and writers of the JSON pod annotations Kruise keeps per SidecarSet. Writers print what Go's
 * json.Marshal prints for the same Go types (struct field order, sorted map keys), because other Kruise
 * components and the dashboard compare or display these strings verbatim.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isPlainObject } from '../types';
import { goQuote } from './go-json';
import {
  SIDECARSET_INJECTED_LIST_ANNOTATION,
  SIDECARSET_INPLACE_UPDATE_STATE_ANNOTATION,
  SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION,
  type InPlaceUpdateState,
  type SidecarSetUpgradeSpec,
} from './types';

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function parseJson(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) as unknown };
  } catch {
    return { ok: false };
  }
}

/** metav1.Time marshals as second-precision RFC 3339 in UTC, or null when zero. */
export function toGoTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  if (ms === Date.parse('0001-01-01T00:00:00Z')) return null;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const optString = (v: unknown): v is string | null | undefined => v === undefined || v === null || typeof v === 'string';

function decodeUpgradeSpec(v: unknown): SidecarSetUpgradeSpec | undefined {
  if (v === null) return { updateTimestamp: null, hash: '', sidecarSetName: '', sidecarList: null };
  if (!isPlainObject(v)) return undefined;
  const { updateTimestamp, hash, sidecarSetName, sidecarList, controllerRevision } = v;
  if (!optString(updateTimestamp) || !optString(hash) || !optString(sidecarSetName) || !optString(controllerRevision)) {
    return undefined;
  }
  if (sidecarList !== undefined && sidecarList !== null && !(Array.isArray(sidecarList) && sidecarList.every((s) => typeof s === 'string'))) {
    return undefined;
  }
  const spec: SidecarSetUpgradeSpec = {
    updateTimestamp: updateTimestamp ?? null,
    hash: hash ?? '',
    sidecarSetName: sidecarSetName ?? '',
    sidecarList: Array.isArray(sidecarList) ? [...(sidecarList as string[])] : null,
  };
  if (controllerRevision) spec.controllerRevision = controllerRevision;
  return spec;
}

export interface ParsedUpgradeSpecs {
  /** False when the value was neither the struct format nor the legacy `{ss: hash}` format. */
  ok: boolean;
  /** True when the value was in the legacy map[string]string format. */
  legacy: boolean;
  specs: Record<string, SidecarSetUpgradeSpec>;
  /** The legacy map itself, when `legacy`. */
  legacyHashes?: Record<string, string>;
}

/** Parses `kruise.io/sidecarset-hash` / `-hash-without-image` with the legacy fallback (util.go:183-207). */
export function parseUpgradeSpecs(value: string | undefined): ParsedUpgradeSpecs {
  if (!value) return { ok: true, legacy: false, specs: {} };
  const parsed = parseJson(value);
  if (!parsed.ok) return { ok: false, legacy: false, specs: {} };
  if (parsed.value === null) return { ok: true, legacy: false, specs: {} };
  if (!isPlainObject(parsed.value)) return { ok: false, legacy: false, specs: {} };
  const entries = Object.entries(parsed.value);
  const specs: Record<string, SidecarSetUpgradeSpec> = {};
  let structOk = true;
  for (const [k, v] of entries) {
    const spec = decodeUpgradeSpec(v);
    if (!spec) {
      structOk = false;
      break;
    }
    specs[k] = spec;
  }
  if (structOk) return { ok: true, legacy: false, specs };
  if (!entries.every(([, v]) => v === null || typeof v === 'string')) return { ok: false, legacy: false, specs: {} };
  const legacyHashes: Record<string, string> = {};
  for (const [k, v] of entries) legacyHashes[k] = typeof v === 'string' ? v : '';
  const legacySpecs: Record<string, SidecarSetUpgradeSpec> = {};
  for (const [k, v] of Object.entries(legacyHashes)) {
    legacySpecs[k] = { updateTimestamp: null, hash: v, sidecarSetName: '', sidecarList: null };
  }
  return { ok: true, legacy: true, specs: legacySpecs, legacyHashes };
}

/** The entry for one SidecarSet, or an all-empty entry when absent or unparseable. */
export function getPodUpgradeSpec(pod: Pod, ssName: string, annotationKey: string): SidecarSetUpgradeSpec {
  const spec = parseUpgradeSpecs(pod.metadata?.annotations?.[annotationKey]).specs[ssName];
  return spec ?? { updateTimestamp: null, hash: '', sidecarSetName: '', sidecarList: null };
}

function encodeStringList(list: string[] | null): string {
  return list === null ? 'null' : `[${list.map(goQuote).join(',')}]`;
}

/** json.Marshal(map[string]SidecarSetUpgradeSpec) (util.go:81-87 field order). */
export function serializeUpgradeSpecs(specs: Record<string, SidecarSetUpgradeSpec>): string {
  const parts = Object.keys(specs).sort(byteOrder).map((k) => {
    const s = specs[k];
    if (!s) return '';
    const ts = toGoTime(s.updateTimestamp);
    let body = `"updateTimestamp":${ts === null ? 'null' : goQuote(ts)},"hash":${goQuote(s.hash)}`;
    body += `,"sidecarSetName":${goQuote(s.sidecarSetName)},"sidecarList":${encodeStringList(s.sidecarList)}`;
    if (s.controllerRevision) body += `,"controllerRevision":${goQuote(s.controllerRevision)}`;
    return `${goQuote(k)}:{${body}}`;
  });
  return `{${parts.filter(Boolean).join(',')}}`;
}

/** Working-slot map `{sidecar: "sidecar-1"}`; empty when absent or invalid (util_hotupgrade.go:62-75). */
export function parseWorkingMap(pod: Pod): Record<string, string> {
  const raw = pod.metadata?.annotations?.[SIDECARSET_WORKING_HOTUPGRADE_CONTAINER_ANNOTATION];
  if (raw === undefined) return {};
  const parsed = parseJson(raw);
  if (!parsed.ok || !isPlainObject(parsed.value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.value)) {
    if (typeof v === 'string') out[k] = v;
    else if (v !== null) return {};
  }
  return out;
}

export function serializeStringMap(m: Record<string, string>): string {
  const keys = Object.keys(m).sort(byteOrder);
  return `{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k] ?? '')}`).join(',')}}`;
}

export type InPlaceUpdateStates = Record<string, InPlaceUpdateState>;

/** `ok: false` when the annotation is present but not valid JSON of the expected shape. */
export function parseInPlaceUpdateStates(pod: Pod): { present: boolean; ok: boolean; states: InPlaceUpdateStates } {
  const raw = pod.metadata?.annotations?.[SIDECARSET_INPLACE_UPDATE_STATE_ANNOTATION];
  if (raw === undefined) return { present: false, ok: true, states: {} };
  const parsed = parseJson(raw);
  if (!parsed.ok) return { present: true, ok: false, states: {} };
  if (parsed.value === null) return { present: true, ok: true, states: {} };
  if (!isPlainObject(parsed.value)) return { present: true, ok: false, states: {} };
  const states: InPlaceUpdateStates = {};
  for (const [name, v] of Object.entries(parsed.value)) {
    if (v === null) continue;
    if (!isPlainObject(v)) return { present: true, ok: false, states: {} };
    const last: Record<string, { imageID?: string }> = {};
    if (isPlainObject(v.lastContainerStatuses)) {
      for (const [c, st] of Object.entries(v.lastContainerStatuses)) {
        const imageID = isPlainObject(st) && typeof st.imageID === 'string' ? st.imageID : undefined;
        last[c] = imageID === undefined ? {} : { imageID };
      }
    }
    states[name] = {
      revision: typeof v.revision === 'string' ? v.revision : '',
      updateTimestamp: typeof v.updateTimestamp === 'string' ? v.updateTimestamp : null,
      lastContainerStatuses: isPlainObject(v.lastContainerStatuses) ? last : null,
    };
  }
  return { present: true, ok: true, states };
}

/** json.Marshal(map[string]*pub.InPlaceUpdateState), keeping the three fields SidecarSet writes. */
export function serializeInPlaceUpdateStates(states: InPlaceUpdateStates): string {
  const parts = Object.keys(states).sort(byteOrder).map((name) => {
    const s = states[name];
    if (!s) return '';
    const ts = toGoTime(s.updateTimestamp);
    const last = s.lastContainerStatuses;
    const lastJson = last === null
      ? 'null'
      : `{${Object.keys(last).sort(byteOrder).map((c) => {
        const id = last[c]?.imageID;
        return `${goQuote(c)}:{${id ? `"imageID":${goQuote(id)}` : ''}}`;
      }).join(',')}}`;
    return `${goQuote(name)}:{"revision":${goQuote(s.revision)},"updateTimestamp":${ts === null ? 'null' : goQuote(ts)},"lastContainerStatuses":${lastJson}}`;
  });
  return `{${parts.filter(Boolean).join(',')}}`;
}

/** Names in `kruise.io/sidecarset-injected-list`. */
export function injectedSidecarSetNames(pod: Pod): string[] {
  const raw = pod.metadata?.annotations?.[SIDECARSET_INJECTED_LIST_ANNOTATION];
  return raw ? raw.split(',') : [];
}
