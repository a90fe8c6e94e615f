import { describe, expect, it } from 'vitest';
import { kubeconfigProblem } from './kubeconfig-check';

const good = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
`;

describe('kubeconfigProblem', () => {
  it('accepts a kubeconfig', () => {
    expect(kubeconfigProblem('k.yaml', good)).toBeUndefined();
  });

  it('names the file, line and column of a YAML syntax error', () => {
    const broken = 'apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: "https://x"\ncontexts: []\n';
    expect(kubeconfigProblem('/tmp/broken.yaml', broken)).toMatch(/^\/tmp\/broken\.yaml:5:1: Flow map in block collection/);
    expect(kubeconfigProblem('k.yaml', 'a: [1, 2\n')).toMatch(/^k\.yaml:\d+:\d+: /);
  });

  it('refuses YAML that is no kubeconfig, and one with nothing to connect to', () => {
    expect(kubeconfigProblem('k.yaml', '- a\n- b\n')).toBe('k.yaml: not a kubeconfig (expected a mapping with clusters, contexts and users)');
    expect(kubeconfigProblem('k.yaml', 'clusters: {}\ncontexts: []\n')).toBe('k.yaml: "clusters" must be a list');
    expect(kubeconfigProblem('k.yaml', 'apiVersion: v1\ncontexts: []\n')).toBe('k.yaml: no contexts: nothing to connect to');
    expect(kubeconfigProblem('k.yaml', good.replace('current-context: x', 'current-context: y'))).toBe('k.yaml: current-context "y" is not among its contexts (x)');
  });
});
