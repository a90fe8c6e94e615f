import { describe, expect, it } from 'vitest';
import { ApiError } from '../../apimachinery/errors';
import { negotiateOutput, toYaml } from './negotiate';

describe('negotiateOutput', () => {
  it('takes the first range it can encode', () => {
    expect(negotiateOutput(undefined)).toBe('json');
    expect(negotiateOutput('application/yaml')).toBe('yaml');
    expect(negotiateOutput('application/vnd.kubernetes.protobuf, application/yaml;q=0.9, application/json;q=0.5')).toBe('yaml');
    expect(negotiateOutput('application/json, application/yaml')).toBe('json');
    expect(negotiateOutput('*/*')).toBe('json');
  });

  it('is a 406 when nothing is acceptable', () => {
    try {
      negotiateOutput('text/html');
      throw new Error('expected a 406');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).toStatus()).toMatchObject({ code: 406, reason: 'NotAcceptable', message: 'only the following media types are accepted: application/json, application/yaml' });
    }
  });

  it('writes YAML as sigs.k8s.io/yaml does: sorted keys, unindented sequences', () => {
    expect(toYaml({ spec: { b: [{ y: 1, x: 'a' }], a: true }, kind: 'X' })).toBe('kind: X\nspec:\n  a: true\n  b:\n  - x: a\n    y: 1\n');
  });
});
