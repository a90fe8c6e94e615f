import { describe, expect, it } from 'vitest';
import { ApiError } from '../../apimachinery/errors';
import type { RequestContext } from '../../registry/strategy';
import { findResource } from '../../resources/definitions';
import { K8S_SCHEMAS } from '../openapi/generated/k8s-schemas';
import { schemaBodyDecoder, warningHeader } from './body-decoder';
import { SchemaDecoder, TypeMismatch } from './schema-decoder';

const POD = 'io.k8s.api.core.v1.Pod';
const decoder = new SchemaDecoder(K8S_SCHEMAS);

const pod = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } },
  spec: { containers: [{ name: 'c', image: 'nginx', ...container }], ...extra },
});

function mismatch(body: Record<string, unknown>): string {
  try {
    decoder.decode(POD, body);
  } catch (e) {
    if (e instanceof TypeMismatch) return e.message;
    throw e;
  }
  throw new Error('expected a TypeMismatch');
}

describe('SchemaDecoder (sigs.k8s.io/json into the Go types)', () => {
  it('refuses a value of the wrong JSON type with encoding/json\'s words', () => {
    // kube-apiserver v1.28 answers `containerPort: "eighty"` with exactly this (wrapped, see below).
    expect(mismatch(pod({ ports: [{ containerPort: 'eighty' }] })))
      .toBe('json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    expect(mismatch(pod({}, { terminationGracePeriodSeconds: true })))
      .toBe('json: cannot unmarshal bool into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64');
    expect(mismatch(pod({ ports: { containerPort: 80 } })))
      .toBe('json: cannot unmarshal object into Go struct field Container.spec.containers.ports of type []v1.ContainerPort');
    expect(mismatch({ ...pod({}), metadata: { name: 'p', labels: { a: 1 } } }))
      .toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    expect(mismatch(pod({ ports: [{ containerPort: 80.5 }] })))
      .toBe('json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
  });

  it('drops unknown fields and nulls, and names the unknown ones with indexes', () => {
    const out = decoder.decode(POD, { ...pod({ imagePullPolicyy: 'Always' }, { bogus: 1, nodeName: null }), extra: true });
    expect(out.unknownFields).toEqual(['spec.containers[0].imagePullPolicyy', 'spec.bogus', 'extra']);
    expect(out.value).toEqual(pod({}));
  });

  it('accepts int-or-string, quantities, times and open objects as Go does', () => {
    const out = decoder.decode(POD, pod({
      resources: { limits: { cpu: '500m', memory: 1024 } },
      readinessProbe: { httpGet: { port: 'http' } },
      livenessProbe: { tcpSocket: { port: 8080 } },
    }, {}));
    expect(out.unknownFields).toEqual([]);
    expect(decoder.decode(POD, { ...pod({}), metadata: { name: 'p', creationTimestamp: '2024-01-01T00:00:00Z', managedFields: [{ fieldsV1: { 'f:x': {} } }] } }).unknownFields).toEqual([]);
  });
});

describe('schemaBodyDecoder', () => {
  const def = findResource('', 'pods');
  if (!def) throw new Error('pods');
  const decode = schemaBodyDecoder();
  const ctx = (fieldValidation: RequestContext['fieldValidation']): RequestContext =>
    ({ user: { username: 'u', groups: [] }, nowMs: 0, read: { get: () => undefined, list: () => [] }, fieldValidation, warnings: [] });
  const fail = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      if (e instanceof ApiError) return `${e.code} ${e.message}`;
      throw e;
    }
    return 'no error';
  };

  it('wraps type errors as the create/update handlers do, and leaves patches bare', () => {
    const bad = pod({ ports: [{ containerPort: 'eighty' }] });
    expect(fail(() => decode(def, 'v1', bad, ctx('Warn'), 'create'))).toBe(
      '400 Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    expect(fail(() => decode(def, 'v1', bad, ctx('Ignore'), 'patch'))).toBe(
      '400 json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
  });

  it('Strict refuses unknown fields, Warn warns, Ignore drops silently', () => {
    const body = pod({ foo: 1 }, { bar: 2 });
    expect(fail(() => decode(def, 'v1', body, ctx('Strict'), 'create'))).toBe(
      '400 Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].foo", unknown field "spec.bar"');
    const warn = ctx('Warn');
    expect(decode(def, 'v1', body, warn, 'update')).toEqual(pod({}));
    expect(warn.warnings?.map(warningHeader)).toEqual(['299 - "unknown field \\"spec.containers[0].foo\\""', '299 - "unknown field \\"spec.bar\\""']);
    const ignore = ctx('Ignore');
    expect(decode(def, 'v1', body, ignore, 'create')).toEqual(pod({}));
    expect(ignore.warnings).toEqual([]);
  });

  it('leaves CRD kinds and the controllers\' own writes alone', () => {
    const ss = findResource('apps.kruise.io', 'sidecarsets');
    if (!ss) throw new Error('sidecarsets');
    const body = { apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 'x' }, spec: { whatever: 1 } };
    expect(decode(ss, 'v1beta1', body, ctx('Strict'), 'create')).toBe(body);
    const bad = pod({ ports: [{ containerPort: 'eighty' }] });
    expect(decode(def, 'v1', bad, ctx(undefined), 'create')).toBe(bad);
  });
});

describe('SchemaDecoder.decodeProperty (status writes)', () => {
  it('checks only the status and passes the rest through', () => {
    const body = { ...pod({ unknownInSpec: 1 }), status: { phase: 'Running', bogus: 1, containerStatuses: [{ name: 'c', restartCount: 'x' }] } };
    expect(() => decoder.decodeProperty(POD, 'status', body)).toThrow('json: cannot unmarshal string into Go struct field ContainerStatus.status.containerStatuses.restartCount of type int32');
    const ok = decoder.decodeProperty(POD, 'status', { ...body, status: { phase: 'Running', bogus: 1 } });
    expect(ok.unknownFields).toEqual(['status.bogus']);
    expect(ok.value).toEqual({ ...body, status: { phase: 'Running' } });
  });
});
