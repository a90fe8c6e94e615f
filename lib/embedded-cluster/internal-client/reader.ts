import type { ResourceDef } from '../resources/definitions';
import { objectKey, tableName } from '../registry/rest';
import type { ClusterReader } from '../registry/strategy';
import type { Store } from '../store/store';
import type { KubeObject } from '../types';

/** Reads of the current state, in the storage version. The objects are frozen: copy before changing. */
export function storeReader(store: Store): ClusterReader {
  return {
    get(def: ResourceDef, namespace: string | undefined, name: string): KubeObject | undefined {
      return store.get(tableName(def), objectKey(def, namespace, name))?.obj;
    },
    list(def: ResourceDef, namespace?: string): KubeObject[] {
      const prefix = def.namespaced && namespace ? `${namespace}/` : undefined;
      const out: KubeObject[] = [];
      for (const { version } of store.table(tableName(def)).scan({ prefix })) out.push(version.obj as KubeObject);
      return out;
    },
  };
}
