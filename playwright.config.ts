import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from './e2e/support/ports';

/**
 * Two dashboards, both from `next start` of the same build:
 * - `embedded`: `npm start` with no cluster configured, so it starts the embedded cluster in-process (the README path);
 * - `kubeconfig`: pointed by DASHBOARD_KUBECONFIG at a separate `npm run cluster` process, as at a real cluster.
 * Ports are chosen here, in the main process, and exported so workers (which re-evaluate this file) agree.
 */
if (!process.env.E2E_PORTS) {
  process.env.E2E_PORTS = (await freePorts(3)).join(',');
  process.env.E2E_TMP = mkdtempSync(join(tmpdir(), 'sidecarset-e2e-'));
}
const [embeddedPort, kubeconfigPort, clusterPort] = (process.env.E2E_PORTS ?? '').split(',').map(Number) as [number, number, number];
export const E2E_KUBECONFIG = join(process.env.E2E_TMP ?? tmpdir(), 'cluster.kubeconfig');
process.env.E2E_KUBECONFIG = E2E_KUBECONFIG;
process.env.E2E_CLUSTER_PORT = String(clusterPort);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

const common = { NEXT_TELEMETRY_DISABLED: '1', DASHBOARD_IGNORE_HOME_KUBECONFIG: '1', KUBECONFIG: '' };

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'embedded', use: { ...chromium, baseURL: `http://127.0.0.1:${embeddedPort}` }, testMatch: /.*\.embedded\.spec\.ts/ },
    { name: 'kubeconfig', use: { ...chromium, baseURL: `http://127.0.0.1:${kubeconfigPort}` }, testMatch: /.*\.kubeconfig\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx lib/embedded-cluster/cli.ts --port ${clusterPort} --kubeconfig ${E2E_KUBECONFIG} --speed 20`,
      url: `https://127.0.0.1:${clusterPort}/healthz`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node_modules/.bin/next start -p ${embeddedPort} -H 127.0.0.1`,
      url: `http://127.0.0.1:${embeddedPort}/api/healthz`,
      env: { ...common, DASHBOARD_EMBEDDED_SPEED: '20' },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node_modules/.bin/next start -p ${kubeconfigPort} -H 127.0.0.1`,
      url: `http://127.0.0.1:${kubeconfigPort}/api/healthz`,
      env: { ...common, DASHBOARD_KUBECONFIG: E2E_KUBECONFIG },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
