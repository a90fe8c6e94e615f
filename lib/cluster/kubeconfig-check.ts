/**
 * Is this text a usable kubeconfig? The one check `npm start` (scripts/start.mjs, before the server starts) and
 * the server (kubeconfig-file.ts) share; it needs only a YAML parser so that start-up stays quick.
 */
import { parseDocument } from 'yaml';

/** Why the text is not a usable kubeconfig, or undefined when it is one. */
export function kubeconfigProblem(path: string, text: string): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  const err = doc.errors[0];
  if (err) {
    const at = err.linePos?.[0];
    return `${path}:${at ? `${at.line}:${at.col}` : '?'}: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  const v = doc.toJS() as unknown;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `${path}: not a kubeconfig (expected a mapping with clusters, contexts and users)`;
  const o = v as Record<string, unknown>;
  for (const key of ['clusters', 'contexts', 'users']) {
    if (o[key] !== undefined && o[key] !== null && !Array.isArray(o[key])) return `${path}: "${key}" must be a list`;
  }
  if (!Array.isArray(o.contexts) || o.contexts.length === 0) return `${path}: no contexts: nothing to connect to`;
  const current = o['current-context'];
  const names = (o.contexts as Array<{ name?: unknown }>).map((c) => c?.name);
  if (typeof current === 'string' && current !== '' && !names.includes(current)) return `${path}: current-context "${current}" is not among its contexts (${names.join(', ')})`;
  return undefined;
}
