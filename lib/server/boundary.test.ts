/**
 * The auth boundary, checked on the source: no page, layout or route reaches cluster data except through the
 * caller-aware entry (lib/server/entry.ts, exported by lib/server/index.ts). eslint's no-restricted-imports says
 * the same while editing; this test also covers what lint cannot see (what the entry itself may import), and
 * fails with the file that broke the rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRead } from './entry';

const root = join(__dirname, '..', '..');

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports at run time (type-only imports carry no data and are left out). */
function valueImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
    if (!m[2]) out.push(m[3] ?? '');
  }
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) out.push(m[1] ?? '');
  return out;
}

describe('the auth boundary', () => {
  it('app/ reaches the server side only through lib/server (the entry), never lib/cluster or the simulator', () => {
    const wrong: string[] = [];
    for (const f of files('app')) {
      for (const spec of valueImports(f)) {
        if (/^@\/lib\/(server\/|cluster|embedded-cluster|dashboard)/.test(spec)) wrong.push(`${f} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('components/ and the browser room never import the server side or cluster access', () => {
    const wrong: string[] = [];
    for (const f of [...files('components'), ...files('lib/browser')]) {
      for (const spec of valueImports(f)) {
        if (/^@\/lib\/(server|cluster|embedded-cluster)(\/|$)/.test(spec) || spec === 'server-only') wrong.push(`${f} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('only the entry (and sign-in, which reads no objects) may get a dashboard; everything else is handed one', () => {
    const users = files('lib/server').filter((f) => readFileSync(join(root, f), 'utf8').match(/\bgetDashboard\b/) && !f.endsWith('live/dashboard.ts'));
    expect(users.map((f) => relative('lib/server', f)).sort()).toEqual(['entry.ts', 'session.ts']);
  });

  it('every page and data route of app/ starts from a Reader, a Changer or a session function of the entry', () => {
    const ENTRY = /\b(readerOf|changeOf|sidecarSetRead|sidecarSetChange|sidecarSetsSnapshot|sidecarSetSnapshot|clusterSnapshot|clusterOverview|sessionState|signIn|signOut|retryConnect|switchContext)\b/;
    const unchecked = files('app')
      .filter((f) => /(page|layout|route)\.tsx?$/.test(f))
      .filter((f) => valueImports(f).includes('@/lib/server'))
      .filter((f) => !ENTRY.test(readFileSync(join(root, f), 'utf8')) && !f.includes('[...path]'));
    expect(unchecked).toEqual([]);
  });

  it('refuses an anonymous caller in token pass-through mode before any cluster is touched', async () => {
    const before = process.env.DASHBOARD_AUTH_MODE;
    process.env.DASHBOARD_AUTH_MODE = 'token-passthrough';
    try {
      await expect(openRead({ hasAccessToken: false, key: 'anonymous' })).rejects.toMatchObject({ status: 401, reason: 'Unauthorized' });
    } finally {
      if (before === undefined) delete process.env.DASHBOARD_AUTH_MODE;
      else process.env.DASHBOARD_AUTH_MODE = before;
    }
  });
});
