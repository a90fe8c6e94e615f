import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../clock';
import { ContainerFs, FileStore } from '../filesystem';
import { execInContainer, type ExecResult } from './exec';

function setup(files: string[] = []) {
  const clock = new ManualClock();
  const root = new FileStore('root');
  for (const f of files) root.set(f, { kind: 'file', content: '#!/bin/sh\n' });
  const fs = new ContainerFs(root, [{ path: '/dev/shm', store: new FileStore('shm') }]);
  const ac = new AbortController();
  const exec = (argv: string[], env: Record<string, string> = {}): Promise<ExecResult> =>
    execInContainer(argv, { clock, signal: ac.signal, fs, imageFiles: files }, env);
  const sh = (script: string, env: Record<string, string> = {}): Promise<ExecResult> => exec(['/bin/sh', '-c', script], env);
  return { clock, fs, ac, exec, sh };
}

describe('hook shell', () => {
  it('runs true/false/exit with && || ; and $?', async () => {
    const { sh } = setup();
    expect((await sh('true && exit 4')).exitCode).toBe(4);
    expect((await sh('false || exit 5')).exitCode).toBe(5);
    expect((await sh('false; echo $?')).stdout).toBe('1\n');
    expect((await sh('! false')).exitCode).toBe(0);
    expect((await sh('false && echo no; echo yes')).stdout).toBe('yes\n');
    expect((await sh('exit')).exitCode).toBe(0);
  });

  it('expands $VAR and ${VAR}, splits unquoted expansions, keeps quoted empties', async () => {
    const { sh } = setup();
    const env = { SIDECARSET_VERSION: '1500', SIDECARSET_VERSION_ALT: '1', EMPTY: '', TWO: 'a b' };
    expect((await sh('[ "$SIDECARSET_VERSION" = "0" ] || [ "${SIDECARSET_VERSION_ALT}" = "0" ] || exit 9', env)).exitCode).toBe(9);
    expect((await sh('[ "$EMPTY" = "" ]', env)).exitCode).toBe(0);
    expect((await sh('[ $EMPTY = x ]', env)).exitCode).toBe(2);
    expect((await sh('for w in $TWO; do echo "<$w>"; done', env)).stdout).toBe('<a>\n<b>\n');
    expect((await sh('echo "${MISSING:-fallback}" \'$TWO\'', env)).stdout).toBe('fallback $TWO\n');
    expect((await sh('test "$SIDECARSET_VERSION" -gt "$SIDECARSET_VERSION_ALT"', env)).exitCode).toBe(0);
  });

  it('supports if/while/until, sleeping in simulated time', async () => {
    const { sh, clock, fs } = setup();
    const p = sh('while [ ! -e /dev/shm/ready ]; do sleep 1; done; if [ -S /dev/shm/ready ]; then exit 1; else echo ok; fi');
    for (let i = 0; i < 3; i++) await clock.advance(1_000);
    fs.writeFile('/dev/shm/ready', '');
    await clock.advance(1_000);
    const r = await p;
    expect(r).toMatchObject({ exitCode: 0, stdout: 'ok\n' });
    expect(clock.now() - Date.UTC(2026, 6, 20, 8, 0, 0)).toBe(4_000);
  });

  it('sleep N blocks for N simulated seconds and can be interrupted', async () => {
    const { sh, clock, ac } = setup();
    let done = false;
    const p = sh('sleep 15').then((r) => {
      done = true;
      return r;
    });
    await clock.advance(14_999);
    expect(done).toBe(false);
    await clock.advance(1);
    expect((await p).exitCode).toBe(0);
    const q = sh('sleep infinity');
    ac.abort(new Error('container exited'));
    expect((await q).exitCode).toBe(137);
  });

  it('reports unknown commands like busybox sh and unknown executables like the runtime', async () => {
    const { sh, exec } = setup();
    expect(await sh('mosnctl ready')).toMatchObject({ exitCode: 127, stderr: 'sh: mosnctl: not found\n' });
    const direct = await exec(['mosnctl', 'ready']);
    expect(direct.error).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "mosnctl": executable file not found in $PATH: unknown');
    expect((await exec(['/opt/bin/check'])).error).toContain('stat /opt/bin/check: no such file or directory');
    // `exit` is a shell builtin, not a binary.
    expect((await exec(['exit', '1'])).error).toContain('exec: "exit"');
    expect((await exec(['sleep', '0'])).exitCode).toBe(0);
    expect((await sh('if true; then')).exitCode).toBe(2);
  });

  it('runs /migrate.sh only in images that ship it', async () => {
    const withScript = setup(['/migrate.sh']);
    expect(await withScript.exec(['/bin/sh', '/migrate.sh'], { SIDECARSET_VERSION: '0' })).toMatchObject({ exitCode: 0, stdout: 'empty image\n' });
    const p = withScript.exec(['/bin/sh', '/migrate.sh'], { SIDECARSET_VERSION: '2' });
    await withScript.clock.advance(2_000);
    withScript.fs.writeFile('/result', 'success');
    await withScript.clock.advance(1_000);
    expect(await p).toMatchObject({ exitCode: 0, stdout: 'check start success\n' });
    expect(withScript.fs.exists('/result')).toBe(false);

    const without = setup();
    expect(await without.exec(['/bin/sh', '/migrate.sh'])).toMatchObject({ exitCode: 2, stderr: "sh: can't open '/migrate.sh': No such file or directory\n" });
  });

  it('gives up on loops that never let time pass', async () => {
    const { sh } = setup();
    expect((await sh('while true; do :; done')).exitCode).toBe(2);
  });
});
