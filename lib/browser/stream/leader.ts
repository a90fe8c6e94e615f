/**
 * Leader election over Web Locks: every tab asks for the same exclusive lock and the one holding it leads. The
 * browser grants it to the next waiting tab the moment the holder's document goes away (closed, crashed, navigated
 * off), so a handover needs no heartbeat and no timeout.
 */

/**
 * Calls `lead` when this tab gets the lock and holds it until the returned resign function is called, which then
 * calls the function `lead` returned. Resigning before the lock was granted withdraws the request. (A tab also
 * holds a lock of its own for its lifetime this way, so that others can tell when it is gone: shared-transport.ts.)
 */
export function electLeader(locks: LockManager, name: string, lead: () => () => void): () => void {
  const abort = new AbortController();
  let release: (() => void) | undefined;
  let resigned = false;
  locks
    .request(name, { signal: abort.signal }, () => {
      if (resigned) return undefined;
      const stop = lead();
      return new Promise<void>((resolve) => {
        release = () => {
          stop();
          resolve();
        };
      });
    })
    // AbortError: resigned while still waiting.
    .catch(() => undefined);
  return () => {
    if (resigned) return;
    resigned = true;
    if (release) release();
    else abort.abort();
  };
}

/**
 * Calls `gone` once the holder of lock `name` (a tab's own lock, held for its lifetime) has let go of it, i.e. its
 * document is gone, closed or crashed, said bye or not. Returns the function that stops waiting.
 */
export function whenReleased(locks: LockManager, name: string, gone: () => void): () => void {
  const abort = new AbortController();
  locks
    .request(name, { signal: abort.signal }, () => gone())
    .catch(() => undefined);
  return () => abort.abort();
}
