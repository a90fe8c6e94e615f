import { describe, expect, it } from 'vitest';
import { expandReferences, resolveEnv } from './env';
import { makePod, versionEnv } from './test-helpers';

describe('resolveEnv (downward API at container start)', () => {
  it('reads annotations, names and IPs from the pod; missing annotations are empty', () => {
    const pod = makePod('web-1', [], { annotations: { 'version.sidecarset.kruise.io/mosn-1': '1500' } });
    const env = resolveEnv(
      {
        name: 'mosn-1',
        env: [
          ...versionEnv('mosn-1'),
          { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'POD_NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          { name: 'NODE_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
          { name: 'ADDR', value: '$(POD_IP):2045 $(UNDEFINED) $$(POD_IP)' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
        ],
      },
      pod,
      { podIP: '10.244.1.7', hostIP: '172.18.0.3' },
    );
    expect(env).toMatchObject({
      IS_INJECTED: 'true',
      SIDECARSET_VERSION: '1500',
      SIDECARSET_VERSION_ALT: '',
      POD_NAME: 'web-1',
      POD_NS: 'default',
      POD_IP: '10.244.1.7',
      NODE_IP: '172.18.0.3',
      ADDR: '10.244.1.7:2045 $(UNDEFINED) $(POD_IP)',
      HOSTNAME: 'web-1',
    });
    expect(env).not.toHaveProperty('FROM_SECRET');
  });

  it('expands only earlier variables', () => {
    expect(expandReferences('$(A)-$(B)', { A: 'x' })).toBe('x-$(B)');
  });
});
