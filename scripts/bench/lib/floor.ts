import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ApiEndpoint } from './https-client';
import type { Disposable } from './types';

export interface StaticServer extends Disposable {
  endpoint: ApiEndpoint;
  pid: number;
}

/** Start static-server.ts in its own process; GETs answer `listBytes` bytes, PATCHes ~5 KB. */
export async function startStaticServer(listBytes: number): Promise<StaticServer> {
  const child = fork(fileURLToPath(new URL('./static-server.ts', import.meta.url)), [String(listBytes)], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const info = await new Promise<{ url: string; ca: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; ca: string }));
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
  });
  return {
    endpoint: { url: info.url, ca: info.ca, token: 'unused' },
    pid: child.pid ?? 0,
    async dispose() {
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}
