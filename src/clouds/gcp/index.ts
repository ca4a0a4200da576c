// The GCP cloud: Compute Engine plus edge-location onboarding, over the real SDKs or any port.

import type { Catalog } from '../../catalog/types.ts';
import type { Credentials } from '../credentials.ts';
import type { Clock, CloudProvider } from '../types.ts';
import { GcpCompute } from './compute.ts';
import type { GcpDeps } from './compute.ts';
import { GcpOnboarding } from './onboarding.ts';

export class GcpCloud extends GcpCompute implements CloudProvider {
  readonly onboarding: GcpOnboarding;

  constructor(deps: GcpDeps) {
    super(deps);
    this.onboarding = new GcpOnboarding(deps);
  }
}

/** A GcpCloud over @google-cloud/compute, @googleapis/iam and @googleapis/cloudresourcemanager. */
export async function createGcpCloud(opts: {
  project: string;
  credentials: Credentials;
  catalog: Catalog;
  clock: Clock;
}): Promise<GcpCloud> {
  const { gcpPorts } = await import('./sdk.ts');
  return new GcpCloud({ ...opts, ...gcpPorts(opts.project, opts.credentials) });
}

export type { GcpComputePort, GcpIamPort, GcpProjectIamPort } from './port.ts';
