function toInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** Hands out pod IPs from a node's pod CIDR (the first two addresses are skipped as a bridge would). */
export class IpPool {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();
  private next = 2;

  constructor(readonly cidr: string) {
    const [addr, bits] = cidr.split('/');
    this.base = toInt(addr);
    this.size = 2 ** (32 - Number(bits ?? 24));
  }

  /** Marks an address already in use (pods found running at start). */
  claim(ip: string): void {
    const off = toInt(ip) - this.base;
    if (off >= 0 && off < this.size) this.used.add(off);
  }

  allocate(): string {
    for (let i = 0; i < this.size - 3; i++) {
      const off = 2 + ((this.next - 2 + i) % (this.size - 3));
      if (this.used.has(off)) continue;
      this.used.add(off);
      this.next = off + 1;
      return toIp(this.base + off);
    }
    throw new Error(`pod CIDR ${this.cidr} is exhausted`);
  }

  release(ip: string): void {
    this.used.delete(toInt(ip) - this.base);
  }
}

/** The n-th /24 in 10.244.0.0/16 and beyond, as the node IPAM controller would assign. */
export function podCidrFor(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

/** The n-th node's InternalIP in 10.0.0.0/16. */
export function nodeIpFor(index: number): string {
  return toIp(toInt('10.0.0.0') + 10 + index);
}
