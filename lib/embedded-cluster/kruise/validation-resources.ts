/**
 * resourcesPolicy validation (sidecarset_create_update_handler.go:557-676).
 */
import { invalid, required, type FieldError, type GoRendered } from './field-errors';
import { resourceExpressionError } from './resources-expr';
import type { ResourceExprValues, ResourcesPolicy, SidecarContainer } from './types';

const ptr = (v: unknown, type: string): string => (v === undefined ? `(*${type})(nil)` : `(*${type})(0xc000000000)`);

/** `%#v` of v1beta1.ResourcesPolicy (pointers cannot show their target). */
export function goSyntaxResourcesPolicy(p: ResourcesPolicy): GoRendered {
  const e = p.resourcesExpr ?? {};
  return {
    goText: `v1beta1.ResourcesPolicy{TargetContainersMode:${JSON.stringify(p.targetContainersMode ?? '')}, ` +
      `TargetContainersNameRegex:${JSON.stringify(p.targetContainersNameRegex ?? '')}, ResourcesExpr:v1beta1.ResourcesExpr{` +
      `Limits:${ptr(e.limits, 'v1beta1.ResourceExprLimits')}, Requests:${ptr(e.requests, 'v1beta1.ResourceExprRequests')}}}`,
  };
}

function validateExprValues(values: ResourceExprValues, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['cpu', 'memory'] as const) {
    const expr = values[key];
    if (!expr) continue;
    const err = resourceExpressionError(expr, key);
    if (err) errs.push(invalid(`${path}.${key}`, expr, `invalid expression: ${err}`));
  }
  return errs;
}

/** validateResourcesPolicy; `path` is Kruise's (e.g. `spec[0].resourcesPolicy`). */
export function validateResourcesPolicy(c: SidecarContainer, path: string): FieldError[] {
  const policy = c.resourcesPolicy;
  if (!policy) return [];
  const hasResources = Object.keys(c.resources?.limits ?? {}).length > 0 || Object.keys(c.resources?.requests ?? {}).length > 0;
  if (hasResources) return [invalid(path, goSyntaxResourcesPolicy(policy), 'resourcesPolicy and resources cannot be configured together')];
  const errs: FieldError[] = [];
  const regex = policy.targetContainersNameRegex ?? '';
  if (regex === '') {
    errs.push(required(`${path}.targetContainersNameRegex`, 'invalid empty regex'));
  } else {
    try {
      new RegExp(regex);
    } catch (e) {
      errs.push(invalid(`${path}.targetContainersNameRegex`, regex, `invalid regex pattern: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  const expr = policy.resourcesExpr ?? {};
  const exprPath = `${path}.resourcesExpr`;
  if (!expr.limits && !expr.requests) {
    const rendered: GoRendered = { goText: `v1beta1.ResourcesExpr{Limits:${ptr(expr.limits, 'v1beta1.ResourceExprLimits')}, Requests:${ptr(expr.requests, 'v1beta1.ResourceExprRequests')}}` };
    errs.push(invalid(exprPath, rendered, 'at least one of limits or requests must be configured'));
    return errs;
  }
  if (expr.limits) errs.push(...validateExprValues(expr.limits, `${exprPath}.limits`));
  if (expr.requests) errs.push(...validateExprValues(expr.requests, `${exprPath}.requests`));
  return errs;
}
