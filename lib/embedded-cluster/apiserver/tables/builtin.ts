/**
 * Table printers for the built-in kinds other than Pod, ported from kube's printers.go (v1.32): column names,
 * types, priorities and cell formatting match what kube-apiserver sends, so `kubectl get` output is identical.
 */
import type { KubeObject } from '../../types';
import { ageSince, parseTime } from './duration';
import { AGE_DOC, CONTAINERS_DOC, IMAGES_DOC, NAME_DOC, fieldDoc } from './docs';
import { formatLabelSelector, labelSelectorString } from './selector';
import { arr, column, num, rec, str, type TablePrinter } from './types';

const name = (o: KubeObject): string => o.metadata.name ?? '';
const age = (o: KubeObject, nowMs: number): string => ageSince(o.metadata.creationTimestamp, nowMs);

/** layoutContainerCells: names and images of a pod template, comma-joined. */
function containerCells(template: unknown): [string, string] {
  const containers = arr(rec(rec(template)['spec'])['containers']).map(rec);
  return [containers.map((c) => str(c['name'])).join(','), containers.map((c) => str(c['image'])).join(',')];
}

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v);
    }
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

function nodeAddress(node: KubeObject, type: string): string {
  const found = arr(rec(node['status'])['addresses']).map(rec).find((a) => a['type'] === type);
  return found ? str(found['address']) : '<none>';
}

export const nodePrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    column('Age', 'string', AGE_DOC),
    column('Version', 'string', fieldDoc('core', 'NodeSystemInfo', 'kubeletVersion')),
    column('Internal-IP', 'string', fieldDoc('core', 'NodeStatus', 'addresses'), { priority: 1 }),
    column('External-IP', 'string', fieldDoc('core', 'NodeStatus', 'addresses'), { priority: 1 }),
    column('OS-Image', 'string', fieldDoc('core', 'NodeSystemInfo', 'osImage'), { priority: 1 }),
    column('Kernel-Version', 'string', fieldDoc('core', 'NodeSystemInfo', 'kernelVersion'), { priority: 1 }),
    column('Container-Runtime', 'string', fieldDoc('core', 'NodeSystemInfo', 'containerRuntimeVersion'), { priority: 1 }),
  ],
  cells(node, nowMs) {
    const status = rec(node['status']);
    // Only the Ready condition is summarized; the last one of that type wins, as with kube's condition map.
    const ready = arr(status['conditions']).map(rec).filter((c) => c['type'] === 'Ready').at(-1);
    const parts = ready ? [ready['status'] === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
    if (rec(node['spec'])['unschedulable'] === true) parts.push('SchedulingDisabled');
    const info = rec(status['nodeInfo']);
    const orUnknown = (s: string): string => (s === '' ? '<unknown>' : s);
    return [
      name(node), parts.join(','), nodeRoles(node), age(node, nowMs), str(info['kubeletVersion']),
      nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'),
      orUnknown(str(info['osImage'])), orUnknown(str(info['kernelVersion'])), orUnknown(str(info['containerRuntimeVersion'])),
    ];
  },
};

export const namespacePrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Status', 'string', 'The status of the namespace'),
    column('Age', 'string', AGE_DOC),
  ],
  cells: (ns, nowMs) => [name(ns), str(rec(ns['status'])['phase']), age(ns, nowMs)],
};

/** formatEventSource: component (or reportingComponent), then ", host" (or reportingInstance) when known. */
function eventSource(ev: KubeObject): string {
  const source = rec(ev['source']);
  const component = str(source['component']) || str(ev['reportingComponent']);
  const instance = str(source['host']) || str(ev['reportingInstance']);
  return instance === '' ? component : `${component}, ${instance}`;
}

