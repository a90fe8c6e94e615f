import type { ResourceDef } from '../resources/definitions';
import type { KubeObject } from '../types';

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

export type { FieldCause } from '../apimachinery/errors';
import type { FieldCause } from '../apimachinery/errors';

/** Read access to the rest of the cluster, for admission and validation that look at other objects. */
export interface ClusterReader {
  get(def: ResourceDef, namespace: string | undefined, name: string): KubeObject | undefined;
  list(def: ResourceDef, namespace?: string): KubeObject[];
}

export interface RequestContext {
  user: UserInfo;
  /** Wall-clock milliseconds; every timestamp written by this request uses it. */
  nowMs: number;
  read: ClusterReader;
  dryRun?: boolean;
  /**
   * How an HTTP client asked unknown fields to be treated (kube's default is Warn). Undefined for the simulator's
   * own controllers, whose writes are not decoded against the schema.
   */
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
  /**
   * The HTTP layer's decoder of client-sent objects (type checks and unknown fields against the published schema);
   * the registry calls it on every create, update and patched object when set.
   */
  decodeBody?: BodyDecoder;
  /** Warnings for the client (`Warning: 299 - "…"` headers), collected while the request runs. */
  warnings?: string[];
}

/** `statusOnly`: a write to the status subresource, which keeps everything but status from the stored object. */
export type BodyDecoder = (
  def: ResourceDef, version: string, obj: Record<string, unknown>, ctx: RequestContext, op: 'create' | 'update' | 'patch',
  statusOnly?: boolean,
) => Record<string, unknown>;

/**
 * What one kind adds to the generic create/update/patch/delete pipeline: Kubernetes' RESTCreateStrategy,
 * RESTUpdateStrategy and admission, folded together. All hooks see and return storage-version objects.
 */
export interface Strategy {
  /** Storage → the version a client asked for. */
  toVersion?(obj: KubeObject, version: string): KubeObject;
  /** A client's version → storage. */
  fromVersion?(obj: KubeObject, version: string): KubeObject;
  /** Defaults and mutating admission on create (pod injection lives here). */
  admitCreate?(obj: KubeObject, ctx: RequestContext): KubeObject;
  validateCreate?(obj: KubeObject, ctx: RequestContext): FieldCause[];
  /** Defaults and mutating admission on update of the main resource. */
  admitUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): KubeObject;
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): FieldCause[];
  validateStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): FieldCause[];
  /** The status a freshly created object starts with (status is not client-settable on create). */
  initialStatus?(obj: KubeObject): unknown;
  /**
   * Graceful deletion: return the object to store with deletionTimestamp set, or undefined to delete now.
   * Only pods use it.
   */
  beginGracefulDelete?(obj: KubeObject, gracePeriodSeconds: number | undefined, ctx: RequestContext): KubeObject | undefined;
  /** DNS-1123 subdomain unless a kind says otherwise (namespaces are labels, SidecarSets use kruise's regex). */
  validateName?(name: string): string | undefined;
}
