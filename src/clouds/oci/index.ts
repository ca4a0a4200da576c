// The OCI cloud: Compute plus edge-location onboarding, over oci-core/oci-identity or any port.

import type { Catalog } from '../../catalog/types.ts';
import type { Credentials } from '../credentials.ts';
import type { Clock, CloudProvider } from '../types.ts';
import { OciCompute } from './compute.ts';
import type { OciDeps } from './compute.ts';
import { OciOnboarding } from './onboarding.ts';
import type { OciKeyPair } from './onboarding.ts';

export class OciCloud extends OciCompute implements CloudProvider {
  readonly onboarding: OciOnboarding;

  constructor(deps: OciDeps & { generateKeyPair?: () => OciKeyPair }) {
    super(deps);
    this.onboarding = new OciOnboarding(deps);
  }
}

/** An OciCloud over the real SDK clients; credentials carry tenancyId, userId, fingerprint, privateKeyPem. */
export async function createOciCloud(opts: {
  region: string;
  compartmentId: string;
  credentials: Credentials;
  catalog: Catalog;
  clock: Clock;
  defaultImageId?: string;
}): Promise<OciCloud> {
  const { ociPorts } = await import('./sdk.ts');
  const tenancyId = opts.credentials.reveal().tenancyId ?? '';
  return new OciCloud({ ...opts, tenancyId, ...ociPorts(opts.region, opts.credentials) });
}

export type { OciComputePort, OciIdentityPort, OciNetworkPort } from './port.ts';
