import { describe, expect, it } from 'vitest';
import {
  formatLabelSelector,
  isEmptyLabelSelector,
  labelKeyProblem,
  labelSelectorMatches,
  labelSelectorProblems,
} from './label-selector';

describe('labelSelectorMatches', () => {
  const labels = { app: 'hotupgrade', tier: 'web', 'example.com/zone': 'a' };

  it('ANDs matchLabels and every expression operator', () => {
    expect(labelSelectorMatches({ matchLabels: { app: 'hotupgrade' } }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { app: 'other' } }, labels)).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, labels)).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['x'] }] }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'example.com/zone', operator: 'Exists' }] }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(
      labelSelectorMatches(
        { matchLabels: { app: 'hotupgrade' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['api'] }] },
        labels,
      ),
    ).toBe(false);
  });

  it('treats {} as everything and an invalid selector as nothing (apimachinery)', () => {
    expect(labelSelectorMatches({}, labels)).toBe(true);
    expect(labelSelectorMatches({}, undefined)).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, labels)).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Gt', values: ['1'] }] }, labels)).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] }, labels)).toBe(false);
    expect(labelSelectorMatches({ matchLabels: { 'bad key!': 'x' } }, labels)).toBe(false);
  });

  it('does not match inherited properties', () => {
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'toString', operator: 'Exists' }] }, {})).toBe(false);
  });

  it('knows empty selectors', () => {
    expect(isEmptyLabelSelector(undefined)).toBe(true);
    expect(isEmptyLabelSelector({})).toBe(true);
    expect(isEmptyLabelSelector({ matchLabels: {} , matchExpressions: [] })).toBe(true);
    expect(isEmptyLabelSelector({ matchLabels: { a: 'b' } })).toBe(false);
  });
});

describe('validation', () => {
  it('checks qualified names and values', () => {
    expect(labelKeyProblem('app')).toBeUndefined();
    expect(labelKeyProblem('kubernetes.io/metadata.name')).toBeUndefined();
    expect(labelKeyProblem('/x')).toMatch(/prefix part must be non-empty/);
    expect(labelKeyProblem('a/b/c')).toMatch(/at most one/);
    expect(labelKeyProblem('-bad')).toMatch(/must start and end/);
    expect(labelSelectorProblems({ matchLabels: { a: 'x'.repeat(64) } })[0]).toMatch(/63/);
  });
});

describe('formatLabelSelector (kubectl)', () => {
  it('sorts by key and prints each operator like kubectl', () => {
    expect(
      formatLabelSelector({
        matchLabels: { a: 'b' },
        matchExpressions: [
          { key: 'c', operator: 'In', values: ['y', 'x'] },
          { key: 'e', operator: 'Exists' },
          { key: 'd', operator: 'NotIn', values: ['z'] },
          { key: 'b', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('a=b,!b,c in (x,y),d notin (z),e');
  });

  it('prints <none> for nil/empty and <error> for invalid', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe('<error>');
  });
});
