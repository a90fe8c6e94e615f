import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types';
import { deepFreeze, thaw } from './freeze';
import { storedBytes } from './serialized';
import { shareWith } from './share';
import { ExpiredError, Store, type StoreEvent } from './store';

function pod(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'ns', labels: { app: 'a' }, annotations: { note: 'x' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.20', env: [{ name: 'A', value: '1' }] }], tolerations: [{ key: 'k', operator: 'Exists' }] },
    status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] },
    ...extra,
  };
}

describe('thaw', () => {
  it('equals the JSON round trip it replaces, including undefined, non-finite numbers and toJSON', () => {
    const input = {
      a: 1, b: 'two', c: null, d: undefined, e: [1, undefined, { f: undefined, g: [] }], h: { i: { j: true } },
      k: Number.NaN, l: Number.POSITIVE_INFINITY, m: new Date(Date.UTC(2024, 0, 2)), n: () => 1,
    };
    expect(thaw(input)).toStrictEqual(JSON.parse(JSON.stringify(input)));
  });

  it('returns a mutable copy of a frozen object that shares nothing mutable', () => {
    const frozen = deepFreeze(pod('p'));
    const copy = thaw(frozen);
    expect(Object.isFrozen(copy)).toBe(false);
    expect(Object.isFrozen(copy.metadata.labels)).toBe(false);
    copy.metadata.labels = { ...copy.metadata.labels, b: 'c' };
    (copy.spec as { containers: Array<{ image: string }> }).containers[0]!.image = 'x';
    expect(frozen.metadata.labels).toEqual({ app: 'a' });
    expect((frozen.spec as { containers: Array<{ image: string }> }).containers[0]!.image).toBe('nginx:1.20');
  });
});

describe('shareWith', () => {
  it('reuses every equal subtree of the previous version and keeps the changed ones', () => {
    const prev = deepFreeze(pod('p'));
    const next = thaw(prev);
    (next.status as { phase: string }).phase = 'Running';
    const shared = shareWith(next, prev) as KubeObject;
    expect(shared).toStrictEqual(next);
    expect(shared.spec).toBe(prev.spec);
    expect(shared.metadata).toBe(prev.metadata);
    expect(shared.status).not.toBe(prev.status);
    expect((shared.status as { conditions: unknown }).conditions).toBe((prev.status as { conditions: unknown }).conditions);
  });

  it('returns the previous value itself when everything is equal', () => {
    const prev = deepFreeze(pod('p'));
    expect(shareWith(thaw(prev), prev)).toBe(prev);
  });

  it('does not share across a different key order, so the bytes stay those of the new object', () => {
    const prev = deepFreeze({ a: 1, b: 2 });
    const next = { b: 2, a: 1 };
    const shared = shareWith(next, prev);
    expect(shared).not.toBe(prev);
    expect(JSON.stringify(shared)).toBe('{"b":2,"a":1}');
  });

  it('treats arrays element by element and a length change as a change', () => {
    const prev = deepFreeze({ list: [{ x: 1 }, { y: 2 }] });
    const next = { list: [{ x: 1 }, { y: 2 }, { z: 3 }] };
    const shared = shareWith(next, prev) as typeof next;
    expect(shared.list).not.toBe(prev.list);
    expect(shared.list[0]).toBe(prev.list[0]);
    expect(shared.list[2]).toEqual({ z: 3 });
  });
});

