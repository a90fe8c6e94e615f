import { readdirSync, readFileSync } from 'node:fs';

/**
 * How busy the machine was with work that is not ours. The benchmark shares a 2-core machine with whatever
 * else runs there (builds, test runs); a number measured while another process took a core is not the same
 * number, so every group reports the CPU other processes used during it.
 */
export interface CpuSnapshot {
  at: number;
  busyTicks: number;
  stealTicks: number;
  /** user+system of this process and all its descendants (children's reaped time included). */
  ourTicks: number;
}

const TICKS_PER_S = 100; // USER_HZ; 100 on every Linux we run on

function systemTicks(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const at = (i: number): number => f[i] ?? 0;
  return { busy: at(0) + at(1) + at(2) + at(5) + at(6), steal: at(7) };
}

function procStat(pid: string): { ppid: number; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields from 3 on: ppid is field 4, utime..cstime are fields 14–17.
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]) };
  } catch {
    return undefined; // exited between readdir and read
  }
}

function ourTicks(): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(name);
    if (s) stats.set(Number(name), s);
  }
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  let total = 0;
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function cpuSnapshot(): CpuSnapshot {
  const sys = systemTicks();
  return { at: performance.now(), busyTicks: sys.busy, stealTicks: sys.steal, ourTicks: ourTicks() };
}

/** Average cores used between two snapshots: by other processes, by us, and stolen by the hypervisor. */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): { otherCores: number; ourCores: number; stealCores: number } {
  const s = Math.max((b.at - a.at) / 1000, 1e-3) * TICKS_PER_S;
  const ours = b.ourTicks - a.ourTicks;
  return {
    otherCores: Math.max(0, (b.busyTicks - a.busyTicks - ours) / s),
    ourCores: ours / s,
    stealCores: (b.stealTicks - a.stealTicks) / s,
  };
}

/**
 * On a shared machine, wait (up to `maxWaitMs`) until other processes have used less than `maxOtherCores` for
 * a whole second, so a group starts on a quiet machine. Returns what the last second looked like.
 */
export async function waitForQuiet(maxWaitMs: number, maxOtherCores = 0.15): Promise<{ quiet: boolean; otherCores: number; waitedMs: number }> {
  const t0 = performance.now();
  for (;;) {
    const a = cpuSnapshot();
    await new Promise((r) => setTimeout(r, 1000));
    const { otherCores } = cpuBetween(a, cpuSnapshot());
    const waitedMs = performance.now() - t0;
    if (otherCores < maxOtherCores) return { quiet: true, otherCores, waitedMs };
    if (waitedMs >= maxWaitMs) return { quiet: false, otherCores, waitedMs };
  }
}
