import { describe, expect, it } from 'vitest';
import { defaultSidecarSet } from './defaults';
import { goMarshal } from './go-json';
import {
  controllerRevisionData,
  controllerRevisionHash,
  controllerRevisionName,
  fnv32,
  safeEncodeString,
  sidecarSetHash,
  sidecarSetHashWithoutImage,
} from './hash';
import { sampleSidecarSets } from './testdata/fixtures';
import { SIDECARSET_HASH_ANNOTATION, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION, type SidecarContainer } from './types';

// The JSON and the three hashes printed in spec §1.6.
const SPEC_JSON =
  '{"containers":[{"name":"sidecar","image":"openkruise/hotupgrade-sample:sidecarv1","resources":{},"lifecycle":{"postStart":{"exec":{"command":["/bin/sh","/migrate.sh"]}}},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"Always","podInjectPolicy":"BeforeAppContainer","upgradeStrategy":{"upgradeType":"HotUpgrade","hotUpgradeEmptyImage":"openkruise/hotupgrade-sample:empty"},"shareVolumePolicy":{"type":"disabled"}}]}';
const HASH_V1 = '8z89b4xb4xxbx2bz4xf99c25v4z4fzv296wd245vwc9z2vf4wz4c747c654z825b';
const HASH_V2 = 'wxv4247c7df4v4xvc4b85z5df8z4v58d4dx76z2x4d8c5842vzv7b48c82x6xvvf';
const HASH_NO_IMAGE = 'xw4c5bc2cvw74vz4wfc8c9dz96c698c824vz4444w4cf277vz5f77dz4b5d52849';

const sampleContainers = (): SidecarContainer[] => sampleSidecarSets().stored.spec.containers ?? [];

describe('SidecarSet hashes (spec §1.6)', () => {
  it('encodes the sample container exactly like Go', () => {
    expect(`{"containers":${goMarshal(sampleContainers(), '[]SidecarContainer')}}`).toBe(SPEC_JSON);
  });

  it('reproduces the three example hashes', () => {
    const containers = sampleContainers();
    expect(sidecarSetHash({ containers })).toBe(HASH_V1);
    const v2 = containers.map((c) => ({ ...c, image: 'openkruise/hotupgrade-sample:sidecarv2' }));
    expect(sidecarSetHash({ containers: v2 })).toBe(HASH_V2);
    expect(sidecarSetHashWithoutImage({ containers })).toBe(HASH_NO_IMAGE);
    expect(sidecarSetHashWithoutImage({ containers: v2 })).toBe(HASH_NO_IMAGE);
  });

  it('matches the stored sample annotations after defaulting an undefaulted spec', () => {
    const { stored } = sampleSidecarSets();
    const bare = structuredClone(stored);
    bare.metadata.annotations = {};
    bare.spec.containers = [{
      name: 'sidecar',
      image: 'openkruise/hotupgrade-sample:sidecarv1',
      imagePullPolicy: 'Always',
      lifecycle: { postStart: { exec: { command: ['/bin/sh', '/migrate.sh'] } } },
      upgradeStrategy: { upgradeType: 'HotUpgrade', hotUpgradeEmptyImage: 'openkruise/hotupgrade-sample:empty' },
    }];
    const out = defaultSidecarSet(bare);
    expect(out.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION]).toBe(stored.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION]);
    expect(out.metadata.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]).toBe(HASH_NO_IMAGE);
  });

  it('includes init containers only when one of them is a native sidecar', () => {
    const containers = sampleContainers();
    const plainInit: SidecarContainer = { name: 'init', image: 'busybox' };
    expect(sidecarSetHash({ containers, initContainers: [plainInit] })).toBe(HASH_V1);
    expect(sidecarSetHash({ containers, initContainers: [{ ...plainInit, restartPolicy: 'Always' }] })).not.toBe(HASH_V1);
  });

  it('uses only the SafeEncode alphabet and 64 characters', () => {
    expect(HASH_V1).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{64}$/);
    // Each character maps to alphabet[charCode % 27]: hex digits land on 4-9, b, c, d, f, v, w, x, z, 2.
    expect(safeEncodeString('0123456789abcdef')).toBe('456789bcdfvwxz24');
  });
});

describe('ControllerRevision name hash (spec §1.7)', () => {
  it('is FNV-1 32', () => {
    expect(fnv32('')).toBe(0x811c9dc5);
    expect(fnv32('a')).toBe(0x050c5d7e);
    expect(fnv32('foobar')).toBe(0x31f0b262);
  });

  it('records the five spec fields with sorted keys and nulls', () => {
    const data = controllerRevisionData(sampleSidecarSets().stored.spec);
    expect(data.startsWith('{"spec":{"$patch":"replace","containers":[{"image":"openkruise/hotupgrade-sample:sidecarv1",')).toBe(true);
    expect(data).toContain('"imagePullSecrets":null,"initContainers":null,"patchPodMetadata":null,"volumes":null}}');
  });

  it('gives at most 10 safe characters, changes with the collision count', () => {
    const data = controllerRevisionData(sampleSidecarSets().stored.spec);
    const h0 = controllerRevisionHash(data, 0);
    expect(h0).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(controllerRevisionHash(data, 1)).not.toBe(h0);
    expect(controllerRevisionName('hotupgrade-sidecarset', h0)).toBe(`hotupgrade-sidecarset-${h0}`);
  });
});
