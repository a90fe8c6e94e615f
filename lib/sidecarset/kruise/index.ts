/** OpenKruise's own rules, ported from its code: SidecarSet defaults and parsing, selectors, membership, pod annotations and predicates, the upgrade order and the rollout plan. */
export * from './image-ref';
export * from './int-or-percent';
export * from './json';
export * from './label-selector';
export * from './membership';
export * from './names';
export * from './parse';
export * from './pod-annotations';
export * from './pod-order';
export * from './pod-state';
export * from './rollout-plan';
export * from './scatter-sort';
export * from './sidecarset';
export * from './time';
export * from './types';
export * from './batches';
export * from './revisions';
