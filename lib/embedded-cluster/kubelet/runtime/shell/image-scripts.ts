import type { CommandHost } from './commands';

/**
 * Scripts that images ship, modelled by behaviour rather than interpreted line by line.
 *
 * `/migrate.sh` of openkruise/hotupgrade-sample (spec §7.3): in the empty slot (SIDECARSET_VERSION "0") it exits
 * 0 at once; otherwise it polls the sidecar's `/result` marker (cwd is `/`) once a second for up to 60 s,
 * removes it and exits 0, or exits 1 when the sidecar never wrote it.
 */
export async function openKruiseMigrateScript(h: CommandHost): Promise<number> {
  if (h.env().SIDECARSET_VERSION === '0') {
    h.out('empty image\n');
    return 0;
  }
  for (let attempt = 0; attempt < 60; attempt++) {
    if (h.fs.exists('/result')) {
      h.out('check start success\n');
      h.fs.remove('/result');
      return 0;
    }
    await h.sleep(1_000);
  }
  h.out('start failed\n');
  return 1;
}

export const IMAGE_SCRIPTS: Record<string, (h: CommandHost) => Promise<number>> = {
  '/migrate.sh': openKruiseMigrateScript,
};
