/**
 * The access modes of the README's table: what the environment turns on, and which caller each mode lets change
 * (or read) things. callerOf reads Next's request cookies and is covered by the e2e tests.
 */
import { describe, expect, it } from 'vitest';
import { accessConfig, assertMayMutate, assertMayRead, type AccessConfig } from './modes';
import type { Caller } from './caller';
import { DashboardError } from '../http/dashboard-error';

/** Next's types make NODE_ENV required in every environment. */
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...vars });

const anonymous: Caller = { hasAccessToken: false, key: 'local|-' };
const withAccessToken: Caller = { hasAccessToken: true, key: 'local|token' };
const signedIn: Caller = { hasAccessToken: false, userToken: 'a-kubernetes-token', key: 'local|rnetes-token' };

function refusal(fn: () => void): { status: number; reason: string } | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (!(e instanceof DashboardError)) throw e;
    return { status: e.status, reason: e.reason };
  }
}

describe('accessConfig', () => {
  it('defaults to the service account, writable, no token, no proxy user', () => {
    expect(accessConfig(env())).toEqual({ readOnly: false, mode: 'service-account', accessToken: undefined, trustProxyUser: false });
  });

  it('reads every switch, and only its documented values', () => {
    expect(accessConfig(env({ DASHBOARD_READ_ONLY: '1', DASHBOARD_AUTH_MODE: 'token-passthrough', DASHBOARD_TRUST_PROXY_USER: '1' })))
      .toEqual({ readOnly: true, mode: 'token-passthrough', accessToken: undefined, trustProxyUser: true });
    expect(accessConfig(env({ DASHBOARD_READ_ONLY: 'true' })).readOnly).toBe(true);
    expect(accessConfig(env({ DASHBOARD_READ_ONLY: '0' })).readOnly).toBe(false);
    expect(accessConfig(env({ DASHBOARD_AUTH_MODE: 'oidc' })).mode).toBe('service-account');
    expect(accessConfig(env({ DASHBOARD_TRUST_PROXY_USER: 'yes' })).trustProxyUser).toBe(false);
    // An empty token is no token: it must not make every request "authorised".
    expect(accessConfig(env({ DASHBOARD_ACCESS_TOKEN: '' })).accessToken).toBeUndefined();
    expect(accessConfig(env({ DASHBOARD_ACCESS_TOKEN: 's3cret' })).accessToken).toBe('s3cret');
  });
});

describe('assertMayMutate', () => {
  const cfg = (over: Partial<AccessConfig>): AccessConfig => ({ ...accessConfig(env()), ...over });

  it('lets anyone change things in the default mode', () => {
    expect(refusal(() => assertMayMutate(anonymous, cfg({})))).toBeUndefined();
  });

  it('refuses every change in read-only mode with 403, whatever the credentials', () => {
    for (const caller of [anonymous, withAccessToken, signedIn]) {
      expect(refusal(() => assertMayMutate(caller, cfg({ readOnly: true })))).toEqual({ status: 403, reason: 'ReadOnly' });
      expect(refusal(() => assertMayMutate(caller, cfg({ readOnly: true, mode: 'token-passthrough' })))).toEqual({ status: 403, reason: 'ReadOnly' });
    }
  });

  it('needs the access token when one is configured (401 without it)', () => {
    const c = cfg({ accessToken: 's3cret' });
    expect(refusal(() => assertMayMutate(anonymous, c))).toEqual({ status: 401, reason: 'Unauthorized' });
    expect(refusal(() => assertMayMutate(withAccessToken, c))).toBeUndefined();
  });

  it('needs a signed-in person in token pass-through (401 without), and ignores the access token there', () => {
    const c = cfg({ mode: 'token-passthrough', accessToken: 's3cret' });
    expect(refusal(() => assertMayMutate(anonymous, c))).toEqual({ status: 401, reason: 'Unauthorized' });
    expect(refusal(() => assertMayMutate(withAccessToken, c))).toEqual({ status: 401, reason: 'Unauthorized' });
    expect(refusal(() => assertMayMutate(signedIn, c))).toBeUndefined();
  });
});

describe('assertMayRead', () => {
  it('lets anyone read except in token pass-through, where a signed-in person is needed', () => {
    expect(refusal(() => assertMayRead(anonymous, accessConfig(env({ DASHBOARD_ACCESS_TOKEN: 's3cret', DASHBOARD_READ_ONLY: '1' }))))).toBeUndefined();
    const passthrough = accessConfig(env({ DASHBOARD_AUTH_MODE: 'token-passthrough' }));
    expect(refusal(() => assertMayRead(anonymous, passthrough))).toEqual({ status: 401, reason: 'Unauthorized' });
    expect(refusal(() => assertMayRead(signedIn, passthrough))).toBeUndefined();
  });
});
