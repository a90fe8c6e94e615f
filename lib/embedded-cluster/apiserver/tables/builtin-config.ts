/**
 * Table printers for Services, ConfigMaps, Secrets, ServiceAccounts and Leases, after kube's printers.go
 * (v1.28): the same columns and cell formatting, so `kubectl get svc,cm,secret,sa,lease` reads as on a real cluster.
 */
import type { KubeObject } from '../../types';
import { ageSince } from './duration';
import { AGE_DOC, NAME_DOC, fieldDoc } from './docs';
import { arr, column, num, rec, str, type TablePrinter } from './types';

const name = (o: KubeObject): string => o.metadata.name ?? '';
const age = (o: KubeObject, nowMs: number): string => ageSince(o.metadata.creationTimestamp, nowMs);
const count = (v: unknown): number => Object.keys(rec(v)).length;

export const configMapPrinter: TablePrinter = {
  columns: [column('Name', 'string', NAME_DOC, { format: 'name' }), column('Data', 'string', fieldDoc('core', 'ConfigMap', 'data')), column('Age', 'string', AGE_DOC)],
  cells: (o, nowMs) => [name(o), count(o['data']) + count(o['binaryData']), age(o, nowMs)],
};

export const secretPrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }), column('Type', 'string', fieldDoc('core', 'Secret', 'type')),
    column('Data', 'string', fieldDoc('core', 'Secret', 'data')), column('Age', 'string', AGE_DOC),
  ],
  cells: (o, nowMs) => [name(o), str(o['type']), count(o['data']), age(o, nowMs)],
};

export const serviceAccountPrinter: TablePrinter = {
  columns: [column('Name', 'string', NAME_DOC, { format: 'name' }), column('Secrets', 'string', fieldDoc('core', 'ServiceAccount', 'secrets')), column('Age', 'string', AGE_DOC)],
  cells: (o, nowMs) => [name(o), arr(o['secrets']).length, age(o, nowMs)],
};

export const leasePrinter: TablePrinter = {
  columns: [column('Name', 'string', NAME_DOC, { format: 'name' }), column('Holder', 'string', fieldDoc('coordination', 'LeaseSpec', 'holderIdentity')), column('Age', 'string', AGE_DOC)],
  cells: (o, nowMs) => [name(o), str(rec(o['spec'])['holderIdentity']), age(o, nowMs)],
};

/** printService's EXTERNAL-IP: none for ClusterIP, the name for ExternalName, ingress or <pending> for LoadBalancer. */
function externalIp(spec: Record<string, unknown>, status: Record<string, unknown>): string {
  const external = arr(spec['externalIPs']).map(str);
  switch (str(spec['type'])) {
    case 'NodePort':
    case 'ClusterIP':
      return external.length ? external.join(',') : '<none>';
    case 'ExternalName':
      return str(spec['externalName']);
    case 'LoadBalancer': {
      const ingress = arr(rec(status['loadBalancer'])['ingress']).map(rec).map((i) => str(i['ip']) || str(i['hostname'])).filter(Boolean);
      const all = [...ingress, ...external];
      return all.length ? all.join(',') : '<pending>';
    }
    default:
      return '<unknown>';
  }
}

function ports(spec: Record<string, unknown>): string {
  const ps = arr(spec['ports']).map(rec);
  if (ps.length === 0) return '<none>';
  return ps.map((p) => `${num(p['port'])}${num(p['nodePort']) ? `:${num(p['nodePort'])}` : ''}/${str(p['protocol'])}`).join(',');
}

function selector(spec: Record<string, unknown>): string {
  const s = Object.entries(rec(spec['selector'])).map(([k, v]) => `${k}=${str(v)}`).sort();
  return s.length ? s.join(',') : '<none>';
}

export const servicePrinter: TablePrinter = {
  columns: [
    column('Name', 'string', NAME_DOC, { format: 'name' }),
    column('Type', 'string', fieldDoc('core', 'ServiceSpec', 'type')),
    column('Cluster-IP', 'string', fieldDoc('core', 'ServiceSpec', 'clusterIP')),
    column('External-IP', 'string', fieldDoc('core', 'ServiceSpec', 'externalIPs')),
    column('Port(s)', 'string', fieldDoc('core', 'ServiceSpec', 'ports')),
    column('Age', 'string', AGE_DOC),
    column('Selector', 'string', fieldDoc('core', 'ServiceSpec', 'selector'), { priority: 1 }),
  ],
  cells(o, nowMs) {
    const spec = rec(o['spec']);
    const clusterIp = str(spec['clusterIP']) || '<none>';
    return [name(o), str(spec['type']), clusterIp, externalIp(spec, rec(o['status'])), ports(spec), age(o, nowMs), selector(spec)];
  },
};
