import { normalizePath } from '../filesystem';
import { COMMANDS } from './commands';
import { commandBase, Shell, SHELLS, type ShellHost } from './interpreter';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Set when the process could not even be started (the runtime's own error, not the command's). */
  error?: string;
}

/** Exit status of an exec whose container was killed under it (SIGKILL). */
export const EXEC_KILLED_EXIT_CODE = 137;

/**
 * An exec inside a container, as CRI ExecSync does it: argv[0] is looked up as an executable (no shell unless
 * the argv asks for one), so `exit 1` as argv fails to start while `sh -c "exit 1"` exits 1.
 */
export async function execInContainer(argv: readonly string[], host: ShellHost, env: Readonly<Record<string, string>>): Promise<ExecResult> {
  const out: string[] = [];
  const err: string[] = [];
  const name = argv[0];
  if (name === undefined || name === '') {
    return { exitCode: 127, stdout: '', stderr: '', error: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "": executable file not found in $PATH: unknown' };
  }
  if (!isExecutable(name, host)) {
    const why = name.includes('/') ? `stat ${name}: no such file or directory` : 'executable file not found in $PATH';
    return { exitCode: 127, stdout: '', stderr: '', error: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": ${why}: unknown` };
  }
  try {
    const code = await new Shell(host, env, { out, err }).runArgv([...argv]);
    return { exitCode: code, stdout: out.join(''), stderr: err.join('') };
  } catch (e) {
    if (!host.signal.aborted) throw e;
    return { exitCode: EXEC_KILLED_EXIT_CODE, stdout: out.join(''), stderr: err.join('') };
  }
}

function isExecutable(name: string, host: ShellHost): boolean {
  const base = commandBase(name);
  if (base !== undefined && (SHELLS.has(base) || Object.hasOwn(COMMANDS, base))) return true;
  const path = normalizePath(name);
  return name.includes('/') && host.imageFiles.includes(path) && host.fs.exists(path);
}
