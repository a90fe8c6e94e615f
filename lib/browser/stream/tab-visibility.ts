/**
 * Over HTTP/1.1 a browser profile keeps at most 6 connections per host, and each open event stream holds one: a 7th
 * tab would not even load. So a tab hidden this long closes its stream, and a tab opened in the background opens
 * none; on becoming visible it reconnects, and the `hello` refetch brings it current. (The server keeps recording
 * the timelines meanwhile; nothing is lost.) Long enough that flicking between tabs does not reconnect.
 */
export const HIDDEN_GRACE_MS = 5000;

export function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * Calls `onHiddenLong` once the tab has stayed hidden for HIDDEN_GRACE_MS, and `onShown` whenever it becomes
 * visible again. Returns the function that stops listening. Outside a browser it does nothing.
 */
export function onTabVisibility(onHiddenLong: () => void, onShown: () => void): () => void {
  if (typeof document === 'undefined') return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!isHidden()) {
      onShown();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      if (isHidden()) onHiddenLong();
    }, HIDDEN_GRACE_MS);
  };
  document.addEventListener('visibilitychange', listener);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', listener);
  };
}
