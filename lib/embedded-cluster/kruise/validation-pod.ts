/**
 * Stage 3h of the SidecarSet webhook: Kruise validates a fake pod made of the SidecarSet's containers and
 * volumes with the core ValidatePodCreate. This is the subset that matters for sidecars: names, images,
 * duplicates, volume references, ports, env names, pull/termination policies, probes and lifecycle handlers,
 * with the core validation's paths and messages (paths are the fake pod's: spec.containers[i]...).
 */
import type { Container, EnvVar, LifecycleHandler, Probe, Volume } from 'kubernetes-types/core/v1';
import { isPlainObject } from '../types';
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError } from './field-errors';
import { isDNS1123Label, isEnvVarName, isValidPortName, isValidPortNum } from './k8s-names';

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
] as const;

/** Whether `obj[key]` holds an object, i.e. that optional pointer field is set. */
const hasObject = (obj: object, key: string): boolean => isPlainObject(Object.getOwnPropertyDescriptor(obj, key)?.value);

const dnsLabel = (value: string, path: string): FieldError[] => isDNS1123Label(value).map((m) => invalid(path, value, m));

function validateVolumeSource(v: Volume, path: string): FieldError[] {
  const present = VOLUME_SOURCES.filter((k) => hasObject(v, k));
  const [first, second] = present;
  if (first === undefined) return [required(path, 'must specify a volume type')];
  if (second !== undefined) return [forbidden(`${path}.${second}`, 'may not specify more than 1 volume type')];
  if (v.hostPath && !v.hostPath.path) return [required(`${path}.hostPath.path`)];
  if (v.secret && !v.secret.secretName) return [required(`${path}.secret.secretName`)];
  if (v.configMap && !v.configMap.name) return [required(`${path}.configMap.name`)];
  if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) return [required(`${path}.persistentVolumeClaim.claimName`)];
  return [];
}

/** ValidateVolumes: returns the errors and the names of the valid volumes (mounts may only use those). */
export function validateVolumes(volumes: readonly Volume[], path: string): { errors: FieldError[]; names: Set<string> } {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const idx = `${path}[${i}]`;
    const el = validateVolumeSource(v, idx);
    if (!v.name) el.push(required(`${idx}.name`));
    else el.push(...dnsLabel(v.name, `${idx}.name`));
    if (names.has(v.name)) el.push(duplicate(`${idx}.name`, v.name));
    if (el.length === 0) names.add(v.name);
    else errors.push(...el);
  });
  return { errors, names };
}

