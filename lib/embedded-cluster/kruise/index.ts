/**
 * Public surface of the pure OpenKruise SidecarSet logic. The store, HTTP server and controller loop call
 * these; nothing here performs I/O or reads the clock.
 */
export * from './types';
export * from './hash';
export * from './defaults';
export * from './conversion';
export * from './field-errors';
export * from './validation';
export * from './injection';
export type { RevisionResolver } from './injection-revision';
export * from './membership';
export * from './pod-state';
export * from './pod-annotations';
export * from './status';
export * from './strategy';
export * from './intstr';
export * from './update-sort';
export * from './scatter-sort';
export * from './upgrade';
export * from './condition';
export * from './patch-metadata';
export * from './reconcile-plan';
export * from './revision';
export { canonicalQuantity } from './quantity';
export { parseImage, isImageDigest, isContainerImageEqual } from './image';
