import type { Rest } from '../registry/rest';
import type { RequestContext } from '../registry/strategy';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';
import { createObject } from './apply';
import type { ScaleOptions } from './scale';

// The shared vocabulary of every scenario module. It lives apart from index.ts (the catalogue) so that scenario
// modules never import the catalogue that imports them.

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
