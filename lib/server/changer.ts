import type { Caller } from './access/caller';
import { setPaused, upgradeSidecarSet } from './changes/mutations';
import { setPartition } from './changes/partition';
import { rollback } from './changes/rollback';
import type { Dashboard } from './live/dashboard';

/**
 * The changes one caller may ask for. Made only by openChange, after the access mode said yes (read-only 403,
 * missing credentials 401); the cluster still decides with its own RBAC, as the caller where it can.
 */
export class Changer {
  constructor(private readonly d: Dashboard, readonly caller: Caller) {}

  upgrade(name: string, body: unknown) {
    return upgradeSidecarSet(this.d, name, body, this.caller);
  }

  pause(name: string, body: unknown) {
    return setPaused(this.d, name, true, body, this.caller);
  }

  resume(name: string, body: unknown) {
    return setPaused(this.d, name, false, body, this.caller);
  }

  partition(name: string, body: unknown) {
    return setPartition(this.d, name, body, this.caller);
  }

  rollback(name: string, body: unknown) {
    return rollback(this.d, name, body, this.caller);
  }
}
