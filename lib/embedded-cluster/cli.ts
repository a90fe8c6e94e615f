import { parseArgs } from 'node:util';
import { startCluster } from './cluster';
import { SCENARIOS } from './scenarios';

const USAGE = `Usage: npm run cluster -- [--port P] [--host H] [--kubeconfig FILE] [--scenario NAME] [--speed X] [--no-trigger]
  [--pods N --namespaces M --sidecarsets K --hot-pods H]   (scale scenario)

Scenarios: empty, ${SCENARIOS.map((s) => s.name).join(', ')}
${SCENARIOS.map((s) => `  ${s.name.padEnd(20)} ${s.description}`).join('\n')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '6443' },
      host: { type: 'string', default: '127.0.0.1' },
      kubeconfig: { type: 'string' },
      scenario: { type: 'string', default: 'seed' },
      speed: { type: 'string', default: '1' },
      'no-trigger': { type: 'boolean', default: false },
      pods: { type: 'string' },
      namespaces: { type: 'string' },
      sidecarsets: { type: 'string' },
      'hot-pods': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const speed = num(values.speed, 'speed') ?? 1;
  const cluster = await startCluster({
    port: num(values.port, 'port'),
    host: values.host,
    speed,
    scenario: values.scenario,
    scenarioOptions: {
      scale: {
        ...(values.pods ? { pods: num(values.pods, 'pods') } : {}),
        ...(values.namespaces ? { namespaces: num(values.namespaces, 'namespaces') } : {}),
        ...(values.sidecarsets ? { sidecarSets: num(values.sidecarsets, 'sidecarsets') } : {}),
        ...(values['hot-pods'] ? { hotPods: num(values['hot-pods'], 'hot-pods') } : {}),
      },
    },
  });
  if (values.kubeconfig) cluster.writeKubeconfig(values.kubeconfig);
  console.log(`embedded cluster ready at ${cluster.url} (scenario ${values.scenario}, speed ${speed}x)${values.kubeconfig ? `; kubeconfig ${values.kubeconfig} (contexts embedded-admin, embedded-viewer, embedded-upgrader, embedded-auditor)` : ''}`);
  if (cluster.scenario?.trigger && !values['no-trigger']) {
    const expected = cluster.scenario.expectedPods?.({}) ?? 0;
    void cluster.waitForReadyPods(expected, 300_000).then(() => cluster.trigger()).then(
      () => console.log(`scenario ${values.scenario}: triggered`),
      (e: unknown) => console.error(`scenario ${values.scenario}: trigger failed: ${(e as Error).message}`),
    );
  }
  const shutdown = (sig: string): void => {
    console.log(`received ${sig}, stopping`);
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  console.error(USAGE);
  process.exit(1);
});
