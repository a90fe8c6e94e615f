import { FAILURE_SCENARIOS } from './failures';
import { scaleObjects, writeScaleStatuses } from './scale';
import { createAll, type Scenario } from './scenario';
import { mosnSidecarSet, testAppDeployment } from './seed';

export { createAll, type Scenario, type ScenarioContext, type ScenarioOptions } from './scenario';

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
