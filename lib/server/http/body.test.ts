/**
 * The checks every mutation body goes through before anything reaches the cluster (readMutation: same-origin,
 * JSON only, at most 16 KiB), with the statuses the README documents.
 */
import { describe, expect, it } from 'vitest';
import { outcome } from './outcome.testkit';
import { MAX_BODY_BYTES, readMutation } from './body';

const URL_ = 'http://dash.example:3000/api/sidecarsets/mosn/upgrade';

function post(headers: Record<string, string>, body = '{"image":"tinyqian/mosn:v2"}'): Request {
  return new Request(URL_, { method: 'POST', headers: { host: 'dash.example:3000', 'content-type': 'application/json', ...headers }, body });
}

describe('readMutation: same origin', () => {
  it('accepts the dashboard\'s own pages (Fetch Metadata same-origin or none, or a matching Origin)', async () => {
    expect(await outcome(readMutation(post({ 'sec-fetch-site': 'same-origin', origin: 'http://dash.example:3000' })))).toEqual({ ok: { image: 'tinyqian/mosn:v2' } });
    expect(await outcome(readMutation(post({ 'sec-fetch-site': 'none' })))).toEqual({ ok: { image: 'tinyqian/mosn:v2' } });
    // Older browsers send Origin without Fetch Metadata; scripts (curl) send neither.
    expect(await outcome(readMutation(post({ origin: 'http://dash.example:3000' })))).toMatchObject({ ok: {} });
    expect(await outcome(readMutation(post({})))).toMatchObject({ ok: {} });
  });

  it('refuses cross-site and same-site requests by Fetch Metadata with 403', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expect(await outcome(readMutation(post({ 'sec-fetch-site': site })))).toEqual({ status: 403, reason: 'CrossOrigin' });
    }
  });

  it('refuses a foreign, a malformed or an opaque ("null") Origin with 403', async () => {
    for (const origin of ['http://evil.example', 'http://dash.example:3001', 'https://dash.example', 'null', 'not a url']) {
      expect(await outcome(readMutation(post({ origin }))), origin).toEqual({ status: 403, reason: 'CrossOrigin' });
    }
  });

  it('compares the Origin with X-Forwarded-Host when a proxy sets it', async () => {
    expect(await outcome(readMutation(post({ origin: 'https://dash.corp', 'x-forwarded-host': 'dash.corp' })))).toMatchObject({ ok: {} });
    expect(await outcome(readMutation(post({ origin: 'http://dash.example:3000', 'x-forwarded-host': 'dash.corp' })))).toEqual({ status: 403, reason: 'CrossOrigin' });
  });
});

describe('readMutation: body', () => {
  it('accepts JSON only (415 otherwise), with or without parameters', async () => {
    expect(await outcome(readMutation(post({ 'content-type': 'Application/JSON; charset=utf-8' })))).toMatchObject({ ok: {} });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(await outcome(readMutation(post({ 'content-type': type }))), type).toEqual({ status: 415, reason: 'UnsupportedMediaType' });
    }
  });

  it('refuses more than 16 KiB with 413, by declared length or by what actually arrives', async () => {
    const big = JSON.stringify({ image: 'x'.repeat(MAX_BODY_BYTES) });
    expect(await outcome(readMutation(post({}, big)))).toEqual({ status: 413, reason: 'RequestEntityTooLarge' });
    expect(await outcome(readMutation(post({ 'content-length': String(MAX_BODY_BYTES + 1) }, '{}')))).toEqual({ status: 413, reason: 'RequestEntityTooLarge' });
    // Multi-byte characters count as bytes, not characters.
    const wide = JSON.stringify({ image: 'é'.repeat(MAX_BODY_BYTES / 2) });
    expect(wide.length).toBeLessThan(MAX_BODY_BYTES + 20);
    expect(await outcome(readMutation(post({}, wide)))).toEqual({ status: 413, reason: 'RequestEntityTooLarge' });
  });

  it('answers 400 for malformed JSON and reads an empty body as {}', async () => {
    expect(await outcome(readMutation(post({}, '{"image": ')))).toEqual({ status: 400, reason: 'BadRequest' });
    expect(await outcome(readMutation(post({}, '  ')))).toEqual({ ok: {} });
  });
});
