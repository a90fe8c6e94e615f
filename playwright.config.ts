import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from './e2e/support/ports';

/**
 * Several dashboards, all `next start` of the same build, each a Playwright project matching `*.<name>.spec.ts`:
 * - `embedded`: no cluster configured, so it starts the embedded cluster in-process (the README path);
 * - `poststar`: the same, on the `poststar-typo` scenario (a lossy hot upgrade);
 * - `kubeconfig`: pointed by DASHBOARD_KUBECONFIG at a separate `npm run cluster` process, as at a real cluster;
 * - `readonly`, `token`, `passthrough`: the same cluster, in each access mode of issue 5.
 * Ports are chosen here, in the main process, and exported so workers (which re-evaluate this file) agree.
 */
const common = { NEXT_TELEMETRY_DISABLED: '1', DASHBOARD_IGNORE_HOME_KUBECONFIG: '1', KUBECONFIG: '' };
export const E2E_ACCESS_TOKEN = 'e2e-access-token-0123456789';

if (!process.env.E2E_PORTS) {
  process.env.E2E_PORTS = (await freePorts(7)).join(',');
  process.env.E2E_TMP = mkdtempSync(join(tmpdir(), 'sidecarset-e2e-'));
}
const ports = (process.env.E2E_PORTS ?? '').split(',').map(Number);
const clusterPort = ports[0] as number;
export const E2E_KUBECONFIG = join(process.env.E2E_TMP ?? tmpdir(), 'cluster.kubeconfig');
process.env.E2E_KUBECONFIG = E2E_KUBECONFIG;
process.env.E2E_CLUSTER_PORT = String(clusterPort);
process.env.E2E_ACCESS_TOKEN = E2E_ACCESS_TOKEN;

const external = { DASHBOARD_KUBECONFIG: E2E_KUBECONFIG };
const dashboards: Array<{ name: string; env: Record<string, string> }> = [
  { name: 'embedded', env: { DASHBOARD_EMBEDDED_SPEED: '20' } },
  { name: 'poststar', env: { DASHBOARD_EMBEDDED_SPEED: '20', DASHBOARD_EMBEDDED_SCENARIO: 'poststar-typo' } },
  // The api, canary, fuzz and timeline-gap specs share this dashboard and change mosn a few dozen times within
  // a minute; a person's budget (burst 10) is unit-tested in lib/server/access/rate-limit.test.ts.
  { name: 'kubeconfig', env: { ...external, DASHBOARD_MUTATION_BURST: '60' } },
  { name: 'readonly', env: { ...external, DASHBOARD_READ_ONLY: '1' } },
  { name: 'token', env: { ...external, DASHBOARD_ACCESS_TOKEN: E2E_ACCESS_TOKEN } },
  { name: 'passthrough', env: { ...external, DASHBOARD_AUTH_MODE: 'token-passthrough' } },
];

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: dashboards.map((d, i) => ({
    name: d.name,
    use: { ...chromium, baseURL: `http://127.0.0.1:${ports[i + 1] ?? 0}` },
    testMatch: new RegExp(`.*\\.${d.name}\\.spec\\.ts`),
  })),
  webServer: [
    {
      command: `node_modules/.bin/tsx lib/embedded-cluster/cli.ts --port ${clusterPort} --kubeconfig ${E2E_KUBECONFIG} --speed 20`,
      url: `https://127.0.0.1:${clusterPort}/healthz`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...dashboards.map((d, i) => ({
      command: `node_modules/.bin/next start -p ${ports[i + 1] ?? 0} -H 127.0.0.1`,
      url: `http://127.0.0.1:${ports[i + 1] ?? 0}/api/healthz`,
      env: { ...common, ...d.env },
      reuseExistingServer: false,
      timeout: 60_000,
    })),
  ],
});
