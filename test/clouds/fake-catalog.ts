// A small catalog for cloud tests, in the spirit of catalogFromOfferings: a few regions per cloud,
// CPU and GPU types, region-only rows for OCI (availability domains come from regions()).

import type { Catalog, CloudName, Offering, OfferingQuery } from '../../src/catalog/types.ts';

type Row = [CloudName, string, string, string, number, number, string, number, number, number | null];

const ROWS: Row[] = [
  // cloud, region, zone, type, vcpu, mem, gpu, gpuCount, onDemand, spot
  ['aws', 'us-east-1', 'us-east-1a', 'm5.large', 2, 8, '', 0, 0.096, 0.035],
  ['aws', 'us-east-1', 'us-east-1b', 'm5.large', 2, 8, '', 0, 0.096, 0.037],
  ['aws', 'us-east-1', 'us-east-1a', 'p4d.24xlarge', 96, 1152, 'A100', 8, 32.77, 12.5],
  ['aws', 'us-west-2', 'us-west-2a', 'm5.large', 2, 8, '', 0, 0.096, 0.031],
  ['aws', 'us-west-2', 'us-west-2a', 'g5.xlarge', 4, 16, 'A10G', 1, 1.006, 0.4],
  ['aws', 'us-west-2', 'us-west-2a', 'p4d.24xlarge', 96, 1152, 'A100', 8, 32.77, 11.9],
  ['gcp', 'us-central1', 'us-central1-a', 'n2-standard-2', 2, 8, '', 0, 0.097, 0.024],
  ['gcp', 'us-central1', 'us-central1-b', 'n2-standard-2', 2, 8, '', 0, 0.097, 0.024],
  ['gcp', 'us-central1', 'us-central1-a', 'a2-highgpu-1g', 12, 85, 'A100', 1, 3.67, 1.1],
  ['oci', 'us-ashburn-1', '', 'VM.Standard.E4.Flex.2', 2, 16, '', 0, 0.074, 0.037],
  ['oci', 'us-ashburn-1', '', 'VM.GPU.A10.1', 15, 240, 'A10', 1, 2.0, 1.0],
  ['azure', 'eastus', 'eastus-1', 'Standard_D2s_v5', 2, 8, '', 0, 0.096, 0.02],
];

const ZONES: Record<CloudName, { region: string; zones: string[] }[]> = {
  aws: [
    { region: 'us-east-1', zones: ['us-east-1a', 'us-east-1b'] },
    { region: 'us-west-2', zones: ['us-west-2a'] },
  ],
  gcp: [{ region: 'us-central1', zones: ['us-central1-a', 'us-central1-b'] }],
  oci: [{ region: 'us-ashburn-1', zones: ['US-ASHBURN-AD-1', 'US-ASHBURN-AD-2'] }],
  azure: [{ region: 'eastus', zones: ['eastus-1'] }],
};

export function testOfferings(): Offering[] {
  return ROWS.map(([cloud, region, zone, instanceType, vcpus, memoryGiB, gpuName, gpuCount, od, spot]) => ({
    cloud,
    region,
    zone,
    instanceType,
    arch: 'amd64',
    vcpus,
    memoryGiB,
    gpuName,
    gpuCount,
    gpuMemoryGiB: gpuCount > 0 ? 40 : 0,
    onDemandPricePerHour: od,
    spotPricePerHour: spot,
    source: 'snapshot',
    ageSeconds: 0,
  }));
}

export function testCatalog(offerings: Offering[] = testOfferings()): Catalog {
  return {
    query(q: OfferingQuery): Offering[] {
      return offerings.filter(
        (o) =>
          (q.cloud === undefined || o.cloud === q.cloud) && (q.region === undefined || o.region === q.region),
      );
    },
    regions: (cloud) => ZONES[cloud],
    gpuNames: () => [...new Set(offerings.map((o) => o.gpuName).filter((g) => g !== ''))].sort(),
    counts: () => {
      const c: Record<CloudName, number> = { aws: 0, gcp: 0, azure: 0, oci: 0 };
      for (const o of offerings) c[o.cloud] += 1;
      return c;
    },
  };
}
