import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { fieldInvalid, fieldNotSupported, fieldRequired } from '../apimachinery/field-errors';
import type { FieldCause, RequestContext, Strategy } from '../registry/strategy';
import type { KubeObject } from '../types';
import { findResource } from './definitions';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
/** The service CIDR's first address is the `kubernetes` service's. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

function usedIps(ctx: RequestContext): Set<string> {
  const def = findResource('', 'services');
  const used = new Set<string>([KUBERNETES_SERVICE_IP]);
  if (def) for (const s of ctx.read.list(def)) for (const ip of (s as unknown as Service).spec?.clusterIPs ?? []) used.add(ip);
  return used;
}

/** The next free address of 10.96.0.0/16 (kube allocates at random in the whole service CIDR; any free one will do). */
function allocate(ctx: RequestContext): string {
  const used = usedIps(ctx);
  for (let i = 10; i < 65_534; i++) {
    const ip = `10.96.${Math.floor(i / 256)}.${i % 256}`;
    if (!used.has(ip)) return ip;
  }
  throw new Error('service IP range exhausted');
}

function defaultPorts(ports: ServicePort[] | undefined): ServicePort[] | undefined {
  return ports?.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port }));
}

function defaults(svc: Service): Service {
  const spec = { ...(svc.spec ?? {}) };
  spec.type ??= 'ClusterIP';
  if (spec.type !== 'ExternalName') {
    spec.sessionAffinity ??= 'None';
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ports = defaultPorts(spec.ports);
  }
  return { ...svc, spec };
}

function validate(svc: Service): FieldCause[] {
  const causes: FieldCause[] = [];
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) causes.push(fieldNotSupported('spec.type', type, TYPES));
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (type !== 'ExternalName' && !headless && ports.length === 0) causes.push(fieldRequired('spec.ports'));
  if (type === 'ExternalName' && !spec.externalName) causes.push(fieldRequired('spec.externalName'));
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) causes.push(fieldRequired(`${at}.name`));
    if (!(Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535)) causes.push(fieldInvalid(`${at}.port`, p.port, 'must be between 1 and 65535, inclusive'));
    if (p.protocol && !PROTOCOLS.includes(p.protocol)) causes.push(fieldNotSupported(`${at}.protocol`, p.protocol, PROTOCOLS));
  });
  return causes;
}

export const serviceStrategy: Strategy = {
  initialStatus: () => ({ loadBalancer: {} }),
  admitCreate(obj, ctx) {
    const svc = defaults(obj as unknown as Service);
    const spec = svc.spec ?? {};
    if (spec.type !== 'ExternalName') {
      const ip = spec.clusterIP && spec.clusterIP !== '' ? spec.clusterIP : allocate(ctx);
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
      if (ip !== 'None') {
        spec.ipFamilies = ['IPv4'];
        spec.ipFamilyPolicy = 'SingleStack';
      }
    }
    return { ...svc, spec } as unknown as KubeObject;
  },
  admitUpdate(obj, old) {
    const svc = defaults(obj as unknown as Service);
    const prev = (old as unknown as Service).spec ?? {};
    const spec = svc.spec ?? {};
    // The allocated address stays unless the client sent another (which validation then refuses).
    if (!spec.clusterIP) {
      spec.clusterIP = prev.clusterIP;
      spec.clusterIPs = prev.clusterIPs;
      spec.ipFamilies = prev.ipFamilies;
      spec.ipFamilyPolicy = prev.ipFamilyPolicy;
    }
    return { ...svc, spec } as unknown as KubeObject;
  },
  validateCreate: (o) => validate(o as unknown as Service),
  validateUpdate(o, old) {
    const causes = validate(o as unknown as Service);
    const ip = (o as unknown as Service).spec?.clusterIP;
    if (ip !== (old as unknown as Service).spec?.clusterIP) causes.push(fieldInvalid('spec.clusterIPs[0]', ip, 'may not change once set'));
    return causes;
  },
};
