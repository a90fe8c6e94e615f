import type { Clock } from '../clock';
import { tableName } from '../registry/rest';
import type { Strategy } from '../registry/strategy';
import { controllerRevisionStrategy, deploymentStrategy, replicaSetStrategy } from './apps-kinds';
import { configMapStrategy, leaseStrategy, secretStrategy, serviceAccountStrategy } from './config-kinds';
import { eventStrategy, namespaceStrategy, nodeStrategy } from './core-kinds';
import { crdStrategy } from './crds';
import { findResource } from './definitions';
import { podStrategy } from './pods';
import { serviceStrategy } from './services';
import { injectSidecarSets, sidecarSetStrategy } from './sidecarsets';

/** Every kind's admission, validation and conversion, keyed by the store table it writes. */
export function buildStrategies(_clock: Clock): Map<string, Strategy> {
  const entries: Array<[string, string, Strategy]> = [
    ['', 'namespaces', namespaceStrategy],
    ['', 'nodes', nodeStrategy],
    ['', 'events', eventStrategy],
    ['', 'serviceaccounts', serviceAccountStrategy],
    ['', 'configmaps', configMapStrategy],
    ['', 'secrets', secretStrategy],
    ['', 'services', serviceStrategy],
    ['coordination.k8s.io', 'leases', leaseStrategy],
    ['apiextensions.k8s.io', 'customresourcedefinitions', crdStrategy],
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
