import { stringify as stringifyYaml } from 'yaml';
import { notAcceptable } from '../../apimachinery/errors';
import { acceptsJson, conversionOf, parseAccept } from '../discovery/accept';

export type OutputFormat = 'json' | 'yaml';

/** What this server can encode objects as (protobuf only for requests, see the README). */
export const OUTPUT_MEDIA_TYPES = ['application/json', 'application/yaml'];

/**
 * Content negotiation for object responses, as kube-apiserver's NegotiateOutputMediaType: the client's ranges in
 * preference order, the first one we can encode wins; conversions (`as=Table`) are the Table renderer's; nothing
 * acceptable is a 406 naming what we can produce.
 */
export function negotiateOutput(accept: string | undefined): OutputFormat {
  for (const range of parseAccept(accept)) {
    if (conversionOf(range)) continue;
    if (acceptsJson(range)) return 'json';
    if (range.type === 'application' && range.subtype === 'yaml') return 'yaml';
  }
  throw notAcceptable(OUTPUT_MEDIA_TYPES);
}

/** sigs.k8s.io/yaml's output: JSON through a map (keys sorted), sequences not indented, no line folding. */
export function toYaml(value: unknown): string {
  return stringifyYaml(value, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}
