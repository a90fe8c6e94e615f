/** What the dashboard shows about a SidecarSet and its pods: phases, pod views, summaries, blocked and pending reasons, kubectl's columns. */
export * from './blocked';
export * from './container-health';
export * from './events';
export * from './kubectl';
export * from './pending';
export * from './phase-labels';
export * from './phase';
export * from './pod-view';
export * from './summary';
export * from './types';
