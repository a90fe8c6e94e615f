/**
 * The wire contract: the JSON the dashboard's API and stream send, as types only. The server builds its answers
 * with these types, the browser and the e2e tests read them, so there is exactly one copy of each shape.
 * Nothing here runs; lint keeps value imports out (lib/api may import only types).
 */
export type * from './cluster';
export type * from './sidecarsets';
export type * from './errors';
export type * from './timeline';
export type * from './stream';
export type * from './rollouts';
