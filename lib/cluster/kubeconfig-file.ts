/**
 * Loading a kubeconfig file so that a broken one is refused at once with where it is broken (file:line:column),
 * not after start-up as a 500 on every route.
 */
import { readFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { kubeconfigProblem } from './kubeconfig-check';

export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

/** The kubeconfig in `path`, or a KubeconfigError that names the file and the place. */
export function loadKubeconfigFile(path: string): KubeConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KubeconfigError(`${path}: cannot read the kubeconfig: ${(e as Error).message}`);
  }
  const problem = kubeconfigProblem(path, text);
  if (problem) throw new KubeconfigError(problem);
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (e) {
    throw new KubeconfigError(`${path}: ${(e as Error).message}`);
  }
  return kc;
}
