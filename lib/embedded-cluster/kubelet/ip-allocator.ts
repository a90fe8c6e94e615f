/**
 * Pod IPs from the node's podCIDR, lowest free first (.1 is the bridge/gateway, as with kubenet and flannel).
 * Released addresses are reused, so a long demo does not run out.
 */
export class IpAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();

  constructor(cidr: string) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    if (!m) throw new Error(`podCIDR ${cidr} is not an IPv4 CIDR`);
    const octets = m.slice(1, 5).map(Number);
    const bits = Number(m[5]);
    if (octets.some((o) => o > 255) || bits < 8 || bits > 30) throw new Error(`podCIDR ${cidr} is not usable`);
    const addr = octets.reduce((acc, o) => acc * 256 + o, 0);
    this.size = 2 ** (32 - bits);
    this.base = addr - (addr % this.size);
  }

  allocate(): string {
    for (let i = 2; i < this.size - 1; i++) {
      if (!this.used.has(i)) {
        this.used.add(i);
        return toIp(this.base + i);
      }
    }
    throw new Error('podCIDR exhausted: no free pod IP');
  }

  release(ip: string): void {
    const parts = ip.split('.').map(Number);
    const n = parts.reduce((acc, o) => acc * 256 + o, 0);
    this.used.delete(n - this.base);
  }
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
