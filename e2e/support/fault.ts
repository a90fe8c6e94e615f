import { request as httpsRequest, type RequestOptions } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

function kubeconfig(): KubeConfig {
  const path = process.env.E2E_KUBECONFIG;
  if (!path) throw new Error('E2E_KUBECONFIG is not set (run through playwright.config.ts)');
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

/**
 * The embedded cluster's fault injection (admin only): drop every connection for `downMs`, and with `compact`
 * forget the watch history so resumed watches get 410 Gone and must re-list. Sent with the kubeconfig's
 * admin credentials and CA, as any client of the cluster would.
 */
export async function restartCluster(downMs: number, compact: boolean): Promise<void> {
  const kc = kubeconfig();
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error('no cluster in E2E_KUBECONFIG');
  const opts: RequestOptions = { method: 'POST', headers: {} };
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(`/debug/embedded/restart?downMs=${downMs}${compact ? '&compact=1' : ''}`, server);
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpsRequest(url, opts, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
  if (status !== 202) throw new Error(`restart answered ${status}`);
}
