import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, tooLarge, unsupportedMediaType } from '../apimachinery/errors';
import { storedBytes } from '../store/serialized';
import { decodeProtobuf, PROTOBUF_MEDIA_TYPE } from './protobuf/codec';
import { negotiateOutput, toYaml } from './request/negotiate';

/** What create/update bodies (and the review kinds) may be sent as. */
export const OBJECT_BODY_TYPES = ['application/json', 'application/yaml', PROTOBUF_MEDIA_TYPE];

/** kube-apiserver's default --max-request-body-bytes. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(tooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => { if (!failed) resolve(Buffer.concat(chunks)); });
    req.on('error', (e) => { if (!failed) reject(e); });
  });
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Decode a request body as JSON (or YAML or protobuf, which kube-apiserver also accepts). */
export function decodeBody(buf: Buffer, contentType: string | undefined, allowed: readonly string[]): unknown {
  const mt = mediaType(contentType) || 'application/json';
  if (!allowed.includes(mt)) throw unsupportedMediaType(mt);
  if (mt === PROTOBUF_MEDIA_TYPE) {
    if (buf.length === 0) throw badRequest('the request body is empty');
    return decodeProtobuf(buf);
  }
  const text = buf.toString('utf8');
  if (text.trim() === '') throw badRequest('the request body is empty');
  if (mt === 'application/yaml' || mt === 'application/apply-patch+yaml') {
    try {
      return parseYaml(text) as unknown;
    } catch (e) {
      throw badRequest(`error converting YAML to JSON: ${(e as Error).message}`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw badRequest(`json: cannot unmarshal request body: ${(e as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  // A stored object's bytes are cached and shared with its watch events (store/serialized.ts).
  sendRaw(res, code, typeof body === 'string' ? body : storedBytes(body) ?? JSON.stringify(body), contentType);
}

export function sendRaw(res: ServerResponse, code: number, text: string | Buffer, contentType = 'application/json'): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** A Status for the error, in YAML when that is what the client asked for (as kube encodes errors). */
export function sendError(res: ServerResponse, err: unknown, accept?: string): void {
  const apiErr = err instanceof ApiError ? err : new ApiError(500, 'InternalError', `Internal error occurred: ${(err as Error)?.message ?? String(err)}`);
  if (!(err instanceof ApiError)) console.error('[apiserver] internal error:', err);
  if (apiErr.code !== 406 && prefersYaml(accept)) sendRaw(res, apiErr.code, toYaml(apiErr.toStatus()), 'application/yaml');
  else sendJson(res, apiErr.code, apiErr.toStatus());
}

function prefersYaml(accept: string | undefined): boolean {
  try {
    return accept !== undefined && negotiateOutput(accept) === 'yaml';
  } catch {
    return false;
  }
}
