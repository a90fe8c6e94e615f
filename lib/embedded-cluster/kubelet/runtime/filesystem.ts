/**
 * Just enough of a filesystem for the hot-upgrade story: regular files (the sample sidecar's `/result`
 * marker) and unix sockets (MOSN's `reconfig.sock`, supervisord's socket, the sample's `migrate.sock`).
 * What matters is *who shares what*: each container has a private root, `/dev/shm` is one store for the whole
 * pod, and an emptyDir volume is one store shared only by the containers that mount it.
 */

/** A process that can own a unix socket; a socket whose owner died is stale (dialing it is refused). */
export interface SocketOwner {
  readonly pid: number;
  isAlive(): boolean;
}

export type FileEntry =
  | { kind: 'file'; content: string }
  | { kind: 'socket'; owner: SocketOwner; accepting: () => boolean };

/** One storage area: a container root, the pod's /dev/shm, or one volume. Keys are paths relative to it. */
export class FileStore {
  private readonly entries = new Map<string, FileEntry>();
  constructor(readonly label: string) {}

  get(key: string): FileEntry | undefined {
    return this.entries.get(key);
  }
  set(key: string, entry: FileEntry): void {
    this.entries.set(key, entry);
  }
  delete(key: string): boolean {
    return this.entries.delete(key);
  }
  list(): Array<{ path: string; entry: FileEntry }> {
    return [...this.entries.entries()].map(([path, entry]) => ({ path, entry }));
  }
}

export type DialResult =
  | { ok: true; owner: SocketOwner }
  | { ok: false; error: 'ENOENT' | 'ECONNREFUSED' };

interface Mount {
  path: string;
  store: FileStore;
}

/** The view one container has: its root plus its mounts, the longest matching mount path winning. */
export class ContainerFs {
  private readonly mounts: Mount[];

  constructor(private readonly root: FileStore, mounts: Mount[]) {
    this.mounts = mounts
      .map((m) => ({ path: normalizePath(m.path), store: m.store }))
      .sort((a, b) => b.path.length - a.path.length);
  }

  resolve(path: string): { store: FileStore; key: string } {
    const p = normalizePath(path);
    for (const m of this.mounts) {
      if (p === m.path) return { store: m.store, key: '' };
      if (p.startsWith(`${m.path}/`)) return { store: m.store, key: p.slice(m.path.length + 1) };
    }
    return { store: this.root, key: p };
  }

  get(path: string): FileEntry | undefined {
    const { store, key } = this.resolve(path);
    return store.get(key);
  }
  exists(path: string): boolean {
    return this.get(path) !== undefined;
  }
  writeFile(path: string, content: string): void {
    const { store, key } = this.resolve(path);
    store.set(key, { kind: 'file', content });
  }
  appendFile(path: string, content: string): void {
    const prev = this.get(path);
    this.writeFile(path, (prev?.kind === 'file' ? prev.content : '') + content);
  }
  remove(path: string): boolean {
    const { store, key } = this.resolve(path);
    return store.delete(key);
  }
  /** bind(2) on a unix socket path after unlinking it, as MOSN and the sample do. */
  listenUnix(path: string, owner: SocketOwner, accepting: () => boolean): void {
    const { store, key } = this.resolve(path);
    store.set(key, { kind: 'socket', owner, accepting });
  }
  /** connect(2) to a unix socket: refused when nobody (alive) is accepting on it. */
  dialUnix(path: string): DialResult {
    const entry = this.get(path);
    if (!entry || entry.kind !== 'socket') return { ok: false, error: 'ENOENT' };
    if (!entry.owner.isAlive() || !entry.accepting()) return { ok: false, error: 'ECONNREFUSED' };
    return { ok: true, owner: entry.owner };
  }
}

export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
