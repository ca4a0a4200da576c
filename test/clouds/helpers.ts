import { ManualClock } from '../../src/clouds/clock.ts';
import type { JoinContract } from '../../src/clouds/join.ts';
import { RecordingNodeRegistrar } from '../../src/clouds/registrar.ts';
import { SimCloud } from '../../src/clouds/sim/index.ts';
import type { SimCloudOptions } from '../../src/clouds/sim/index.ts';
import type { CloudName } from '../../src/catalog/types.ts';
import { testCatalog } from './fake-catalog.ts';

export function simCloud(cloud: CloudName, extra: Partial<SimCloudOptions> = {}) {
  const clock = new ManualClock();
  const registrar = new RecordingNodeRegistrar();
  const sim = new SimCloud({
    cloud,
    catalog: testCatalog(),
    clock,
    seed: 42,
    registrar,
    bootDelayMs: 10_000,
    ...extra,
  });
  return { sim, clock, registrar };
}

export function joinContract(overrides: Partial<JoinContract> = {}): JoinContract {
  return {
    role: 'agent',
    clusterEndpoint: 'https://127.0.0.1:6443',
    caData: Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64'),
    bootstrapToken: 'abcdef.0123456789abcdef',
    nodeName: 'omni-node-1',
    labels: { 'scheduling.cast.ai/node-template': 'default' },
    taints: [],
    installGpuDriver: false,
    ...overrides,
  };
}
