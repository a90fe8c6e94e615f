import { describe, expect, it } from 'vitest';
import { isApiError } from './errors';
import { parseLabelSelector } from './selectors';

function parseError(s: string): string {
  try {
    parseLabelSelector(s);
  } catch (e) {
    if (isApiError(e)) {
      expect(e.code).toBe(400);
      expect(e.reason).toBe('BadRequest');
      return e.message;
    }
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(s)} to be rejected`);
}

const labels = { app: 'web', tier: 'front', n: '5', empty: '' };

describe('parseLabelSelector matching', () => {
  const cases: Array<[string, boolean]> = [
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (web,db)', true],
    ['app in (db)', false],
    ['missing in (x)', false],
    ['app notin (db)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['empty=', true],
    ['empty in ()', true],
    ['empty', true],
    ['n>4', true],
    ['n>5', false],
    ['n<6', true],
    ['app>1', false],
    ['missing<1', false],
    ['n>0', true],
  ];
  for (const [sel, want] of cases) {
    it(`${JSON.stringify(sel)} → ${want}`, () => {
      expect(parseLabelSelector(sel).matches(labels)).toBe(want);
    });
  }

  it('treats undefined labels as none', () => {
    expect(parseLabelSelector('!a').matches(undefined)).toBe(true);
    expect(parseLabelSelector('a').matches(undefined)).toBe(false);
    expect(parseLabelSelector('a!=b').matches(undefined)).toBe(true);
  });

  it('does not see inherited properties as labels', () => {
    expect(parseLabelSelector('constructor').matches({})).toBe(false);
    expect(parseLabelSelector('!toString').matches({})).toBe(true);
  });

  it('reports emptiness and sorted requirements', () => {
    expect(parseLabelSelector('').empty).toBe(true);
    const q = parseLabelSelector('z=1, a in (y,x,x), !m');
    expect(q.empty).toBe(false);
    expect(q.requirements).toEqual([
      { key: 'a', operator: 'in', values: ['x', 'y'] },
      { key: 'm', operator: '!', values: [] },
      { key: 'z', operator: '=', values: ['1'] },
    ]);
  });
});

describe('parseLabelSelector whitespace', () => {
  it.each([
    ' app = web ',
    '\tapp\t==\tweb\t',
    'app=web ,tier=front',
    'app=web,\n tier=front',
    'app  in  ( web , db )',
    ' ! missing , app ',
    'app\r\nin\r\n(web)',
  ])('accepts %j', (sel) => {
    expect(parseLabelSelector(sel).matches(labels)).toBe(true);
  });

  it('keeps keywords usable as values and keys', () => {
    expect(parseLabelSelector('in in (notin)').matches({ in: 'notin' })).toBe(true);
    expect(parseLabelSelector('a=in').matches({ a: 'in' })).toBe(true);
  });

  it('reads empty members of a set as the empty string', () => {
    expect(parseLabelSelector('a in (x,,y)').requirements[0]?.values).toEqual(['', 'x', 'y']);
    expect(parseLabelSelector('a in (,x)').requirements[0]?.values).toEqual(['', 'x']);
    expect(parseLabelSelector('a in (x,)').requirements[0]?.values).toEqual(['', 'x']);
    expect(parseLabelSelector('a in (,)').requirements[0]?.values).toEqual(['']);
  });
});

describe('parseLabelSelector errors (texts checked against kubectl 1.32)', () => {
  it.each([
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a in (x y)', "unable to parse requirement: found 'y', expected: ',' or ')'"],
    ['a=b,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a>x', `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a<', `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a ! b', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
    ['a notin x', "unable to parse requirement: found 'x' expected: '('"],
    ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (x,,)', "unable to parse requirement: found ')', expected: ',', or identifier"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['a=b)', "found ')', expected: ',' or 'end of string'"],
  ])('%j', (sel, message) => {
    expect(parseError(sel)).toBe(message);
  });

  it('validates label values', () => {
    expect(parseError('a=b@')).toBe(
      'unable to parse requirement: values[0][a]: Invalid value: "b@": a valid label must be an empty string or consist of ' +
        "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or " +
        "'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
    // A negative bound is not a valid label value, so `a>-1` cannot be written.
    expect(parseError('a>-1')).toMatch(/^unable to parse requirement: values\[0\]\[a\]: Invalid value: "-1": a valid label must/);
    expect(parseError(`a=${'b'.repeat(64)}`)).toMatch(/^unable to parse requirement: values\[0\]\[a\]: Invalid value: "b+": must be no more than 63 characters$/);
  });

  it('validates label keys', () => {
    expect(parseError('a/b/c')).toBe(
      'unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, ' +
        "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', " +
        "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' " +
        "(e.g. 'example.com/MyName')",
    );
    expect(parseError('-a=b')).toMatch(/^unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of/);
    expect(parseError('/a')).toBe('unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty');
    expect(parseError('Example.com/a')).toMatch(/prefix part a lowercase RFC 1123 subdomain must consist of/);
    expect(parseError('a/')).toMatch(/: name part must be non-empty; name part must consist of/);
    expect(parseLabelSelector('apps.kruise.io/name=x').matches({ 'apps.kruise.io/name': 'x' })).toBe(true);
  });
});
