import { describe, expect, it } from 'vitest';
import { describeImage, IMAGE_RULES, type ImageInfo } from './image-catalogue';
import { parseImageReference } from './image-ref';

const info = (ref: string): ImageInfo => {
  const i = describeImage(ref);
  if ('error' in i) throw new Error(i.error);
  return i;
};

describe('image references', () => {
  it('normalizes like containerd', () => {
    expect(parseImageReference('nginx:1.20')).toMatchObject({ normalized: 'docker.io/library/nginx:1.20', repository: 'docker.io/library/nginx' });
    expect(parseImageReference('tinyqian/mosn:v2')).toMatchObject({ normalized: 'docker.io/tinyqian/mosn:v2' });
    expect(parseImageReference('nginx')).toMatchObject({ normalized: 'docker.io/library/nginx:latest', tag: 'latest' });
    expect(parseImageReference('localhost:5000/a/b:1')).toMatchObject({ domain: 'localhost:5000', normalized: 'localhost:5000/a/b:1' });
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseImageReference(`nginx@${digest}`)).toMatchObject({ normalized: `docker.io/library/nginx@${digest}`, digest });
    expect(parseImageReference('Nginx:1')).toHaveProperty('error');
    expect(parseImageReference('nginx:')).toHaveProperty('error');
  });

  it('gives every image a stable fake digest derived from its name', () => {
    expect(info('tinyqian/mosn:v2').imageID).toMatch(/^docker\.io\/tinyqian\/mosn@sha256:[0-9a-f]{64}$/);
    expect(info('tinyqian/mosn:v2').imageID).toBe(info('docker.io/tinyqian/mosn:v2').imageID);
    expect(info('tinyqian/mosn:v2').imageID).not.toBe(info('tinyqian/mosn:v3').imageID);
    expect(info('tinyqian/mosn:v2').pullMs).toBe(info('tinyqian/mosn:v2').pullMs);
    expect(info('tinyqian/mosn:v2').pullMs).toBeGreaterThanOrEqual(1_000);
    expect(info('tinyqian/mosn:v2').pullMs).toBeLessThan(2_000);
  });
});

describe('image catalogue rules', () => {
  it.each([
    ['openkruise/hotupgrade-sample:empty', 'empty'],
    ['tinyqian/mosn:empty', 'empty'],
    ['tinyqian/mosn:v1', 'mosn'],
    ['registry.example.com/mesh/mosn-proxy:1.0', 'mosn'],
    ['openkruise/hotupgrade-sample:sidecarv2', 'sample-sidecar'],
    ['openkruise/hotupgrade-sample:busybox', 'idle'],
    ['nginx:1.20', 'nginx'],
    ['busybox:1.36', 'idle'],
  ])('%s runs the %s model', (ref, model) => {
    expect(info(ref).model).toBe(model);
  });

  it('knows the failure and modifier rules', () => {
    expect(info('tinyqian/mosn:v3-notfound').pullError?.message).toMatch(/: not found$/);
    expect(info('example/notfound-app:1').pullError?.message).toMatch(/: not found$/);
    expect(info('invalid.example/mosn:v2').pullError?.message).toMatch(/no such host$/);
    expect(info('tinyqian/mosn:v2-devshm')).toMatchObject({ model: 'mosn', devShmSupervisor: true, version: 'v2-devshm' });
    expect(info('tinyqian/mosn:v2').devShmSupervisor).toBe(false);
    expect(info('nginx:crash').crashAfterMs).toBe(1_000);
    expect(info('busybox:slowstop').ignoresSigterm).toBe(true);
    expect(info('openkruise/hotupgrade-sample:sidecarv1')).toMatchObject({ version: 'v1', files: ['/migrate.sh'] });
    expect(IMAGE_RULES).toContain('-devshm');
  });
});
