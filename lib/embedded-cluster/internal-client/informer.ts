import type { ResourceDef } from '../resources/definitions';
import { tableName } from '../registry/rest';
import type { Store, StoreEvent } from '../store/store';
import type { KubeObject } from '../types';

export interface InformerHandlers {
  add?(obj: KubeObject): void;
  update?(oldObj: KubeObject, newObj: KubeObject): void;
  delete?(obj: KubeObject): void;
}

/**
 * A controller's watch: handlers see every change in commit order, starting with an ADDED for each object
 * that exists when it starts (what client-go's informer delivers after its initial LIST).
 */
export function inform(store: Store, def: ResourceDef, h: InformerHandlers): () => void {
  const table = tableName(def);
  const unsubscribe = store.subscribe({
    table,
    onEvent(e: StoreEvent) {
      if (e.type === 'ADDED') h.add?.(e.obj);
      else if (e.type === 'MODIFIED') h.update?.(e.prevObj as KubeObject, e.obj);
      else h.delete?.(e.obj);
    },
  });
  if (h.add) {
    for (const { version } of store.table(table).scan({})) h.add(version.obj as KubeObject);
  }
  return unsubscribe;
}
