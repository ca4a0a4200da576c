// IPv4 CIDR arithmetic for carving subnets out of an edge location's network.

function toInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Terraform's cidrsubnet: the `index`-th subnet with `newBits` more prefix bits. */
export function cidrSubnet(cidr: string, newBits: number, index: number): string {
  const [ip, prefixText] = cidr.split('/');
  const prefix = Number(prefixText) + newBits;
  if (prefix > 32 || index >= 2 ** newBits) throw new RangeError(`cannot carve subnet ${index} of ${cidr}`);
  const base = toInt(ip) - (toInt(ip) % 2 ** (32 - Number(prefixText)));
  return `${toIp(base + index * 2 ** (32 - prefix))}/${prefix}`;
}

export const DEFAULT_NETWORK_CIDR = '10.0.0.0/16';
