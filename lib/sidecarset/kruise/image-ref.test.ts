import { describe, expect, it } from 'vitest';
import { imageDigest, imageRefProblem, imageTag, kruiseDigestEqual, normalizeImage, parseImageRef, sameImage } from './image-ref';

const D = `sha256:${'a'.repeat(64)}`;

describe('image reference validation', () => {
  it.each([
    'nginx',
    'nginx:1.25',
    'library/nginx:latest',
    'openkruise/hotupgrade-sample:sidecarv2',
    'docker.io/openkruise/hotupgrade-sample:sidecarv2',
    'registry.example.com:5000/team/app_1/sub-path:v1.2.3-rc.1',
    'localhost/app',
    'localhost:5000/app:dev',
    '[::1]:5000/app:tag',
    `busybox@${D}`,
    `docker.io/library/busybox:1.36@${D}`,
    'a__b/c-d--e.f:TAG_1',
    'localhost:5000',
  ])('accepts %s', (ref) => {
    expect(imageRefProblem(ref)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['nginx:1.25 ', /whitespace/],
    ['Nginx', /lowercase/],
    ['myorg/MyApp:1', /lowercase/],
    ['nginx:', /invalid tag/],
    ['nginx:-bad', /invalid tag/],
    [`nginx:${'a'.repeat(129)}`, /invalid tag/],
    ['nginx@sha256:abc', /64 lowercase hex/],
    [`nginx@sha256:${'A'.repeat(64)}`, /64 lowercase hex/],
    [`nginx@md5:${'a'.repeat(32)}`, /unsupported digest algorithm/],
    ['nginx@@x', /at most one "@"/],
    ['a//b', /empty component/],
    ['a_-b', /invalid repository path component/],
    ['exa_mple.com/app', /invalid registry/],
    ['a'.repeat(64), /image ID/],
    [`${'a'.repeat(250)}/${'b'.repeat(10)}`, /255/],
  ])('rejects %j with a reason', (ref, reason) => {
    expect(imageRefProblem(ref)).toMatch(reason);
  });

  it('splits the parts', () => {
    expect(parseImageRef(`registry:5000/a/b:v1@${D}`)).toEqual({
      ok: true,
      ref: { domain: 'registry:5000', path: 'a/b', name: 'registry:5000/a/b', tag: 'v1', digest: D },
    });
  });
});

describe('tags, digests and normalisation', () => {
  it('reads the tag, with Docker’s implied latest', () => {
    expect(imageTag('openkruise/hotupgrade-sample:sidecarv2')).toBe('sidecarv2');
    expect(imageTag('localhost:5000/app')).toBe('latest');
    expect(imageTag(`busybox@${D}`)).toBeUndefined();
    expect(imageTag('Bad')).toBeUndefined();
    expect(imageDigest(`busybox@${D}`)).toBe(D);
  });

  it('normalises for spec vs status comparison', () => {
    expect(normalizeImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(normalizeImage('openkruise/hotupgrade-sample:empty')).toBe('docker.io/openkruise/hotupgrade-sample:empty');
    expect(normalizeImage('index.docker.io/library/nginx:1')).toBe('docker.io/library/nginx:1');
    expect(normalizeImage('quay.io/x/y:1')).toBe('quay.io/x/y:1');
    expect(normalizeImage(`docker-pullable://busybox@${D}`)).toBe(`docker.io/library/busybox@${D}`);
    expect(sameImage('openkruise/hotupgrade-sample:sidecarv1', 'docker.io/openkruise/hotupgrade-sample:sidecarv1')).toBe(true);
    expect(sameImage('nginx:1', 'nginx:2')).toBe(false);
  });

  it('compares digests the way Kruise does (repository as written)', () => {
    expect(kruiseDigestEqual(`docker.io/library/busybox@${D}`, `docker-pullable://docker.io/library/busybox@${D}`)).toBe(true);
    expect(kruiseDigestEqual(`busybox@${D}`, `docker.io/library/busybox@${D}`)).toBe(false);
  });
});
