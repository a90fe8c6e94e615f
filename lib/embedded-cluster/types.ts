import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** kubernetes-types marks server-owned fields readonly; the server is the one that writes them. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Meta = Mutable<ObjectMeta>;

/** Any object the store holds: the JSON wire shape, never a class instance. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  [field: string]: unknown;
}

/** Kubernetes' loosely-typed JSON value, used where a schema is open (patches, schemaless fields). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
