import type { LogEntry, SimProcess } from './process';

export interface ContainerLog {
  entries: LogEntry[];
  /** Calls onEntry for every later line and onEnd once the process has exited; returns the unsubscribe. */
  follow(onEntry: (e: LogEntry) => void, onEnd: () => void): () => void;
}

/** One container instance's log: a snapshot, and a follower that ends when the process does (as `logs -f`). */
export function containerLogOf(proc: SimProcess | undefined): ContainerLog {
  return {
    entries: proc ? [...proc.logEntries] : [],
    follow(onEntry, onEnd) {
      if (!proc || !proc.isAlive()) {
        onEnd();
        return () => undefined;
      }
      let live = true;
      const off = proc.onLog((e) => { if (live) onEntry(e); });
      proc.onExited(() => {
        if (!live) return;
        live = false;
        off();
        onEnd();
      });
      return () => { live = false; off(); };
    },
  };
}
