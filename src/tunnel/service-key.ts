// Services are addressed as `namespace/name:port` everywhere in the tunnel (OPEN frames, allow-lists).
export interface ServiceRef {
  namespace: string;
  name: string;
  port: number;
}

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9]*[a-z0-9])?):(\d{1,5})$/;

export function serviceKey(ref: ServiceRef): string {
  return `${ref.namespace}/${ref.name}:${ref.port}`;
}

export function parseServiceKey(key: string): ServiceRef | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const port = Number(m[5]);
  if (port < 1 || port > 65535) return null;
  return { namespace: m[1], name: m[3], port };
}

export function isServiceKey(key: string): boolean {
  return parseServiceKey(key) !== null;
}
