/** The MOSN process model and its hot-upgrade timings (spec §7). */
export * from './constants';
export { MosnProcess } from './mosn-process';
