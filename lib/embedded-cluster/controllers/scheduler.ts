import type { Pod } from 'kubernetes-types/core/v1';
import type { Clock } from '../clock';
import type { InternalClient } from '../internal-client/internal-client';
import { resourceDef } from '../internal-client/internal-client';
import { inform } from '../internal-client/informer';
import type { Rest } from '../registry/rest';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';
import { bindPod } from '../resources/pod-binding';
import { EventRecorder } from './event-recorder';
import { WorkQueue } from '../internal-client/workqueue';

/** default-scheduler, reduced to spreading: each pending pod goes to the node with the fewest pods. */
export function startScheduler(store: Store, rest: Rest, client: InternalClient, clock: Clock): () => void {
  const recorder = new EventRecorder(client, clock, { component: 'default-scheduler' });
  const queue = new WorkQueue(clock, (key) => {
    const [ns, name] = key.split('/') as [string, string];
    const pod = client.get('pods', ns, name) as unknown as Pod | undefined;
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    const nodes = client.list('nodes').map((n) => n.metadata.name ?? '').sort();
    if (nodes.length === 0) return;
    const load = new Map(nodes.map((n) => [n, 0]));
    for (const p of client.list('pods') as unknown as Pod[]) {
      const n = p.spec?.nodeName;
      if (n && load.has(n)) load.set(n, (load.get(n) ?? 0) + 1);
    }
    const node = nodes.reduce((best, n) => ((load.get(n) ?? 0) < (load.get(best) ?? 0) ? n : best), nodes[0] as string);
    bindPod(rest, ns, name, { target: { kind: 'Node', name: node } }, client.context());
    recorder.record(pod as unknown as KubeObject, { type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${name} to ${node}` });
  });
  const enqueue = (o: KubeObject): void => {
    const p = o as unknown as Pod;
    if (!p.spec?.nodeName && !p.metadata?.deletionTimestamp) queue.add(`${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`);
  };
  const stop = inform(store, resourceDef('pods'), { add: enqueue, update: (_o, n) => enqueue(n) });
  return () => { stop(); queue.stop(); };
}