describe('Store.commit', () => {
  it('stamps a new global resourceVersion, freezes, and shares unchanged parts with the previous version', () => {
    const s = new Store({ firstResourceVersion: 100 });
    const v1 = s.commit('core/pods', 'ns/p', pod('p'));
    const next = thaw(v1.obj as KubeObject);
    (next.status as { phase: string }).phase = 'Running';
    const v2 = s.commit('core/pods', 'ns/p', next);
    expect(v1.obj?.metadata.resourceVersion).toBe('101');
    expect(v2.obj?.metadata.resourceVersion).toBe('102');
    expect(Object.isFrozen(v2.obj)).toBe(true);
    expect(Object.isFrozen((v2.obj as KubeObject).status)).toBe(true);
    expect((v2.obj as KubeObject).spec).toBe((v1.obj as KubeObject).spec);
    expect((v1.obj as KubeObject).status).toEqual({ phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] });
  });

  it('serialises lazily, once, and exactly like JSON.stringify', () => {
    const s = new Store();
    const v = s.commit('core/pods', 'ns/p', pod('p'));
    const bytes = v.doc?.bytes;
    expect(bytes?.toString('utf8')).toBe(JSON.stringify(v.obj));
    expect(v.doc?.bytes).toBe(bytes);
  });

  it('drops the cached bytes of a superseded version but can still serialise it (snapshot reads, watch replay)', () => {
    const s = new Store();
    const v1 = s.commit('core/pods', 'ns/p', pod('p'));
    const first = v1.doc?.bytes;
    s.commit('core/pods', 'ns/p', pod('p', { status: { phase: 'Running' } }));
    const again = v1.doc?.bytes;
    expect(again).not.toBe(first);
    expect(again?.toString('utf8')).toBe(JSON.stringify(v1.obj));
  });

  it('announces events in commit order, also for writes made from inside a watcher', () => {
    const s = new Store();
    const seen: string[] = [];
    s.subscribe({
      table: 'core/pods',
      onEvent: (e: StoreEvent) => {
        seen.push(`${e.type} ${e.key} ${e.rv}`);
        if (e.key === 'ns/a' && e.type === 'ADDED') s.commit('core/pods', 'ns/b', pod('b'));
      },
    });
    s.subscribe({ table: 'core/pods', onEvent: (e) => seen.push(`second ${e.rv}`) });
    s.commit('core/pods', 'ns/a', pod('a'));
    s.commit('core/pods', 'ns/a', undefined);
    expect(seen).toEqual(['ADDED ns/a 1001', 'second 1001', 'ADDED ns/b 1002', 'second 1002', 'DELETED ns/a 1003', 'second 1003']);
  });

  it('keeps the DELETED event serialisable with the deletion resourceVersion', () => {
    const s = new Store();
    s.commit('core/pods', 'ns/a', pod('a'));
    let deleted: StoreEvent | undefined;
    s.subscribe({ table: 'core/pods', onEvent: (e) => { deleted = e; } });
    s.commit('core/pods', 'ns/a', undefined);
    expect(JSON.parse(deleted?.doc.bytes.toString('utf8') ?? '{}').metadata.resourceVersion).toBe('1002');
  });

  it('serves snapshot reads of older versions and expires history beyond the window', () => {
    const s = new Store({ historySize: 3 });
    s.commit('core/pods', 'ns/a', pod('a'));
    const at = s.resourceVersion;
    s.commit('core/pods', 'ns/a', pod('a', { status: { phase: 'Running' } }));
    const snapshot = [...s.table('core/pods').scan({ atRv: at })];
    expect((snapshot[0]?.version.obj?.status as { phase: string }).phase).toBe('Pending');
    for (let i = 0; i < 4; i++) s.commit('core/pods', `ns/x${i}`, pod(`x${i}`));
    expect(() => s.eventsSince('core/pods', at)).toThrow(ExpiredError);
  });

  it('counts what a scan would yield, at the current state and at a snapshot', () => {
    const s = new Store();
    for (const n of ['a', 'b', 'c', 'd']) s.commit('core/pods', `ns/${n}`, pod(n));
    s.commit('core/pods', 'other/e', { ...pod('e'), metadata: { name: 'e', namespace: 'other' } });
    const snapshot = s.resourceVersion;
    s.commit('core/pods', 'ns/c', undefined);
    s.commit('core/pods', 'ns/f', pod('f'));
    const t = s.table('core/pods');
    for (const opts of [{}, { prefix: 'ns/' }, { afterKey: 'ns/a' }, { prefix: 'ns/', afterKey: 'ns/b' }, { atRv: snapshot }, { afterKey: 'ns/b', atRv: snapshot }]) {
      expect(t.count(opts)).toBe([...t.scan(opts)].length);
    }
    expect(t.count({ afterKey: 'ns/b', atRv: snapshot })).toBe(3);
    expect(t.count({ afterKey: 'ns/b' })).toBe(3);
  });

  it('finds the cached bytes of a stored object, and none for objects it never stored', () => {
    const s = new Store();
    const v = s.commit('core/pods', 'ns/p', pod('p'));
    expect(storedBytes(v.obj)).toBe(v.doc?.bytes);
    expect(storedBytes(thaw(v.obj))).toBeUndefined();
    expect(storedBytes('text')).toBeUndefined();
  });
});
