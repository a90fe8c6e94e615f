/**
 * The SidecarSet dashboard domain: pure functions over SidecarSet, Pod, Namespace and Event objects
 * (no I/O, no clock). Import from here; the files behind it are an implementation detail.
 */
export * from './types';
export * from './sidecarset';
export * from './wire';
export * from './label-selector';
export * from './membership';
export * from './pod-annotations';
export * from './pod-state';
export * from './kubectl';
export * from './container-health';
export * from './events';
export * from './int-or-percent';
export * from './pod-order';
export * from './scatter-sort';
export * from './rollout-plan';
export * from './phase';
export * from './phase-labels';
export * from './pending';
export * from './pod-view';
export * from './blocked';
export * from './summary';
export * from './image-ref';
export * from './names';
export * from './upgrade-request';
export * from './timeline';
export * from './timeline-backfill';
export * from './verdict';
export * from './time';
