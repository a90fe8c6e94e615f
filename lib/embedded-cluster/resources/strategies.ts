import type { Clock } from '../clock';
import { tableName } from '../registry/rest';
import type { Strategy } from '../registry/strategy';
import { controllerRevisionStrategy, deploymentStrategy, replicaSetStrategy } from './apps-kinds';
import { eventStrategy, namespaceStrategy, nodeStrategy } from './core-kinds';
import { findResource } from './definitions';
import { podStrategy } from './pods';
import { injectSidecarSets, sidecarSetStrategy } from './sidecarsets';

/** Every kind's admission, validation and conversion, keyed by the store table it writes. */
export function buildStrategies(_clock: Clock): Map<string, Strategy> {
  const entries: Array<[string, string, Strategy]> = [
    ['', 'namespaces', namespaceStrategy],
    ['', 'nodes', nodeStrategy],
    ['', 'events', eventStrategy],
    ['', 'pods', podStrategy([injectSidecarSets])],
    ['apps', 'deployments', deploymentStrategy],
    ['apps', 'replicasets', replicaSetStrategy],
    ['apps', 'controllerrevisions', controllerRevisionStrategy],
    ['apps.kruise.io', 'sidecarsets', sidecarSetStrategy()],
  ];
  const map = new Map<string, Strategy>();
  for (const [group, plural, s] of entries) {
    const def = findResource(group, plural);
    if (!def) throw new Error(`strategy for unserved ${plural}`);
    map.set(tableName(def), s);
  }
  return map;
}
