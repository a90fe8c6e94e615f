import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../apimachinery/errors';
import { decodeProtobuf, unknownFieldPaths } from './codec';
import { descriptor } from './messages';

const root = protobuf.Root.fromJSON(descriptor());

/** What client-go's protobuf serializer sends: `k8s\0` + runtime.Unknown{typeMeta, raw}. */
function envelope(apiVersion: string, kind: string, raw: Uint8Array): Buffer {
  const unknown = root.lookupType('Unknown');
  const body = unknown.encode(unknown.fromObject({ typeMeta: { apiVersion, kind }, raw })).finish();
  return Buffer.concat([Buffer.from('k8s\0', 'binary'), body]);
}

function encode(type: string, value: Record<string, unknown>): Uint8Array {
  const t = root.lookupType(type);
  return t.encode(t.fromObject(value)).finish();
}

describe('protobuf request bodies', () => {
  it('decodes a Deployment as kubectl create deployment sends it, zero values dropped as Go\'s JSON omits them', () => {
    const raw = encode('Deployment', {
      metadata: { name: 'd', generateName: '', labels: { app: 'd' }, creationTimestamp: {} },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'd' } },
        template: { metadata: { labels: { app: 'd' }, creationTimestamp: {} }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.20', ports: [{ containerPort: 80, hostPort: 0 }], resources: {}, tty: false }], hostNetwork: false, restartPolicy: '' } },
        strategy: { rollingUpdate: { maxSurge: { type: 1, strVal: '25%' }, maxUnavailable: { type: 0, intVal: 1 } } },
      },
      status: {},
    });
    expect(decodeProtobuf(envelope('apps/v1', 'Deployment', raw))).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'd', labels: { app: 'd' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'd' } },
        template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.20', ports: [{ containerPort: 80 }], resources: {} }] } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      },
      status: {},
    });
  });

  it('keeps Secret bytes as base64 and times as RFC 3339', () => {
    const raw = encode('Secret', { metadata: { name: 's', creationTimestamp: { seconds: 1700000000 } }, data: { p: Buffer.from('q') }, type: 'Opaque' });
    expect(decodeProtobuf(envelope('v1', 'Secret', raw))).toEqual({
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', creationTimestamp: '2023-11-14T22:13:20Z' }, data: { p: 'cQ==' }, type: 'Opaque',
    });
  });

  it('decodes a Lease as leader election writes it, MicroTime with microseconds', () => {
    const raw = encode('Lease', { metadata: { name: 'l' }, spec: { holderIdentity: 'me', leaseDurationSeconds: 15, renewTime: { seconds: 1700000000, nanos: 123456789 }, leaseTransitions: 0 } });
    expect(decodeProtobuf(envelope('coordination.k8s.io/v1', 'Lease', raw))).toEqual({
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l' },
      spec: { holderIdentity: 'me', leaseDurationSeconds: 15, renewTime: '2023-11-14T22:13:20.123456Z', leaseTransitions: 0 },
    });
  });

  it('refuses what it cannot decode faithfully, and what is not a protobuf envelope', () => {
    const code = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        if (e instanceof ApiError) return `${e.code} ${e.message}`;
        throw e;
      }
      return 'ok';
    };
    expect(code(() => decodeProtobuf(Buffer.from('{"kind":"Namespace"}')))).toMatch(/^400 provided object is not a valid Kubernetes protobuf message/);
    expect(code(() => decodeProtobuf(envelope('v1', 'Event', new Uint8Array())))).toMatch(/^415 the body of the request was in an unknown format/);
    // Field 99 of ObjectMeta is nothing this server knows: a 415, never a silently dropped field.
    const meta = Buffer.concat([Buffer.from(encode('ObjectMeta', { name: 'x' })), Buffer.from([0x9a, 0x06, 0x01, 0x41])]);
    const ns = Buffer.concat([Buffer.from([0x0a, meta.length]), meta]);
    expect(unknownFieldPaths(root.lookupType('Namespace'), ns)).toEqual(['ObjectMeta.99']);
    expect(code(() => decodeProtobuf(envelope('v1', 'Namespace', ns)))).toMatch(/^415 /);
  });
});
