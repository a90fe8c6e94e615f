/**
 * Accept-header parsing shared by discovery and table negotiation. kube-apiserver walks the clauses in the
 * client's order (highest q first, ties keep their order) and answers with the first one it can serve, so a
 * clause we cannot serve (protobuf, an unknown `as=`) is skipped rather than failing the request.
 */
export interface MediaRange {
  type: string;
  subtype: string;
  /** Parameters with lower-cased names, `q` removed. */
  params: Record<string, string>;
  q: number;
}

export function parseAccept(header: string | null | undefined): MediaRange[] {
  if (!header || header.trim() === '') return [{ type: '*', subtype: '*', params: {}, q: 1 }];
  const ranges: Array<MediaRange & { index: number }> = [];
  header.split(',').forEach((clause, index) => {
    const [mediaType = '', ...paramParts] = clause.split(';');
    const [type = '', subtype = ''] = mediaType.trim().toLowerCase().split('/');
    if (!type || !subtype) return;
    const params: Record<string, string> = {};
    let q = 1;
    for (const part of paramParts) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq).trim().toLowerCase();
      const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
      if (key === 'q') {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? parsed : 0;
      } else {
        params[key] = value;
      }
    }
    if (q > 0) ranges.push({ type, subtype, params, q, index });
  });
  return ranges.sort((a, b) => b.q - a.q || a.index - b.index).map(({ type, subtype, params, q }) => ({ type, subtype, params, q }));
}

/** True for `application/json`, `application/*` and `*\/*`: the ranges a JSON body satisfies. */
export function acceptsJson(range: MediaRange): boolean {
  return (range.type === 'application' && (range.subtype === 'json' || range.subtype === '*')) ||
    (range.type === '*' && range.subtype === '*');
}

/** The `g`/`v`/`as` conversion a range asks for, if any (e.g. `as=Table;v=v1;g=meta.k8s.io`). */
export function conversionOf(range: MediaRange): { group: string; version: string; kind: string } | undefined {
  const kind = range.params['as'];
  if (!kind) return undefined;
  return { group: range.params['g'] ?? '', version: range.params['v'] ?? '', kind };
}
