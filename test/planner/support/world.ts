// A small, hand-made world for rule tests: a main region (aws us-east-1, two zones) and one edge
// location (gcp us-central1, two zones), with a few instance types of known shape and price.
import type { Offering } from '../../../src/catalog/types.ts';
import type { PlanInput } from '../../../src/planner/index.ts';
import { fakeCatalog, offering } from './fake-catalog.ts';
import { edgeLocation, template } from './builders.ts';

function both(
  zones: string[],
  o: Omit<Partial<Offering>, 'zone'> & Pick<Offering, 'instanceType'>,
): Offering[] {
  return zones.map((zone) => offering({ ...o, zone }));
}

const AWS = ['us-east-1a', 'us-east-1b'];
const GCP = ['us-central1-a', 'us-central1-b'];

export const OFFERINGS: Offering[] = [
  ...both(AWS, {
    instanceType: 'm5.large',
    vcpus: 2,
    memoryGiB: 8,
    onDemandPricePerHour: 0.096,
    spotPricePerHour: 0.035,
  }),
  ...both(AWS, {
    instanceType: 'm5.xlarge',
    vcpus: 4,
    memoryGiB: 16,
    onDemandPricePerHour: 0.192,
    spotPricePerHour: 0.07,
  }),
  ...both(AWS, {
    instanceType: 'm5.4xlarge',
    vcpus: 16,
    memoryGiB: 64,
    onDemandPricePerHour: 0.768,
    spotPricePerHour: 0.28,
  }),
  ...both(AWS, {
    instanceType: 'c5.large',
    vcpus: 2,
    memoryGiB: 4,
    onDemandPricePerHour: 0.085,
    spotPricePerHour: 0.03,
  }),
  ...both(AWS, {
    instanceType: 'r5.large',
    vcpus: 2,
    memoryGiB: 16,
    onDemandPricePerHour: 0.126,
    spotPricePerHour: 0.04,
  }),
  ...both(AWS, {
    instanceType: 'm6g.large',
    arch: 'arm64',
    vcpus: 2,
    memoryGiB: 8,
    onDemandPricePerHour: 0.077,
    spotPricePerHour: 0.028,
  }),
  ...both(AWS, {
    instanceType: 'g4dn.xlarge',
    vcpus: 4,
    memoryGiB: 16,
    gpuName: 'T4',
    gpuCount: 1,
    gpuMemoryGiB: 16,
    onDemandPricePerHour: 0.526,
    spotPricePerHour: 0.2,
  }),
  ...both(AWS, {
    instanceType: 'p3.2xlarge',
    vcpus: 8,
    memoryGiB: 61,
    gpuName: 'V100',
    gpuCount: 1,
    gpuMemoryGiB: 16,
    onDemandPricePerHour: 3.06,
    spotPricePerHour: 0.9,
  }),
  ...both(GCP, {
    cloud: 'gcp',
    region: 'us-central1',
    instanceType: 'e2-standard-2',
    vcpus: 2,
    memoryGiB: 8,
    onDemandPricePerHour: 0.067,
    spotPricePerHour: 0.02,
  }),
  ...both(GCP, {
    cloud: 'gcp',
    region: 'us-central1',
    instanceType: 'n2-standard-4',
    vcpus: 4,
    memoryGiB: 16,
    onDemandPricePerHour: 0.19,
    spotPricePerHour: 0.05,
  }),
  ...both(GCP, {
    cloud: 'gcp',
    region: 'us-central1',
    instanceType: 't2a-standard-2',
    arch: 'arm64',
    vcpus: 2,
    memoryGiB: 8,
    onDemandPricePerHour: 0.077,
    spotPricePerHour: 0.015,
  }),
  ...both(GCP, {
    cloud: 'gcp',
    region: 'us-central1',
    instanceType: 'g2-standard-4',
    vcpus: 4,
    memoryGiB: 16,
    gpuName: 'L4',
    gpuCount: 1,
    gpuMemoryGiB: 24,
    onDemandPricePerHour: 0.7,
    spotPricePerHour: 0.25,
  }),
];

export const EDGE = edgeLocation('gcp-us-central1', 'gcp', 'us-central1');

/** An input with one on-demand template over main + the edge location; override what the test needs. */
export function world(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    pods: [],
    nodeTemplates: [template('default', { edgeLocations: [EDGE.metadata.name] })],
    edgeLocations: [EDGE],
    main: { cloud: 'aws', region: 'us-east-1' },
    catalog: fakeCatalog(OFFERINGS),
    ...overrides,
  };
}
