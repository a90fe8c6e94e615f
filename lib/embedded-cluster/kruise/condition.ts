/**
 * The pod condition SidecarSetUpgradable (sidecarset_processor.go:648-700): its message is a JSON object with
 * one boolean per SidecarSet, and the condition is True only while none of them is false.
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { isPlainObject } from '../types';
import { goMarshalRaw } from './go-json';
import { toGoTime } from './pod-annotations';
import { SIDECARSET_UPGRADABLE_CONDITION, UPGRADABLE_REASON_ALL, UPGRADABLE_REASON_IMMUTABLE } from './types';

export interface UpgradableConditionResult {
  condition: PodCondition;
  /** False when the pod already carries an identical condition, i.e. Kruise would skip the status patch. */
  changed: boolean;
}

/**
 * The SidecarSetUpgradable condition after recording `upgradable` for `sidecarSetName` on `pod`.
 * lastTransitionTime becomes `nowIso` unless the status did not change. Throws when the existing
 * message is not a JSON object, where Kruise's reconcile returns an error.
 */
export function buildUpgradableCondition(
  pod: Pod,
  sidecarSetName: string,
  upgradable: boolean,
  nowIso: string,
): UpgradableConditionResult {
  const old = (pod.status?.conditions ?? []).find((c) => c.type === SIDECARSET_UPGRADABLE_CONDITION);
  let kv: Record<string, unknown> = {};
  if (old?.message) {
    const parsed = JSON.parse(old.message) as unknown;
    if (parsed !== null && !isPlainObject(parsed)) throw new Error(`invalid ${SIDECARSET_UPGRADABLE_CONDITION} message`);
    kv = parsed ?? {};
  }
  kv = { ...kv, [sidecarSetName]: upgradable };
  const all = !Object.values(kv).some((v) => v === false);
  const status = all ? 'True' : 'False';
  const condition: PodCondition = {
    type: SIDECARSET_UPGRADABLE_CONDITION,
    status,
    ...(old?.lastProbeTime ? { lastProbeTime: old.lastProbeTime } : {}),
    lastTransitionTime:
      old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : (toGoTime(nowIso) ?? nowIso),
    reason: all ? UPGRADABLE_REASON_ALL : UPGRADABLE_REASON_IMMUTABLE,
    message: goMarshalRaw(kv),
  };
  const changed = !old || old.status !== condition.status || old.reason !== condition.reason ||
    old.message !== condition.message || old.lastTransitionTime !== condition.lastTransitionTime;
  return { condition, changed };
}

/** The pod with the condition replaced or appended (what the strategic-merge status patch results in). */
export function withUpgradableCondition(pod: Pod, condition: PodCondition): Pod {
  const out = structuredClone(pod);
  const conditions = [...(out.status?.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === condition.type);
  if (i >= 0) conditions[i] = condition;
  else conditions.push(condition);
  return { ...out, status: { ...(out.status ?? {}), conditions } };
}
