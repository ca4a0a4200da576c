// Shared by the catalog tests: a fetch that serves fixture files, a steppable clock, offering builders.
import { readFileSync } from 'node:fs';
import type { Clock, HttpFetch, Offering } from '../../src/catalog/index.ts';

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Serves `routes[url]` (a fixture file name, or an HTTP status to fail with); records requested URLs. */
export function fixtureFetch(routes: Record<string, string | number>): HttpFetch & { requested: string[] } {
  const requested: string[] = [];
  const fetch = async (url: string) => {
    requested.push(url);
    const route = routes[url];
    if (route === undefined) return { ok: false, status: 404, json: async () => ({}) };
    if (typeof route === 'number')
      return { ok: false, status: route, json: async () => ({ error: { code: route } }) };
    return { ok: true, status: 200, json: async () => fixture(route) };
  };
  return Object.assign(fetch, { requested });
}

export class SteppedClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export function offering(
  partial: Partial<Offering> & Pick<Offering, 'cloud' | 'region' | 'instanceType'>,
): Offering {
  return {
    zone: '',
    arch: 'amd64',
    vcpus: 2,
    memoryGiB: 8,
    gpuName: '',
    gpuCount: 0,
    gpuMemoryGiB: 0,
    onDemandPricePerHour: 0.1,
    spotPricePerHour: null,
    source: 'snapshot',
    ageSeconds: 0,
    ...partial,
  };
}
