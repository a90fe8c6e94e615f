import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { ContainerRuntime } from './runtime';

async function withPod(images: Array<{ name: string; image: string; mounts?: Array<{ volume: string; mountPath: string }> }>) {
  const clock = new ManualClock();
  const rt = new ContainerRuntime({ clock, seed: 1 });
  rt.runPodSandbox({ pod: { name: 'p', namespace: 'default', uid: 'u1' }, ip: '10.244.1.2', volumes: ['shared'] });
  const ids: Record<string, string> = {};
  for (const c of images) {
    const pulled = rt.pullImage(c.image);
    await clock.advance(2_000);
    await pulled;
    ids[c.name] = rt.createContainer('u1', { name: c.name, image: c.image, env: {}, mounts: c.mounts ?? [], attempt: 0 });
    rt.startContainer(ids[c.name] ?? '');
  }
  return { clock, rt, id: (n: string): string => ids[n] ?? '' };
}

describe('ContainerRuntime', () => {
  it('shares /dev/shm with every container, a volume only with those that mount it', async () => {
    const { rt, id } = await withPod([
      { name: 'a', image: 'busybox:1', mounts: [{ volume: 'shared', mountPath: '/data' }] },
      { name: 'b', image: 'busybox:1', mounts: [{ volume: 'shared', mountPath: '/mnt/x' }] },
      { name: 'c', image: 'busybox:1' },
    ]);
    await rt.exec(id('a'), ['sh', '-c', 'touch /dev/shm/lock /data/reconfig.sock /private']);
    const test = async (c: string, path: string): Promise<number> => (await rt.exec(id(c), ['test', '-e', path])).exitCode;
    expect(await test('c', '/dev/shm/lock')).toBe(0);
    expect(await test('b', '/mnt/x/reconfig.sock')).toBe(0);
    expect(await test('c', '/data/reconfig.sock')).toBe(1);
    expect(await test('b', '/private')).toBe(1);
    expect(rt.inspectPod('u1')?.volumes).toEqual({ shared: ['reconfig.sock'] });
  });

  it('SIGTERM first, SIGKILL after the grace period; exec in a stopped container fails', async () => {
    const { clock, rt, id } = await withPod([{ name: 'a', image: 'busybox:slowstop' }, { name: 'b', image: 'busybox:1' }]);
    let stopped = false;
    void rt.stopContainer(id('a'), 3_000).then(() => (stopped = true));
    await clock.advance(2_999);
    expect(stopped).toBe(false);
    await clock.advance(1);
    expect(stopped).toBe(true);
    expect(rt.containerStatus(id('a'))).toMatchObject({ state: 'exited', exitCode: 137, reason: 'Error' });
    await rt.stopContainer(id('b'), 3_000);
    expect(rt.containerStatus(id('b'))).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect((await rt.exec(id('b'), ['true'])).error).toContain('container is in CONTAINER_EXITED state');
  });

  it('the proxy keeps one connection per pod port; an HTTP/1 server restart is transparent, none listening is refused', async () => {
    const { clock, rt, id } = await withPod([{ name: 'web', image: 'nginx:1.20' }]);
    const get = () => rt.proxy('u1', 80, { method: 'GET', path: '/' });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    expect(rt.inspectPod('u1')?.connections).toMatchObject([{ port: 80, requests: 2, proxied: true, owner: { container: 'web' } }]);
    await rt.stopContainer(id('web'), 1_000);
    await expect(get()).rejects.toMatchObject({ code: 'ECONNREFUSED', message: 'dial tcp 10.244.1.2:80: connect: connection refused' });
    const again = rt.createContainer('u1', { name: 'web', image: 'nginx:1.20', env: {}, mounts: [], attempt: 1 });
    rt.startContainer(again);
    expect((await get()).status).toBe(200);
    expect((await rt.proxy('u1', 80, { method: 'GET', path: '/nope' })).status).toBe(404);
    await clock.advance(0);
  });

  it('a second nginx in the pod cannot bind :80 and exits 1', async () => {
    const { clock, rt, id } = await withPod([{ name: 'a', image: 'nginx:1.20' }, { name: 'b', image: 'nginx:1.21' }]);
    await clock.advance(200);
    expect(rt.containerStatus(id('b'))).toMatchObject({ state: 'exited', exitCode: 1 });
    expect(rt.inspectPod('u1')?.processes.find((p) => p.container === 'b')?.logs.join()).toContain('Address already in use');
  });

  it("keeps each instance's log, follows it until the process exits, and adds hook output", async () => {
    const { clock, rt, id } = await withPod([{ name: 'web', image: 'nginx:1.20' }]);
    const log = rt.containerLog(id('web'));
    expect(log?.entries.map((e) => e.text)).toEqual(['start nginx (nginx:1.20)']);
    const seen: string[] = [];
    let ended = false;
    log?.follow((e) => seen.push(e.text), () => { ended = true; });
    rt.recordHookOutput(id('web'), 'PostStart', 'migrating\n\nwaiting 5s\n');
    await rt.stopContainer(id('web'), 1_000);
    await clock.advance(0);
    expect(seen).toEqual(['[PostStart] migrating', '[PostStart] waiting 5s', 'SIGTERM: shutting down', 'exit 0']);
    expect(ended).toBe(true);
    expect(rt.containerLog(id('web'))?.entries.at(-1)?.text).toBe('exit 0');
  });
});
