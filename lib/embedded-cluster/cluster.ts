import { ApiServer } from './apiserver/server';
import { generateServingCerts } from './apiserver/tls';
import { RbacAuthorizer, TokenAuthenticator, type Identities } from './apiserver/auth';
import { nonResourceDocument } from './apiserver/discovery';
import { createTableRenderer } from './apiserver/tables';
import type { PodProxyTarget } from './apiserver/pod-proxy';
import { RealClock } from './clock';
import { InternalClient } from './internal-client/internal-client';
import { storeReader } from './internal-client/reader';
import { kubeconfigYaml, writeKubeconfig } from './kubeconfig';
import { Rest } from './registry/rest';
import type { Strategy, UserInfo } from './registry/strategy';
import { findResource } from './resources/definitions';
import { bindPod } from './resources/pod-binding';
import { Store } from './store/store';
import { buildStrategies } from './resources/strategies';
import { startComponents, type Components } from './components';
import { bootstrap, waitForReadyPods } from './bootstrap';
import { findScenario, SCENARIOS, type Scenario, type ScenarioContext, type ScenarioOptions } from './scenarios';

export interface ClusterOptions {
  port?: number;
  host?: string;
  /** Simulated time runs this many times faster than the wall clock. */
  speed?: number;
  tokens?: Partial<Identities>;
  /** Watch history length: smaller values make 410 Expired easier to provoke in tests. */
  historySize?: number;
  nodes?: number;
  /** Serve plain http instead of https (kubectl will then not send tokens; client-node still works). */
  insecureHttp?: boolean;
  /** A scenario name from scenarios/ (default `seed`; `empty` for a bare cluster). */
  scenario?: string;
  scenarioOptions?: ScenarioOptions;
}

export interface EmbeddedCluster {
  url: string;
  port: number;
  tokens: Identities;
  /** PEM of the CA that signed the serving certificate (undefined on plain http). */
  caCert: string | undefined;
  clock: RealClock;
  store: Store;
  rest: Rest;
  /** A privileged in-process client (what scenarios and tests use to set things up). */
  admin: InternalClient;
  components: Components;
  scenario: Scenario | undefined;
  /** Run the scenario's trigger (the action that shows its failure), if it has one. */
  trigger(): Promise<void>;
  /** Resolve once `count` pods are Running with every container ready (or reject after `timeoutMs`). */
  waitForReadyPods(count: number, timeoutMs?: number): Promise<void>;
  kubeconfig(current?: keyof Identities): string;
  writeKubeconfig(path: string): void;
  /** Stop the API server, the controllers and the kubelets, but keep the store (a restart resumes it). */
  stopServer(): Promise<void>;
  /** Serve again on the same port with the same state, as after an API server restart. */
  restartServer(): Promise<void>;
  stop(): Promise<void>;
}

const SYSTEM_ADMIN: UserInfo = { username: 'system:admin', groups: ['system:masters', 'system:authenticated'] };

/**
 * Assemble and start the embedded cluster: store, request pipeline, API server, controllers, kubelets.
 * Imports nothing from the dashboard.
 */
export async function startCluster(opts: ClusterOptions = {}): Promise<EmbeddedCluster> {
  const clock = new RealClock(opts.speed ?? 1);
  const store = new Store({ historySize: opts.historySize });
  const reader = storeReader(store);
  const strategies: Map<string, Strategy> = buildStrategies(clock);
  const rest = new Rest(store, strategies);
  const admin = new InternalClient(rest, reader, SYSTEM_ADMIN, () => clock.now());
  const authn = new TokenAuthenticator(opts.tokens);
  const components = startComponents({ store, rest, reader, clock, nodes: opts.nodes ?? 2 });
  const proxy: PodProxyTarget = components.proxy;
  const podsDef = findResource('', 'pods');
  if (!podsDef) throw new Error('pods not registered');

  bootstrap(admin);
  const scenarioName = opts.scenario ?? 'seed';
  const scenario = scenarioName === 'empty' ? undefined : findScenario(scenarioName);
  if (scenarioName !== 'empty' && !scenario) throw new Error(`unknown scenario "${scenarioName}" (known: empty, ${SCENARIOS.map((x) => x.name).join(', ')})`);
  const scenarioCtx: ScenarioContext = { rest, store, ctx: () => admin.context() };
  scenario?.setup(scenarioCtx, opts.scenarioOptions ?? {});

  const makeServer = (): ApiServer => new ApiServer({
    rest,
    reader,
    authn,
    authz: new RbacAuthorizer(),
    tables: createTableRenderer(() => clock.now()),
    documents: (path, accept) => nonResourceDocument(path, accept),
    proxy,
    logs: components.logs,
    now: () => clock.now(),
    tls: certs ? { key: certs.key, cert: certs.cert } : undefined,
    restart: (downMs, compact) => {
      void (async () => {
        await server.close();
        if (compact) store.compact();
        await new Promise((r) => setTimeout(r, downMs));
        server = makeServer();
        await server.listen(addr.port, host);
      })().catch((e: unknown) => console.error('[embedded] restart failed:', e));
    },
    subresourceHandlers: {
      'pods/binding': (r, body, ctx) => bindPod(rest, r.namespace, r.name ?? '', body, ctx),
    },
  });
  const host = opts.host ?? '127.0.0.1';
  const certs = opts.insecureHttp ? undefined : await generateServingCerts([host]);
  let server = makeServer();
  const addr = await server.listen(opts.port ?? 0, host);
  const url = `${certs ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;

  return {
    url,
    port: addr.port,
    tokens: authn.tokens,
    clock,
    store,
    rest,
    admin,
    components,
    scenario,
    trigger: async () => { await scenario?.trigger?.(scenarioCtx); },
    waitForReadyPods: (count, timeoutMs) => waitForReadyPods(store, count, timeoutMs),
    caCert: certs?.caCert,
    kubeconfig: (current) => kubeconfigYaml(url, authn.tokens, certs?.caCert, current),
    writeKubeconfig: (path) => writeKubeconfig(path, url, authn.tokens, certs?.caCert),
    stopServer: () => server.close(),
    async restartServer() {
      server = makeServer();
      await server.listen(addr.port, host);
    },
    async stop() {
      await server.close();
      components.stop();
      clock.stopAll();
    },
  };
}
