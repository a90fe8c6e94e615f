import { readFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memTotalMB: number;
  node: string;
  kernel: string;
  /** Process CPU limit from the cgroup, when a container caps it below the visible cores. */
  cgroupCpuLimit?: number;
  /** Scheduling niceness the benchmark ran at (negative: it was given priority over other processes). */
  nice: number;
  /** 1-minute load average when the run started. */
  loadAverage1m: number;
}

function cgroupCpuLimit(): number | undefined {
  try {
    const [quota, period] = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(/\s+/);
    if (!quota || quota === 'max' || !period) return undefined;
    return Number(quota) / Number(period);
  } catch {
    return undefined;
  }
}

/** What the numbers were measured on: they mean little without it. */
export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) cpuModel = m[1].trim();
  } catch {
    // not Linux: os.cpus() is the best we have
  }
  const info: MachineInfo = {
    cpuModel,
    cores: cpus().length,
    memTotalMB: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    kernel: release(),
    nice: getPriority(),
    loadAverage1m: loadavg()[0] ?? 0,
  };
  const limit = cgroupCpuLimit();
  if (limit !== undefined) info.cgroupCpuLimit = limit;
  return info;
}

/** Resident set size (VmRSS) and its peak (VmHWM) of another process, in MB. */
export function processMemoryMB(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** CPU seconds (user+system) a process has used so far, from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (1-based).
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]);
  return ticks / 100;
}
