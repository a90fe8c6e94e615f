import type { ContainerFs } from '../filesystem';

/**
 * The "binaries" a hook may call, as busybox provides them. Only what hooks in this project plausibly use;
 * anything else is "not found" (exit 127), as it would be in a minimal image.
 */
export interface CommandHost {
  fs: ContainerFs;
  out(text: string): void;
  err(text: string): void;
  sleep(ms: number): Promise<void>;
  env(): Record<string, string>;
}

export type Command = (args: string[], host: CommandHost) => number | Promise<number>;

export const COMMANDS: Record<string, Command> = {
  true: () => 0,
  false: () => 1,
  echo: (args, h) => {
    const noNewline = args[0] === '-n';
    h.out(args.slice(noNewline ? 1 : 0).join(' ') + (noNewline ? '' : '\n'));
    return 0;
  },
  sleep: async (args, h) => {
    if (args.length === 0) {
      h.err('sleep: missing operand\n');
      return 1;
    }
    let total = 0;
    for (const a of args) {
      const ms = parseSleep(a);
      if (ms === undefined) {
        h.err(`sleep: invalid number '${a}'\n`);
        return 1;
      }
      total += ms;
    }
    await h.sleep(total);
    return 0;
  },
  test: (args, h) => evalTest(args, h),
  '[': (args, h) => {
    if (args[args.length - 1] !== ']') {
      h.err('sh: missing ]\n');
      return 2;
    }
    return evalTest(args.slice(0, -1), h);
  },
  cat: (args, h) => {
    let rc = 0;
    for (const path of args) {
      const f = h.fs.get(path);
      if (f?.kind === 'file') h.out(f.content);
      else {
        h.err(`cat: can't open '${path}': No such file or directory\n`);
        rc = 1;
      }
    }
    return rc;
  },
  rm: (args, h) => {
    const force = args.some((a) => /^-[a-z]*f/.test(a));
    let rc = 0;
    for (const path of args.filter((a) => !a.startsWith('-'))) {
      if (!h.fs.remove(path) && !force) {
        h.err(`rm: can't remove '${path}': No such file or directory\n`);
        rc = 1;
      }
    }
    return rc;
  },
  touch: (args, h) => {
    for (const path of args.filter((a) => !a.startsWith('-'))) if (!h.fs.exists(path)) h.fs.writeFile(path, '');
    return 0;
  },
  env: (_args, h) => {
    for (const [k, v] of Object.entries(h.env())) h.out(`${k}=${v}\n`);
    return 0;
  },
  seq: (args, h) => {
    const nums = args.map(Number);
    const [first, last] = nums.length >= 2 ? [nums[0] ?? 1, nums[1] ?? 0] : [1, nums[0] ?? 0];
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      h.err(`seq: invalid number\n`);
      return 1;
    }
    for (let n = first; n <= last; n++) h.out(`${n}\n`);
    return 0;
  },
};

/** `sleep` operands: seconds with an optional s/m/h/d suffix, decimals allowed, or `infinity`. */
export function parseSleep(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m || m[1] === undefined) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1;
  return Math.round(Number(m[1]) * unit * 1000);
}

class TestError extends Error {}

function evalTest(args: string[], h: CommandHost): number {
  try {
    return expr(args, h) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    h.err(`sh: ${e.message}\n`);
    return 2;
  }
}

function expr(args: string[], h: CommandHost): boolean {
  // -o binds looser than -a; both only when they split the operands into non-empty sides.
  for (const op of ['-o', '-a']) {
    const idx = args.lastIndexOf(op);
    if (idx > 0 && idx < args.length - 1) {
      const l = expr(args.slice(0, idx), h);
      const r = expr(args.slice(idx + 1), h);
      return op === '-o' ? l || r : l && r;
    }
  }
  const [a, b, c] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return (a ?? '') !== '';
    case 2:
      if (a === '!') return !expr([b ?? ''], h);
      return unary(a ?? '', b ?? '', h);
    case 3:
      if (a === '!') return !expr(args.slice(1), h);
      if (a === '(' && c === ')') return expr([b ?? ''], h);
      return binary(a ?? '', b ?? '', c ?? '');
    case 4:
      if (a === '!') return !expr(args.slice(1), h);
      throw new TestError(`${b}: unknown operand`);
    default:
      throw new TestError('syntax error');
  }
}

function unary(op: string, operand: string, h: CommandHost): boolean {
  const entry = h.fs.get(operand);
  switch (op) {
    case '-n':
      return operand !== '';
    case '-z':
      return operand === '';
    case '-e':
    case '-r':
    case '-w':
      return entry !== undefined || isDirectory(operand);
    case '-f':
      return entry?.kind === 'file';
    case '-s':
      return entry?.kind === 'file' ? entry.content.length > 0 : entry !== undefined;
    case '-S':
      return entry?.kind === 'socket';
    case '-d':
      return isDirectory(operand);
    case '-x':
      return entry?.kind === 'file';
    default:
      throw new TestError(`${op}: unknown operand`);
  }
}

/** Directories every image has; enough for `[ -d /dev/shm ]` style checks. */
function isDirectory(path: string): boolean {
  return ['/', '/dev', '/dev/shm', '/tmp', '/etc', '/bin', '/var', '/var/run', '/home'].includes(path);
}

function binary(l: string, op: string, r: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '-eq':
    case '-ne':
    case '-lt':
    case '-le':
    case '-gt':
    case '-ge': {
      const x = toInt(l);
      const y = toInt(r);
      return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op];
    }
    default:
      throw new TestError(`${op}: unknown operand`);
  }
}

function toInt(s: string): number {
  if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(`${s}: bad number`);
  return parseInt(s, 10);
}
