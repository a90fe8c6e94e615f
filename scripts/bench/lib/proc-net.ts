import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Who holds which TCP sockets, from /proc: which process of a tree is the one listening on a port (the real
 * `next-server`, not a wrapper), and how many connections a process has open to a given remote port.
 */
interface TcpEntry {
  localPort: number;
  remotePort: number;
  /** Kernel state: 0x01 ESTABLISHED, 0x0A LISTEN. */
  state: number;
  inode: string;
}

const ESTABLISHED = 0x01;
const LISTEN = 0x0a;

function tcpTable(): TcpEntry[] {
  const out: TcpEntry[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const port = (addr: string | undefined): number => parseInt(addr?.split(':')[1] ?? '', 16);
      out.push({ localPort: port(f[1]), remotePort: port(f[2]), state: parseInt(f[3] ?? '', 16), inode: f[9] ?? '' });
    }
  }
  return out;
}

function socketInodes(pid: number): Set<string> {
  const out = new Set<string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return out;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) out.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** The process in `root`'s tree that owns the socket listening on `port`. */
export function listeningPid(root: number, port: number): number | undefined {
  const inodes = new Set(tcpTable().filter((e) => e.state === LISTEN && e.localPort === port).map((e) => e.inode));
  if (inodes.size === 0) return undefined;
  return processTree(root).find((pid) => [...socketInodes(pid)].some((i) => inodes.has(i)));
}

/** Established TCP connections that `pid` holds to `remotePort` (e.g. the dashboard's connections to the cluster). */
export function connectionsTo(pid: number, remotePort: number): number {
  const mine = socketInodes(pid);
  return tcpTable().filter((e) => e.state === ESTABLISHED && e.remotePort === remotePort && mine.has(e.inode)).length;
}

export function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}
