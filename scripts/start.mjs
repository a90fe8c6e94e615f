#!/usr/bin/env node
// `npm start -- [--kubeconfig FILE] [next start options]`: Next's CLI has no --kubeconfig, so this passes it
// on as DASHBOARD_KUBECONFIG (which wins over KUBECONFIG) and hands everything else to `next start`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const env = { ...process.env };
const rest = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--kubeconfig' || a.startsWith('--kubeconfig=')) {
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (!value || !existsSync(value)) {
      console.error(`--kubeconfig: no such file: ${value ?? '(missing)'}`);
      process.exit(2);
    }
    env.DASHBOARD_KUBECONFIG = resolve(value);
  } else {
    rest.push(a);
  }
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// A malformed kubeconfig fails here, with where it is broken, instead of as a 500 on every API route later.
const files = (env.DASHBOARD_KUBECONFIG || env.KUBECONFIG || '').split(':').filter(Boolean);
if (files.length) {
  const { tsImport } = await import('tsx/esm/api');
  const { kubeconfigProblem } = await tsImport('../lib/cluster/kubeconfig-check.ts', import.meta.url);
  for (const file of files) {
    let problem;
    try {
      problem = kubeconfigProblem(file, readFileSync(file, 'utf8'));
    } catch (e) {
      problem = `${file}: cannot read the kubeconfig: ${e.message}`;
    }
    if (problem) {
      console.error(`invalid kubeconfig: ${problem}`);
      process.exit(2);
    }
  }
}
const next = spawn(join(root, 'node_modules', '.bin', 'next'), ['start', ...rest], { stdio: 'inherit', env, cwd: root });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => next.kill(sig));
next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
