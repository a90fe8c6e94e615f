import type { ContainerFs, SocketOwner } from '../kubelet/runtime/filesystem';
import { SUPERVISOR_DEVSHM_SOCK } from './constants';

/**
 * supervisord's [unix_http_server] socket in /dev/shm (the old MOSN image, spec §7.1). /dev/shm is one store for
 * the whole pod, so the second MOSN container's supervisord finds a live socket and refuses to start. A socket
 * left behind by a dead supervisord is stale and simply replaced.
 */
export function claimSupervisorSocket(owner: SocketOwner, fs: ContainerFs): boolean {
  if (fs.dialUnix(SUPERVISOR_DEVSHM_SOCK).ok) return false;
  fs.remove(SUPERVISOR_DEVSHM_SOCK);
  fs.listenUnix(SUPERVISOR_DEVSHM_SOCK, owner, () => true);
  return true;
}
