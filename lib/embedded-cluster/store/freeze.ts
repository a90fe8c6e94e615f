/**
 * Stored objects are shared by every reader (LIST pages, watch events, controller caches), so they are frozen:
 * a reader that tries to modify one fails loudly instead of corrupting the store.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}

/** A mutable deep copy of a stored (frozen) object. JSON round-trip: stored objects are plain JSON. */
export function thaw<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
