/**
 * Narrowing untyped API responses (client-node's custom-objects API returns `any`) into a SidecarSet. Only the
 * shape the domain relies on is checked; everything else passes through untouched, because containers are
 * schemaless and real objects carry fields no TypeScript type lists.
 */
import { z } from 'zod';
import { KRUISE_GROUP, SIDECARSET_V1ALPHA1, SIDECARSET_V1BETA1 } from './types';
import type { SidecarSet } from './types';

const labelSelectorShape = z.looseObject({
  matchLabels: z.record(z.string(), z.string()).nullish(),
  matchExpressions: z
    .array(z.looseObject({ key: z.string(), operator: z.string(), values: z.array(z.string()).nullish() }))
    .nullish(),
});

const intOrString = z.union([z.number(), z.string()]);

const sidecarSetShape = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.looseObject({
    name: z.string().min(1),
    annotations: z.record(z.string(), z.string()).nullish(),
    labels: z.record(z.string(), z.string()).nullish(),
  }),
  spec: z.looseObject({
    selector: labelSelectorShape.nullish(),
    namespaceSelector: labelSelectorShape.nullish(),
    namespace: z.string().nullish(),
    containers: z.array(z.looseObject({ name: z.string(), image: z.string().optional() })).nullish(),
    updateStrategy: z
      .looseObject({
        type: z.string().optional(),
        paused: z.boolean().optional(),
        selector: labelSelectorShape.nullish(),
        partition: intOrString.nullish(),
        maxUnavailable: intOrString.nullish(),
      })
      .nullish(),
  }),
  status: z.looseObject({}).optional(),
});

export type SidecarSetParse = { ok: true; sidecarSet: SidecarSet } | { ok: false; reason: string };

/**
 * Accepts a v1alpha1 or v1beta1 SidecarSet. A missing apiVersion (list items may omit TypeMeta) is filled in from
 * `fallbackApiVersion`, or guessed: spec.namespace exists only in v1alpha1.
 */
export function parseSidecarSet(value: unknown, fallbackApiVersion?: string): SidecarSetParse {
  const r = sidecarSetShape.safeParse(value);
  if (!r.success) return { ok: false, reason: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const apiVersion = r.data.apiVersion ?? fallbackApiVersion ?? (r.data.spec.namespace ? SIDECARSET_V1ALPHA1 : SIDECARSET_V1BETA1);
  if (apiVersion !== SIDECARSET_V1ALPHA1 && apiVersion !== SIDECARSET_V1BETA1) {
    return { ok: false, reason: `apiVersion ${apiVersion} is not ${KRUISE_GROUP}/v1alpha1 or /v1beta1` };
  }
  if (r.data.kind !== undefined && r.data.kind !== 'SidecarSet') return { ok: false, reason: `kind ${r.data.kind} is not SidecarSet` };
  // The checks above cover every field the domain dereferences without a guard; the rest is read defensively.
  return { ok: true, sidecarSet: { ...r.data, apiVersion } as SidecarSet };
}
