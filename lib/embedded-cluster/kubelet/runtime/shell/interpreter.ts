import type { Clock } from '../../../clock';
import { normalizePath, type ContainerFs } from '../filesystem';
import { COMMANDS, type CommandHost } from './commands';
import { IMAGE_SCRIPTS } from './image-scripts';
import type { WordToken } from './lexer';
import { ShellSyntaxError } from './lexer';
import { parseScript, type ShellNode } from './parser';

/** What a shell running inside a container can reach. */
export interface ShellHost {
  clock: Clock;
  /** Aborted when the exec is cancelled (the container died, the kubelet gave up). */
  signal: AbortSignal;
  fs: ContainerFs;
  /** Files the image ships as runnable scripts (e.g. `/migrate.sh`). */
  imageFiles: readonly string[];
}

export interface ShellOutput {
  out: string[];
  err: string[];
}

class ExitRequest {
  constructor(readonly code: number) {}
}

/** Loops that never let simulated time pass would spin forever; real shells would burn CPU, we give up. */
const MAX_ITERATIONS_WITHOUT_TIME = 10_000;
export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const BIN_DIRS = new Set(['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin']);

/**
 * A tiny POSIX-flavoured shell for lifecycle hooks: `;`, `&&`, `||`, `!`, pipes (run in sequence), if/while/
 * until/for, `$VAR`/`${VAR}`/`${VAR:-x}`/`$?` expansion with field splitting, `exit`, `export`, and the busybox
 * commands in ./commands. Messages follow busybox ash, which is what the hotupgrade sample images run.
 */
export class Shell implements CommandHost {
  private readonly vars: Map<string, string>;
  private status = 0;
  private idleIterations = 0;
  private lastTime: number;

  constructor(
    private readonly host: ShellHost,
    env: Readonly<Record<string, string>>,
    private readonly output: ShellOutput,
    private readonly positional: string[] = ['sh'],
  ) {
    this.vars = new Map(Object.entries(env));
    this.lastTime = host.clock.now();
  }

  get fs(): ContainerFs {
    return this.host.fs;
  }
  out(text: string): void {
    this.output.out.push(text);
  }
  err(text: string): void {
    this.output.err.push(text);
  }
  env(): Record<string, string> {
    return Object.fromEntries(this.vars);
  }
  sleep(ms: number): Promise<void> {
    return abortableSleep(this.host.clock, ms, this.host.signal);
  }

