/** The name checks on URL segments and stream topics, with the statuses the README documents. */
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.testkit';
import { parseName, parsePodRef, parseTopics } from './params';

describe('names from URLs', () => {
  it('accepts DNS-1123 SidecarSet names and refuses the rest with 400 InvalidName', async () => {
    expect(parseName('mosn-2')).toBe('mosn-2');
    for (const bad of ['Mosn', '-mosn', 'mosn-', 'mo.sn', 'a'.repeat(64), '', '../pods']) {
      expect(await outcome(() => parseName(bad)), bad).toEqual({ status: 400, reason: 'InvalidName' });
    }
  });

  it('accepts a namespace label and a pod subdomain name, nothing else', async () => {
    expect(parsePodRef('default', 'test-app-5d7f.abc')).toEqual({ namespace: 'default', name: 'test-app-5d7f.abc' });
    for (const [ns, name] of [['Default', 'p'], ['a.b', 'p'], ['default', 'P'], ['default', 'p/../x'], ['default', 'x'.repeat(254)]] as const) {
      expect(await outcome(() => parsePodRef(ns, name)), `${ns}/${name}`).toEqual({ status: 400, reason: 'InvalidName' });
    }
  });
});

describe('stream topics', () => {
  it('takes the documented topics and refuses anything else with a ZodError (400)', () => {
    expect(parseTopics(null)).toEqual(['sidecarsets']);
    expect(parseTopics('sidecarsets,status,sidecarset/mosn,timeline/mosn,pod/default/test-app-1.a')).toHaveLength(5);
    for (const bad of ['sidecarset/Mosn', 'pod/default', 'pod/a.b/p', 'timeline/mosn/x', 'secrets', 'sidecarsets/x']) {
      expect(() => parseTopics(bad), bad).toThrow();
    }
    expect(() => parseTopics(Array.from({ length: 21 }, () => 'status').join(','))).toThrow();
  });
});
