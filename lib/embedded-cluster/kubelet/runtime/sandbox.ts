import type { Clock } from '../../clock';
import { FileStore } from './filesystem';
import { NetworkNamespace } from './netns';
import type { Rng } from './prng';
import type { SimProcess } from './process';
import type { PodIdentity } from './types';

const MAX_EXITED_PROCESSES = 20;

/**
 * What a pod's containers share (the pause container in a real runtime): one network namespace, one /dev/shm,
 * and the pod's volumes, each a single store that only containers mounting it can see.
 */
export class Sandbox {
  readonly netns: NetworkNamespace;
  readonly shm = new FileStore('/dev/shm');
  private readonly volumes = new Map<string, FileStore>();
  /** Live processes plus the most recent exited ones, for introspection. */
  private readonly procs: SimProcess[] = [];

  constructor(readonly pod: PodIdentity, readonly ip: string, volumeNames: readonly string[], clock: Clock, rng: Rng) {
    this.netns = new NetworkNamespace(ip, clock, rng);
    for (const v of volumeNames) this.volumes.set(v, new FileStore(`volume ${v}`));
  }

  volume(name: string): FileStore {
    let store = this.volumes.get(name);
    if (!store) {
      store = new FileStore(`volume ${name}`);
      this.volumes.set(name, store);
    }
    return store;
  }

  volumeList(): Array<{ name: string; store: FileStore }> {
    return [...this.volumes.entries()].map(([name, store]) => ({ name, store }));
  }

  addProcess(p: SimProcess): void {
    this.procs.push(p);
    const exited = this.procs.filter((x) => !x.isAlive());
    for (const old of exited.slice(0, Math.max(0, exited.length - MAX_EXITED_PROCESSES))) {
      this.procs.splice(this.procs.indexOf(old), 1);
    }
  }

  processes(): readonly SimProcess[] {
    return this.procs;
  }
}