function validatePorts(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (c.ports ?? []).forEach((p, i) => {
    const idx = `${path}[${i}]`;
    if (p.name) {
      const msgs = isValidPortName(p.name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${idx}.name`, p.name ?? '', m)));
      else if (names.has(p.name)) errs.push(duplicate(`${idx}.name`, p.name));
      else names.add(p.name);
    }
    if (!p.containerPort) errs.push(required(`${idx}.containerPort`));
    else errs.push(...isValidPortNum(p.containerPort).map((m) => invalid(`${idx}.containerPort`, p.containerPort, m)));
    if (p.hostPort) errs.push(...isValidPortNum(p.hostPort).map((m) => invalid(`${idx}.hostPort`, p.hostPort ?? 0, m)));
    if (!p.protocol) errs.push(required(`${idx}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(`${idx}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

function validateEnv(env: readonly EnvVar[], path: string): FieldError[] {
  return env.flatMap((e, i) => {
    const idx = `${path}[${i}]`;
    const errs: FieldError[] = [];
    if (!e.name) errs.push(required(`${idx}.name`));
    errs.push(...isEnvVarName(e.name ?? '').map((m) => invalid(`${idx}.name`, e.name ?? '', m)));
    if (e.valueFrom && e.value) errs.push(invalid(`${idx}.valueFrom`, '', 'may not be specified when `value` is not empty'));
    return errs;
  });
}

function validateMounts(c: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const idx = `${path}[${i}]`;
    if (!m.name) errs.push(required(`${idx}.name`));
    if (!volumes.has(m.name)) errs.push(notFound(`${idx}.name`, m.name ?? ''));
    if (!m.mountPath) errs.push(required(`${idx}.mountPath`));
    if (mountPaths.has(m.mountPath)) errs.push(invalid(`${idx}.mountPath`, m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
  });
  return errs;
}

function validatePortRef(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return isValidPortNum(port ?? 0).map((m) => invalid(path, port ?? 0, m));
}

/** validateHandler for probe handlers and lifecycle hooks. */
function validateHandler(h: Probe | LifecycleHandler, path: string, allowSleep: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const kinds = (['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const).filter(
    (k) => hasObject(h, k) && (k !== 'sleep' || allowSleep) && (k !== 'grpc' || !allowSleep),
  );
  if (kinds.length === 0) return [required(path, 'must specify a handler type')];
  if (kinds.length > 1) errs.push(forbidden(`${path}.${kinds[1] ?? ''}`, 'may not specify more than 1 handler type'));
  if (h.exec && !(h.exec.command ?? []).length) errs.push(required(`${path}.exec.command`));
  if (h.httpGet) {
    if (!h.httpGet.path) errs.push(required(`${path}.httpGet.path`));
    errs.push(...validatePortRef(h.httpGet.port, `${path}.httpGet.port`));
    const scheme = h.httpGet.scheme ?? '';
    if (!['HTTP', 'HTTPS'].includes(scheme)) errs.push(notSupported(`${path}.httpGet.scheme`, scheme, ['HTTP', 'HTTPS']));
  }
  if (h.tcpSocket) errs.push(...validatePortRef(h.tcpSocket.port, `${path}.tcpSocket.port`));
  return errs;
}

function validateProbe(p: Probe | undefined, path: string, successMustBeOne: boolean): FieldError[] {
  if (!p) return [];
  const errs = validateHandler(p, path, false);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = p[k] ?? 0;
    if (v < 0) errs.push(invalid(`${path}.${k}`, v, 'must be greater than or equal to 0'));
  }
  if (successMustBeOne && p.successThreshold !== 1) errs.push(invalid(`${path}.successThreshold`, p.successThreshold ?? 0, 'must be 1'));
  return errs;
}

/** validateContainerCommon, the part shared by init and regular containers. */
function validateCommon(c: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...dnsLabel(c.name, `${path}.name`));
  if (!c.image) errs.push(required(`${path}.image`));
  const tmp = c.terminationMessagePolicy ?? '';
  if (tmp === '') errs.push(required(`${path}.terminationMessagePolicy`, "must be 'File' or 'FallbackToLogsOnError'"));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validatePorts(c, `${path}.ports`));
  errs.push(...validateEnv(c.env ?? [], `${path}.env`));
  errs.push(...validateMounts(c, volumes, `${path}.volumeMounts`));
  (c.volumeDevices ?? []).forEach((d, i) => {
    if (!volumes.has(d.name)) errs.push(notFound(`${path}.volumeDevices[${i}].name`, d.name));
  });
  const pull = c.imagePullPolicy ?? '';
  if (pull === '') errs.push(required(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) {
    errs.push(notSupported(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']));
  }
  return errs;
}

function validateHooksAndProbes(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = c.lifecycle?.[hook];
    if (h) errs.push(...validateHandler(h, `${path}.lifecycle.${hook}`, true));
  }
  errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
  errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
  errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
  return errs;
}

const INIT_ONLY = 'may not be set for init containers without restartPolicy=Always';

/** ValidatePodCreate of Kruise's fake pod, restricted to the rules listed in the header. */
export function validateFakePod(initContainers: readonly Container[], containers: readonly Container[], volumes: readonly Volume[]): FieldError[] {
  const vols = validateVolumes(volumes, 'spec.volumes');
  const errs = [...vols.errors];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    errs.push(...validateCommon(c, vols.names, path));
    if (names.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    else if (c.name) names.add(c.name);
    errs.push(...validateHooksAndProbes(c, path));
    if (c.restartPolicy !== undefined) errs.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
  });
  initContainers.forEach((c, i) => {
    const path = `spec.initContainers[${i}]`;
    errs.push(...validateCommon(c, vols.names, path));
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') {
      errs.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
    }
    if (names.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    else if (c.name) names.add(c.name);
    if (c.restartPolicy === 'Always') {
      errs.push(...validateHooksAndProbes(c, path));
      return;
    }
    if (c.lifecycle) errs.push(forbidden(`${path}.lifecycle`, INIT_ONLY));
    if (c.livenessProbe) errs.push(forbidden(`${path}.livenessProbe`, INIT_ONLY));
    if (c.readinessProbe) errs.push(forbidden(`${path}.readinessProbe`, INIT_ONLY));
    if (c.startupProbe) errs.push(forbidden(`${path}.startupProbe`, INIT_ONLY));
  });
  return errs;
}
