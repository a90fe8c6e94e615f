import type { Rest } from '../registry/rest';
import type { RequestContext } from '../registry/strategy';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';
import { createObject } from './apply';
import { FAILURE_SCENARIOS } from './failures';
import { scaleObjects, type ScaleOptions, writeScaleStatuses } from './scale';
import { mosnSidecarSet, testAppDeployment } from './seed';

export interface ScenarioContext {
  rest: Rest;
  store: Store;
  ctx: () => RequestContext;
}

export interface Scenario {
  name: string;
  description: string;
  setup(c: ScenarioContext, opts: ScenarioOptions): void;
  /** The action that shows the failure (usually an upgrade); the CLI runs it once the pods are up. */
  trigger?(c: ScenarioContext): void | Promise<void>;
  /** Pods expected Running before the trigger. */
  expectedPods?(opts: ScenarioOptions): number;
}

export interface ScenarioOptions {
  scale?: Partial<ScaleOptions>;
}

export function createAll(c: ScenarioContext, objects: KubeObject[]): void {
  for (const o of objects) createObject(c.rest, c.ctx(), o);
}

export const SEED: Scenario = {
  name: 'seed',
  description: "The seed article: SidecarSet mosn (HotUpgrade) and Deployment test-app (nginx:1.20, 3 replicas) in default.",
  setup: (c) => createAll(c, [mosnSidecarSet(), testAppDeployment()]),
  expectedPods: () => 3,
};

export const SCALE: Scenario = {
  name: 'scale',
  description: 'N pods across M namespaces and K SidecarSets (defaults 10000/20/100; one SidecarSet selects 2000 pods).',
  setup(c, opts) {
    createAll(c, scaleObjects(opts.scale));
    writeScaleStatuses(c, opts.scale);
  },
};

export const SCENARIOS: Scenario[] = [SEED, ...FAILURE_SCENARIOS, SCALE];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
