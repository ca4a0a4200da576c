// Where a service's real endpoints are. Production reads EndpointSlices; tests and files use a static map.
import { z } from 'zod';

export interface Endpoint {
  host: string;
  port: number;
}

export interface EndpointResolver {
  /** Ready endpoints for `namespace/name:port`; empty when there are none. */
  resolve(service: string): Endpoint[] | Promise<Endpoint[]>;
}

export function staticResolver(map: Record<string, Endpoint[]>): EndpointResolver {
  const m = new Map(Object.entries(map));
  return { resolve: (service) => m.get(service) ?? [] };
}

const hostPort = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'expected host:port');
export const endpointMapSchema = z.record(z.string(), z.array(hostPort));

export function parseHostPort(s: string): Endpoint {
  const i = s.lastIndexOf(':');
  return { host: s.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(s.slice(i + 1)) };
}

/** From `{"ns/svc:80": ["10.0.0.5:8080"]}` (the config-file form). */
export function resolverFromConfig(value: unknown): EndpointResolver {
  const parsed = endpointMapSchema.parse(value ?? {});
  const map: Record<string, Endpoint[]> = {};
  for (const [svc, list] of Object.entries(parsed)) map[svc] = list.map(parseHostPort);
  return staticResolver(map);
}
