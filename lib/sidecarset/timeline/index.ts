/** Per-pod timelines: entries diffed from consecutive pod snapshots, container statuses and Events, and the backfill from a pod's own history. */
export * from './backfill';
export * from './diff';
export * from './events';
export * from './status';
export * from './types';