  async runScript(src: string): Promise<number> {
    let node: ShellNode;
    try {
      node = parseScript(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.err(`sh: ${e.message}\n`);
      return 2;
    }
    return this.guard(() => this.exec(node));
  }

  /** Run one argv as a command would be (what the runtime's exec does for a hook's `command`). */
  runArgv(argv: string[]): Promise<number> {
    return this.guard(() => this.command(argv));
  }

  private async guard(fn: () => Promise<number>): Promise<number> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      throw e;
    }
  }

  private async exec(node: ShellNode): Promise<number> {
    switch (node.t) {
      case 'cmd': {
        const argv = node.words.flatMap((w) => this.expand(w));
        this.status = argv.length === 0 ? 0 : await this.command(argv);
        return this.status;
      }
      case 'not':
        this.status = (await this.exec(node.body)) === 0 ? 1 : 0;
        return this.status;
      case 'and':
        return (await this.exec(node.left)) === 0 ? this.exec(node.right) : this.status;
      case 'or':
        return (await this.exec(node.left)) !== 0 ? this.exec(node.right) : this.status;
      case 'seq':
      case 'pipe': {
        let rc = 0;
        for (const item of node.items) rc = await this.exec(item);
        this.status = rc;
        return rc;
      }
      case 'if': {
        for (const c of node.clauses) if ((await this.exec(c.cond)) === 0) return this.exec(c.body);
        this.status = node.otherwise ? await this.exec(node.otherwise) : 0;
        return this.status;
      }
      case 'loop': {
        let rc = 0;
        for (;;) {
          this.tick();
          const cond = await this.exec(node.cond);
          if ((cond === 0) === node.until) break;
          rc = await this.exec(node.body);
        }
        this.status = rc;
        return rc;
      }
      case 'for': {
        let rc = 0;
        for (const value of node.items.flatMap((w) => this.expand(w))) {
          this.tick();
          this.vars.set(node.name, value);
          rc = await this.exec(node.body);
        }
        this.status = rc;
        return rc;
      }
    }
  }

  private tick(): void {
    const now = this.host.clock.now();
    if (now !== this.lastTime) {
      this.lastTime = now;
      this.idleIterations = 0;
    } else if (++this.idleIterations > MAX_ITERATIONS_WITHOUT_TIME) {
      this.err('sh: loop never sleeps; giving up\n');
      throw new ExitRequest(2);
    }
  }

  private async command(argv: string[]): Promise<number> {
    const [name = '', ...args] = argv;
    if (argv.every((a) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(a))) {
      for (const a of argv) this.setAssignment(a);
      return 0;
    }
    switch (name) {
      case 'exit':
        throw new ExitRequest(args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) & 255 : this.status);
      case 'export':
        for (const a of args) if (a.includes('=')) this.setAssignment(a);
        return 0;
      case ':':
      case 'set':
      case 'cd':
      case 'unset':
        return 0;
    }
    const base = commandBase(name);
    if (base !== undefined && SHELLS.has(base)) return this.invokeShell(args);
    const path = normalizePath(name);
    if (name.includes('/') && this.host.imageFiles.includes(path) && this.fs.exists(path)) return this.runFile(path, args);
    const cmd = base !== undefined ? COMMANDS[base] : undefined;
    if (cmd) return cmd(args, this);
    this.err(`sh: ${name}: not found\n`);
    return 127;
  }

  private setAssignment(a: string): void {
    const eq = a.indexOf('=');
    this.vars.set(a.slice(0, eq), a.slice(eq + 1));
  }

  /** `sh -c 'script' [name args...]`, `sh file [args...]`, flags like -e/-x accepted and ignored. */
  private async invokeShell(args: string[]): Promise<number> {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a.startsWith('-') && a.length > 1) {
        if (a.includes('c')) {
          const script = args[i + 1];
          if (script === undefined) {
            this.err('sh: -c requires an argument\n');
            return 2;
          }
          const rest = args.slice(i + 2);
          return new Shell(this.host, this.env(), this.output, rest.length ? rest : ['sh']).runScript(script);
        }
        continue;
      }
      return this.runFile(normalizePath(a), args.slice(i + 1), a);
    }
    return 0;
  }

  private async runFile(path: string, args: string[], shown = path): Promise<number> {
    const model = IMAGE_SCRIPTS[path];
    if (model && this.host.imageFiles.includes(path) && this.fs.exists(path)) return model(this);
    const f = this.fs.get(path);
    if (f?.kind !== 'file') {
      this.err(`sh: can't open '${shown}': No such file or directory\n`);
      return 2;
    }
    return new Shell(this.host, this.env(), this.output, [shown, ...args]).runScript(f.content);
  }

  private lookup(name: string): string | undefined {
    if (name === '?') return String(this.status);
    if (name === '$') return '1';
    if (name === '#') return String(Math.max(0, this.positional.length - 1));
    if (/^\d$/.test(name)) return this.positional[Number(name)];
    return this.vars.get(name);
  }

  /** Parameter expansion plus field splitting of unquoted expansions, as `sh` does (no globbing). */
  private expand(word: WordToken): string[] {
    const fields: string[] = [];
    let cur = '';
    let have = false;
    for (const part of word.parts) {
      if (part.kind === 'lit') {
        cur += part.text;
        if (part.quoted || part.text !== '') have = true;
        continue;
      }
      let value = this.lookup(part.name) ?? '';
      if (value === '' && part.fallback !== undefined) value = part.fallback;
      if (part.quoted) {
        cur += value;
        have = true;
        continue;
      }
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, k) => {
        if (k > 0) {
          if (have) fields.push(cur);
          cur = '';
          have = false;
        }
        if (piece !== '') {
          cur += piece;
          have = true;
        }
      });
    }
    if (have) fields.push(cur);
    return fields;
  }
}

/** `sh`, `/bin/sh`, `sleep`, `/usr/bin/test` → the command name; other paths are not commands. */
export function commandBase(name: string): string | undefined {
  if (!name.includes('/')) return name;
  const idx = name.lastIndexOf('/');
  return BIN_DIRS.has(name.slice(0, idx)) ? name.slice(idx + 1) : undefined;
}

export function abortableSleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    if (ms <= 0) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      timer?.cancel();
      reject(signal.reason);
    };
    // An infinite sleep never resolves by itself; only the abort ends it.
    const timer = Number.isFinite(ms)
      ? clock.after(ms, () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        })
      : undefined;
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
