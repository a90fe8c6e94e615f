#!/usr/bin/env node
// `npm start -- [--kubeconfig FILE] [next start options]`: Next's CLI has no --kubeconfig, so this passes it
// on as DASHBOARD_KUBECONFIG (which wins over KUBECONFIG) and hands everything else to `next start`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const next = spawn(join(root, 'node_modules', '.bin', 'next'), ['start', ...rest], { stdio: 'inherit', env, cwd: root });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => next.kill(sig));
next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
