// The AWS cloud: EC2 compute plus edge-location onboarding, over the real SDK or any port.

import type { Catalog } from '../../catalog/types.ts';
import type { Credentials } from '../credentials.ts';
import type { Clock, CloudProvider } from '../types.ts';
import { AwsCompute } from './compute.ts';
import type { AwsDeps } from './compute.ts';
import { AwsOnboarding } from './onboarding.ts';
import type { IamPort } from './port.ts';

export class AwsCloud extends AwsCompute implements CloudProvider {
  readonly onboarding: AwsOnboarding;

  constructor(deps: AwsDeps & { iam: IamPort; principalArn?: string }) {
    super(deps);
    this.onboarding = new AwsOnboarding(deps);
  }
}

/** An AwsCloud over the real SDK clients. */
export async function createAwsCloud(opts: {
  region: string;
  credentials: Credentials;
  catalog: Catalog;
  clock: Clock;
}): Promise<AwsCloud> {
  const { ec2Port, iamPort } = await import('./sdk.ts');
  const ports = new Map<string, ReturnType<typeof ec2Port>>();
  const ec2 = (region: string) => {
    if (!ports.has(region)) ports.set(region, ec2Port(region, opts.credentials));
    return ports.get(region) as ReturnType<typeof ec2Port>;
  };
  return new AwsCloud({ ...opts, ec2, iam: iamPort(opts.credentials) });
}

export type { Ec2Port, IamPort } from './port.ts';
