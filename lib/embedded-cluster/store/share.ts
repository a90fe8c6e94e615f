/**
 * Structural sharing between consecutive versions of one object. A status write changes a few hundred bytes
 * of a 5 KB pod, but the request pipeline hands the store a full fresh copy; keeping that copy whole in the
 * version chain and the watch history costs ~10 KB of heap per write. Replacing every subtree that equals the
 * previous version's by that (already frozen) subtree keeps only what changed.
 *
 * Equality is JSON equality with the same key order, so the shared object serialises byte-for-byte like
 * `next` would have. Frozen subtrees of `next` are taken as they are (they already belong to a stored version).
 * Mutates the unfrozen containers of `next` in place; returns `prev` itself when everything is equal.
 */
export function shareWith(next: unknown, prev: unknown): unknown {
  if (next === prev) return prev;
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) {
    return next;
  }
  if (Object.isFrozen(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    for (let i = 0; i < next.length; i++) {
      const s = shareWith(next[i], i < prev.length ? prev[i] : undefined);
      if (s !== next[i]) next[i] = s;
      if (same && s !== prev[i]) same = false;
    }
    return same ? prev : next;
  }
  if (Array.isArray(prev)) return next;
  const n = next as Record<string, unknown>;
  const p = prev as Record<string, unknown>;
  const keys = Object.keys(n);
  const prevKeys = Object.keys(p);
  let same = keys.length === prevKeys.length;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (same && prevKeys[i] !== k) same = false;
    if (!Object.prototype.hasOwnProperty.call(p, k)) {
      same = false;
      continue;
    }
    const s = shareWith(n[k], p[k]);
    if (s !== n[k]) n[k] = s;
    if (same && s !== p[k]) same = false;
  }
  return same ? prev : next;
}
