import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

interface Rule { apiGroups?: string[]; resources?: string[]; verbs?: string[] }
interface Doc { kind?: string; metadata?: { name?: string; namespace?: string }; rules?: Rule[]; roleRef?: { name?: string }; subjects?: Array<{ kind: string; name: string; namespace?: string }> }

function render(): Doc[] {
  const out = execFileSync('kubectl', ['kustomize', 'deploy'], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => d.toJSON() as Doc);
}

function rulesOf(docs: Doc[], role: string): Array<[string, string, string]> {
  const r = docs.find((d) => d.kind === 'ClusterRole' && d.metadata?.name === role);
  if (!r) throw new Error(`no ClusterRole ${role}`);
  return (r.rules ?? []).flatMap((rule) => (rule.apiGroups ?? ['']).flatMap((g) => (rule.resources ?? []).flatMap((res) => (rule.verbs ?? []).map((v): [string, string, string] => [g, res, v]))));
}

describe('deploy/ (kubectl kustomize)', () => {
  const docs = render();

  it('renders the namespace, service account, deployment and service', () => {
    const kinds = docs.map((d) => `${d.kind}/${d.metadata?.name ?? ''}`);
    expect(kinds).toEqual(expect.arrayContaining([
      'Namespace/sidecarset-dashboard', 'ServiceAccount/sidecarset-dashboard', 'Deployment/sidecarset-dashboard', 'Service/sidecarset-dashboard',
    ]));
  });

  it('the viewer role only reads', () => {
    const verbs = new Set(rulesOf(docs, 'sidecarset-dashboard-viewer').map(([, , v]) => v));
    expect([...verbs].sort()).toEqual(['get', 'list', 'watch']);
  });

  it('the upgrader role may only patch sidecarsets', () => {
    expect(rulesOf(docs, 'sidecarset-dashboard-upgrader')).toEqual([['apps.kruise.io', 'sidecarsets', 'patch']]);
  });

  it('the operator role only records events and reads through the pod proxy', () => {
    expect(rulesOf(docs, 'sidecarset-dashboard-operator').sort()).toEqual([['', 'events', 'create'], ['', 'pods/proxy', 'get']]);
  });

  it('no role grants wildcards, secrets, or writes to pods', () => {
    for (const d of docs.filter((x) => x.kind === 'ClusterRole')) {
      for (const [g, res, v] of rulesOf(docs, d.metadata?.name ?? '')) {
        expect([g, res, v]).not.toContain('*');
        expect(res).not.toBe('secrets');
        if (res === 'pods') expect(['get', 'list', 'watch']).toContain(v);
      }
    }
  });

  it('binds every role to the dashboard service account only', () => {
    for (const b of docs.filter((d) => d.kind === 'ClusterRoleBinding')) {
      expect(b.subjects).toEqual([{ kind: 'ServiceAccount', name: 'sidecarset-dashboard', namespace: 'sidecarset-dashboard' }]);
    }
  });

  it('runs as non-root with probes and resource limits', () => {
    const dep = docs.find((d) => d.kind === 'Deployment') as unknown as {
      spec: { template: { spec: { securityContext: { runAsNonRoot: boolean }; containers: Array<{ readinessProbe?: unknown; livenessProbe?: unknown; resources?: { limits?: Record<string, string> } }> } } };
    };
    const pod = dep.spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    const c = pod.containers[0];
    expect(c?.readinessProbe).toBeDefined();
    expect(c?.livenessProbe).toBeDefined();
    expect(c?.resources?.limits?.memory).toBeDefined();
  });
});