export const eventPrinter: TablePrinter = {
  columns: [
    column('Last Seen', 'string', fieldDoc('core', 'Event', 'lastTimestamp')),
    column('Type', 'string', fieldDoc('core', 'Event', 'type')),
    column('Reason', 'string', fieldDoc('core', 'Event', 'reason')),
    column('Object', 'string', fieldDoc('core', 'Event', 'involvedObject')),
    column('Subobject', 'string', fieldDoc('core', 'ObjectReference', 'fieldPath'), { priority: 1 }),
    column('Source', 'string', fieldDoc('core', 'Event', 'source'), { priority: 1 }),
    column('Message', 'string', fieldDoc('core', 'Event', 'message')),
    column('First Seen', 'string', fieldDoc('core', 'Event', 'firstTimestamp'), { priority: 1 }),
    column('Count', 'string', fieldDoc('core', 'Event', 'count'), { priority: 1 }),
    column('Name', 'string', NAME_DOC, { format: 'name', priority: 1 }),
  ],
  cells(ev, nowMs) {
    const firstSeen = parseTime(ev['firstTimestamp']) !== undefined ? ageSince(ev['firstTimestamp'], nowMs) : ageSince(ev['eventTime'], nowMs);
    let lastSeen = parseTime(ev['lastTimestamp']) !== undefined ? ageSince(ev['lastTimestamp'], nowMs) : firstSeen;
    let count = num(ev['count']);
    const series = ev['series'];
    if (series !== undefined && series !== null) {
      lastSeen = ageSince(rec(series)['lastObservedTime'], nowMs);
      count = num(rec(series)['count']);
    } else if (count === 0) {
      count = 1; // singleton events of the events.k8s.io API carry no count
    }
    const involved = rec(ev['involvedObject']);
    const kind = str(involved['kind']).toLowerCase();
    const target = str(involved['name']) !== '' ? `${kind}/${str(involved['name'])}` : kind;
    return [lastSeen, str(ev['type']), str(ev['reason']), target, str(involved['fieldPath']), eventSource(ev),
      str(ev['message']).trim(), firstSeen, count, name(ev)];
  },
};

export const deploymentPrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', fieldDoc('apps', 'DeploymentStatus', 'updatedReplicas')),
    column('Available', 'string', fieldDoc('apps', 'DeploymentStatus', 'availableReplicas')),
    column('Age', 'string', AGE_DOC),
    column('Containers', 'string', CONTAINERS_DOC, { priority: 1 }),
    column('Images', 'string', IMAGES_DOC, { priority: 1 }),
    column('Selector', 'string', fieldDoc('apps', 'DeploymentSpec', 'selector'), { priority: 1 }),
  ],
  cells(d, nowMs) {
    const spec = rec(d['spec']);
    const status = rec(d['status']);
    // spec.replicas is defaulted to 1 on the way in; a missing value reads as that default.
    const desired = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
    const [names, images] = containerCells(spec['template']);
    const selector = labelSelectorString(spec['selector']);
    return [name(d), `${num(status['readyReplicas'])}/${desired}`, num(status['updatedReplicas']), num(status['availableReplicas']),
      age(d, nowMs), names, images, selector.ok ? selector.text : '<invalid>'];
  },
};

export const replicaSetPrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Desired', 'integer', fieldDoc('apps', 'ReplicaSetSpec', 'replicas')),
    column('Current', 'integer', fieldDoc('apps', 'ReplicaSetStatus', 'replicas')),
    column('Ready', 'integer', fieldDoc('apps', 'ReplicaSetStatus', 'readyReplicas')),
    column('Age', 'string', AGE_DOC),
    column('Containers', 'string', CONTAINERS_DOC, { priority: 1 }),
    column('Images', 'string', IMAGES_DOC, { priority: 1 }),
    column('Selector', 'string', fieldDoc('apps', 'ReplicaSetSpec', 'selector'), { priority: 1 }),
  ],
  cells(rs, nowMs) {
    const spec = rec(rs['spec']);
    const status = rec(rs['status']);
    const desired = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
    const [names, images] = containerCells(spec['template']);
    return [name(rs), desired, num(status['replicas']), num(status['readyReplicas']), age(rs, nowMs), names, images,
      formatLabelSelector(spec['selector'])];
  },
};

/** `daemonset.apps/name` (kind.group lower-cased, name as is) for the controlling owner reference. */
function controllerOf(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (!ref) return '<none>';
  const parts = ref.apiVersion.split('/');
  const group = parts.length === 2 ? parts[0] ?? '' : '';
  if (ref.kind === '' && group === '') return ref.name;
  return `${(group === '' ? ref.kind : `${ref.kind}.${group}`).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', fieldDoc('apps', 'ControllerRevision', 'revision')),
    column('Age', 'string', AGE_DOC),
  ],
  cells: (cr, nowMs) => [name(cr), controllerOf(cr), num(cr['revision']), age(cr, nowMs)],
};
